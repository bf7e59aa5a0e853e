"""Build benchmarks/entities/handset.jsonl from the hand annotation in hand_gold.txt.

The article pool is a seeded random sample of SaudiNewsNet articles of 500-1100 characters
(short enough to annotate whole; seed 7; no selection by content). Each gold mention is
written as ``surface|TYPE`` in text order; this script finds its offsets (the next
occurrence after the previous mention, at a word start or after proclitics) and fails loudly
when one is not found. The set was never used to tune the annotator.

Usage: python benchmarks/entities/build_handset.py
"""

from __future__ import annotations

import gzip
import json
import random
import re
from pathlib import Path

from akhbar.tasks.text import final_text

CORPUS = Path("/work/shared/corpora/saudinewsnet")
HERE = Path(__file__).parent
SEED = 7
POOL = 40


def article_pool() -> list[dict]:
    """The seeded sample of articles the annotation refers to by index."""
    rows = []
    for path in sorted(CORPUS.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                d = json.loads(line)
                body = final_text(d["text"])
                if 500 <= len(body) <= 1100:
                    rows.append({"article_id": f"{path.name[:10]}#L{i + 1}", "url": d["url"], "body": body})
    random.Random(SEED).shuffle(rows)
    return rows[:POOL]


def read_gold(path: Path) -> dict[int, list[tuple[str, str]]]:
    gold: dict[int, list[tuple[str, str]]] = {}
    cur = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@"):
            cur = gold.setdefault(int(line[1:]), [])
            continue
        surface, etype = line.rsplit("|", 1)
        cur.append((surface, etype))
    return gold


def locate(body: str, mentions: list[tuple[str, str]]) -> list[dict]:
    out, pos = [], 0
    for surface, etype in mentions:
        # Word start, or after proclitics (و ب ل ف ك) or ـ, not inside another word.
        pat = re.compile(r"(?:(?<=^)|(?<=[^\w])|(?<=(?<![\w])[وبلفك])|(?<=(?<![\w])[وف][بلك])|(?<=ـ))"
                         + re.escape(surface) + r"(?!\w)")
        m = pat.search(body, pos)
        if m is None:
            raise ValueError(f"not found after {pos}: {surface!r}")
        out.append({"start": m.start(), "end": m.end(), "surface": surface, "type": etype})
        pos = m.end()
    return out


def main() -> None:
    pool = article_pool()
    gold = read_gold(HERE / "hand_gold.txt")
    n = 0
    with open(HERE / "handset.jsonl", "w", encoding="utf-8") as fo:
        for idx in sorted(gold):
            art = pool[idx]
            mentions = locate(art["body"], gold[idx])
            n += len(mentions)
            fo.write(json.dumps({**art, "mentions": mentions}, ensure_ascii=False) + "\n")
    print(f"{len(gold)} articles, {n} gold mentions -> {HERE / 'handset.jsonl'}")


if __name__ == "__main__":
    main()
