"""Distributional word classes from unlabeled SaudiNewsNet text: each word's typical neighbours.

Usage: python benchmarks/entities/build_neighbours.py [OUT_TSV]
    (default: tasks/annotate/entities/data/neighbours.tsv)

For every word seen at least MIN_COUNT times in the whole corpus (31k articles, file order,
bodies cleaned with final_text), its most frequent left and right neighbour among the TOP most
frequent words (mostly function words, verbs of saying and titles: قال، الرئيس، في، وزير).
Two words with the same typical neighbours are used alike (a cheap stand-in for Brown
clusters, which need a package this project does not have); the tagger reads the pair as
features, so names unseen in ANERcorp still get their context class. Deterministic: counts
over a fixed corpus, ties broken by the word itself.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from pathlib import Path

from akhbar.tasks.annotate.entities.lexicon import TOKEN_RE
from akhbar.tasks.text import final_text, match_key

CORPUS = Path("/work/shared/corpora/saudinewsnet")
OUT = Path(__file__).resolve().parents[2] / "tasks" / "annotate" / "entities" / "data" / "neighbours.tsv"
TOP = 300  # context words: the most frequent forms
MIN_COUNT = 5  # rarer words get no class (their neighbour counts are noise)


def _keys(text: str) -> list[str]:
    return [match_key(t) for t in TOKEN_RE.findall(final_text(text))]


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    docs = []
    for path in sorted(CORPUS.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            docs += [_keys(json.loads(line)["text"]) for line in fh]
    freq = Counter(k for d in docs for k in d)
    top = {w for w, _ in sorted(freq.items(), key=lambda x: (-x[1], x[0]))[:TOP]}
    left: dict[str, Counter] = {}
    right: dict[str, Counter] = {}
    for d in docs:
        for a, b in zip(d, d[1:]):
            if a in top and freq[b] >= MIN_COUNT:
                left.setdefault(b, Counter())[a] += 1
            if b in top and freq[a] >= MIN_COUNT:
                right.setdefault(a, Counter())[b] += 1
    rows = []
    for w in sorted(set(left) | set(right)):
        lw = min(left[w].items(), key=lambda x: (-x[1], x[0]))[0] if w in left else ""
        rw = min(right[w].items(), key=lambda x: (-x[1], x[0]))[0] if w in right else ""
        rows.append(f"{w}\t{lw}\t{rw}")
    out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(docs)} articles, {len(rows)} words -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
