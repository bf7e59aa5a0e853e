"""Precision and recall of the annotator on the hand-annotated SaudiNewsNet set.

Usage: python benchmarks/entities/eval_handset.py [--errors] [--institutions]

Named mentions only (nominal mentions are not in the gold set). A prediction is correct when
its span and type equal a gold mention's (exact match); "span only" ignores the type.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import polars as pl

from akhbar.tasks.annotate.entities import annotate_entities

HERE = Path(__file__).parent


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    if "--institutions" in sys.argv:  # the institution-shape ORG candidates (off by default)
        import akhbar.tasks.annotate.entities.recognize as recognize

        recognize.INSTITUTION_CANDIDATES = True
    arts = [json.loads(line) for line in (HERE / "handset.jsonl").read_text(encoding="utf-8").splitlines()]
    frame = pl.DataFrame({"article_id": [a["article_id"] for a in arts], "body": [a["body"] for a in arts]})
    ents = annotate_entities(frame).filter(pl.col("mention_kind") == "named")
    gold = {(a["article_id"], m["start"], m["end"], m["type"]) for a in arts for m in a["mentions"]}
    pred = set(ents.select("article_id", "start_char", "end_char", "entity_type").iter_rows())
    print(f"{len(arts)} articles, {len(gold)} gold mentions, {len(pred)} predicted\n")
    print("| type | precision | recall | F1 | gold | predicted |\n|---|---|---|---|---|---|")
    for t in ("PER", "ORG", "LOC", None):
        g = {x for x in gold if t in (None, x[3])}
        p = {x for x in pred if t in (None, x[3])}
        pp, rr, ff = prf(len(g & p), len(p), len(g))
        print(f"| {t or 'all'} | {pp:.3f} | {rr:.3f} | {ff:.3f} | {len(g)} | {len(p)} |")
    spans_g, spans_p = {x[:3] for x in gold}, {x[:3] for x in pred}
    pp, rr, ff = prf(len(spans_g & spans_p), len(spans_p), len(spans_g))
    print(f"| span only | {pp:.3f} | {rr:.3f} | {ff:.3f} | {len(spans_g)} | {len(spans_p)} |")
    if "--errors" in sys.argv:
        bodies = {a["article_id"]: a["body"] for a in arts}
        for kind, xs in (("FN", gold - pred), ("FP", pred - gold)):
            c = Counter(f"{kind} {x[3]} {bodies[x[0]][x[1]:x[2]]}" for x in xs)
            print("\n".join(f"{n} {k}" for k, n in c.most_common()))


if __name__ == "__main__":
    main()
