"""Linking accuracy on the recurring entities of the seed pages (samples/*.txt).

Usage: python benchmarks/entities/eval_linking.py

Gold: every occurrence of the written forms below (full and short forms, both spellings
where the pages use two) after an optional proclitic. A gold mention is linked correctly
when a named mention of the annotator overlaps it and carries the entity's id, the id most
of that entity's mentions got, provided no other gold entity has the same id. Also reported:
how many distinct ids each entity got across the five pages (1 is right).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import polars as pl

from akhbar.tasks.annotate.entities import annotate_entities
from akhbar.tasks.text import final_text

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
GOLD = {
    "Vladimir Putin": r"(?:فلاديمير )?بوتين",
    "Joe Biden": r"(?:جو )?بايدن",
    "Dmitry Peskov": r"(?:(?:دميتري|ديميتري|ديمتري) )?(?:بيسكوف|بسكوف)",
    "NATO": r"حلف شمال الأطلسي|حلف الناتو|حلف الأطلسي|الناتو|ناتو",
    "Jens Stoltenberg": r"(?:(?:ينس|يانس) )?ستولتنبر[غج]",
    "Alexander Grushko": r"(?:(?:ألكسندر|الكسندر) )?[غج]روشكو",
    "Antony Blinken": r"(?:(?:أنتوني|انتوني) )?بلينكي?ن",
    "Russia": r"روسيا",
    "Ukraine": r"أوكرانيا|اوكرانيا",
    "Kremlin": r"الكرملين",
    "Moscow": r"موسكو",
    "Brussels": r"بروكسل",
    "Geneva": r"جنيف",
}
_PREFIX = r"(?:(?<![\w])|(?<=(?<![\w])[وفبلك])|(?<=(?<![\w])[وف][بلك]))"


def gold_mentions(article_id: str, body: str) -> list[tuple[str, int, int, str]]:
    out = []
    for name, pattern in GOLD.items():
        for m in re.finditer(_PREFIX + f"(?:{pattern})" + r"(?!\w)", body):
            out.append((article_id, m.start(), m.end(), name))
        if name == "NATO":  # fused ل+ال: للناتو
            out += [(article_id, m.start(), m.end(), name) for m in re.finditer(r"(?<![\w])[وف]?(للناتو)(?!\w)", body)]
    return out


def main() -> None:
    paths = sorted(SAMPLES.glob("*.txt"))
    frame = pl.DataFrame({"article_id": [p.stem for p in paths],
                          "body": [final_text(p.read_text(encoding="utf-8")) for p in paths]})
    ents = annotate_entities(frame).filter(pl.col("mention_kind") == "named")
    by_article: dict[str, list[tuple[int, int, str]]] = {}
    for aid, s, e, eid in ents.select("article_id", "start_char", "end_char", "entity_id").iter_rows():
        by_article.setdefault(aid, []).append((s, e, eid))
    gold = [g for aid, body in frame.iter_rows() for g in gold_mentions(aid, body)]
    got = []
    for aid, s, e, name in gold:
        ids = [eid for ms, me, eid in by_article.get(aid, []) if ms < e and s < me]
        got.append((name, ids[0] if ids else None))
    majority = {n: Counter(i for nn, i in got if nn == n and i).most_common(1) for n in GOLD}
    majority = {n: (m[0][0] if m else None) for n, m in majority.items()}
    clash = {i for i, c in Counter(majority.values()).items() if i and c > 1}
    print("| entity | gold mentions | linked correctly | distinct ids |\n|---|---|---|---|")
    total = ok = 0
    for n in GOLD:
        rows = [i for nn, i in got if nn == n]
        good = sum(1 for i in rows if i and i == majority[n] and i not in clash)
        total, ok = total + len(rows), ok + good
        print(f"| {n} | {len(rows)} | {good} | {len({i for i in rows if i})} |")
    print(f"| **all** | {total} | {ok} ({ok / total:.3f}) | |")


if __name__ == "__main__":
    main()
