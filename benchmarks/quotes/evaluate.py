"""Score the quotes annotator on the hand set and measure throughput on SaudiNewsNet.

    .venv/bin/python benchmarks/quotes/evaluate.py                # scores (with and without entities)
    .venv/bin/python benchmarks/quotes/evaluate.py --throughput 2000
    .venv/bin/python benchmarks/quotes/evaluate.py --errors dev   # print misses / false alarms

Matching rule (documented in RESULTS.md): a predicted and a gold quote match when they have the
same kind and share at least half of the gold span's tokens AND at least half of the predicted
span's tokens (tokens = word runs, offsets into the same body). Pairs are matched one-to-one,
best overlap first. Speaker accuracy = share of matched gold quotes that have a gold speaker
whose predicted speaker (speaker_surface or speaker_name) has token-F1 >= 0.5 with one of the
gold speaker strings (after match_key); a missing predicted speaker counts as wrong.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from pathlib import Path

import polars as pl
from akhbar.tasks.annotate.quotes import ANNOTATOR, annotate_quotes
from akhbar.tasks.text import final_text, match_key

HERE = Path(__file__).parent
CORPUS = Path("/work/shared/corpora/saudinewsnet")
_WORD = re.compile(r"[^\W_]+|\d+")
MIN_OVERLAP = 0.5  # share of tokens each side must cover (the brief's ">= 50% token overlap")
SPEAKER_F1 = 0.5  # "بيسكوف" vs "ديميتري بيسكوف" = 0.67; "بايدن" vs "مسؤول كبير في إدارة بايدن" = 0.33


def load_handset() -> list[dict]:
    with open(HERE / "handset.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def entity_frame(articles: pl.DataFrame) -> tuple[pl.DataFrame, str]:
    """Run the real entities annotator when it can be imported; else an empty frame."""
    try:
        from akhbar.tasks.annotate.entities import annotate_entities
    except ImportError as exc:  # the entities part is developed in parallel
        return pl.DataFrame(), f"unavailable ({type(exc).__name__})"
    try:
        return annotate_entities(articles), "annotate_entities"
    except Exception as exc:  # noqa: BLE001 - a broken entities run must not stop the quote scores
        return pl.DataFrame(), f"failed ({type(exc).__name__}: {exc})"


def _token_ids(body: str, start: int, end: int) -> set[int]:
    return {m.start() for m in _WORD.finditer(body, start, end)}


def _f1(a: str, b: str) -> float:
    ta, tb = match_key(a).split(), match_key(b).split()
    common = len(set(ta) & set(tb))
    return 0.0 if not common else 2 * common / (len(set(ta)) + len(set(tb)))


def speaker_ok(gold: str, pred: dict) -> bool:
    """True when a predicted surface or name matches one of the gold alternatives."""
    cands = [c for c in (pred.get("speaker_surface"), pred.get("speaker_name")) if c]
    return any(_f1(g, c) >= SPEAKER_F1 for g in gold.split("|") for c in cands)


def match(body: str, gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs under the overlap rule, best first."""
    cands = []
    for gi, g in enumerate(gold):
        gt = _token_ids(body, g["start_char"], g["end_char"])
        for pi, p in enumerate(pred):
            if p["kind"] != g["kind"]:
                continue
            pt = _token_ids(body, p["start_char"], p["end_char"])
            inter = len(gt & pt)
            if gt and pt and inter / len(gt) >= MIN_OVERLAP and inter / len(pt) >= MIN_OVERLAP:
                cands.append((inter / len(gt | pt), gi, pi))
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in sorted(cands, reverse=True):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi), used_p.add(pi), pairs.append((gi, pi))
    return pairs


def score(records: list[dict], quotes: pl.DataFrame, errors: bool = False) -> dict:
    """Precision/recall/F1 per kind and speaker accuracy over ``records``."""
    by_article = {aid: grp.to_dicts() for (aid,), grp in quotes.group_by(["article_id"])} if quotes.height else {}
    tally = {k: {"tp": 0, "fp": 0, "fn": 0} for k in ("direct", "indirect")}
    spk = {"ok": 0, "n": 0}
    for rec in records:
        gold, pred = rec["quotes"], sorted(by_article.get(rec["article_id"], []), key=lambda r: r["start_char"])
        pairs = match(rec["body"], gold, pred)
        mg, mp = {g for g, _ in pairs}, {p for _, p in pairs}
        for kind, t in tally.items():
            t["tp"] += sum(1 for g, _ in pairs if gold[g]["kind"] == kind)
            t["fn"] += sum(1 for i, g in enumerate(gold) if i not in mg and g["kind"] == kind)
            t["fp"] += sum(1 for i, p in enumerate(pred) if i not in mp and p["kind"] == kind)
        for g, p in pairs:
            if gold[g]["speaker"]:
                ok = speaker_ok(gold[g]["speaker"], pred[p])
                spk["n"] += 1
                spk["ok"] += ok
                if errors and not ok:
                    print(f"SPEAKER {rec['source']}: gold={gold[g]['speaker']!r} pred={pred[p]['speaker_surface']!r}/{pred[p]['speaker_name']!r} :: {gold[g]['text'][:60]}")
        if errors:
            for i, g in enumerate(gold):
                if i not in mg:
                    print(f"MISS {g['kind']} {rec['source']}: {g['text'][:90]!r}")
            for i, p in enumerate(pred):
                if i not in mp:
                    print(f"FALSE {p['kind']} {rec['source']}: {p['text'][:90]!r} [{p['cue']}]")
    out = {}
    for kind, t in tally.items():
        p = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 0.0
        r = t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 0.0
        out[kind] = {**t, "precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}
    out["speaker_accuracy"] = round(spk["ok"] / spk["n"], 3) if spk["n"] else 0.0
    out["speaker_n"] = spk["n"]
    return out


def run_scores(split: str | None, errors: bool) -> None:
    records = [r for r in load_handset() if split in (None, "all", r["split"])]
    articles = pl.DataFrame({"article_id": [r["article_id"] for r in records], "body": [r["body"] for r in records]})
    entities, how = entity_frame(articles)
    for label, ents in (("no entities", pl.DataFrame()), (f"entities: {how}", entities)):
        quotes = annotate_quotes(articles, ents)
        assert all(r["text"] == b[r["start_char"]:r["end_char"]] for r, b in
                   zip(quotes.to_dicts(), [dict(zip(articles["article_id"], articles["body"]))[a] for a in quotes["article_id"]]))
        print(f"== {ANNOTATOR} | {label}")
        for part in ("dev", "heldout", "all"):
            recs = [r for r in records if part in ("all", r["split"])]
            if recs:
                ids = {r["article_id"] for r in recs}
                res = score(recs, quotes.filter(pl.col("article_id").is_in(list(ids))), errors and part == "all" and label == "no entities")
                print(f"  {part:8s} ({sum(len(r['quotes']) for r in recs)} gold): {json.dumps(res, ensure_ascii=False)}")


def run_throughput(n: int) -> None:
    """Articles per second of annotate_quotes on the first ``n`` SaudiNewsNet articles."""
    bodies = []
    for path in sorted(CORPUS.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line).get("text") or ""
                bodies.append(final_text(text))
                if len(bodies) >= n:
                    break
        if len(bodies) >= n:
            break
    articles = pl.DataFrame({"article_id": [str(i) for i in range(len(bodies))], "body": bodies})
    annotate_quotes(articles.head(100), pl.DataFrame())  # warm the per-process word caches
    t0 = time.perf_counter()
    quotes = annotate_quotes(articles, pl.DataFrame())
    dt = time.perf_counter() - t0
    print(f"{len(bodies)} articles, {quotes.height} quotes ({quotes['kind'].value_counts().to_dicts()}) "
          f"in {dt:.1f}s = {len(bodies) / dt:.0f} articles/s (one core, no entities)")
    entities, how = entity_frame(articles)
    if entities.height:
        t0 = time.perf_counter()
        annotate_quotes(articles, entities)
        print(f"with {entities.height} entity mentions ({how}): {len(bodies) / (time.perf_counter() - t0):.0f} articles/s")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="all", choices=["dev", "heldout", "all"])
    ap.add_argument("--errors", action="store_true", help="print misses, false alarms, wrong speakers")
    ap.add_argument("--throughput", type=int, default=0, help="articles to time on SaudiNewsNet")
    args = ap.parse_args(argv)
    if args.throughput:
        run_throughput(args.throughput)
    else:
        run_scores(args.split, args.errors)


if __name__ == "__main__":
    sys.exit(main())
