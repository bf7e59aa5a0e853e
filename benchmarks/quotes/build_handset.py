"""Resolve the anchors of ``gold_source.py`` into ``handset.jsonl`` (article text + gold offsets).

Run once after editing the annotations:
    .venv/bin/python benchmarks/quotes/build_handset.py
Each output line: ``{"article_id", "source", "split", "body", "quotes": [{kind, start_char,
end_char, text, speaker}]}``; ``body`` is ``final_text`` of the sample page or corpus ``text``,
i.e. what articles.body holds for an uncleaned page.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from pathlib import Path

from akhbar.tasks.text import final_text

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from gold_source import GOLD, HELD_OUT

ROOT = HERE.parent.parent
CORPUS = Path("/work/shared/corpora/saudinewsnet")


def load_body(source: str) -> str:
    """Return the body text of a sample path or a ``<day file>#L<n>`` corpus reference."""
    if source.startswith("samples/"):
        return final_text((ROOT / source).read_text(encoding="utf-8"))
    name, line = source.split("#L")
    with gzip.open(CORPUS / name, "rt", encoding="utf-8") as fh:
        for i, raw in enumerate(fh, 1):
            if i == int(line):
                return final_text(json.loads(raw)["text"] or "")
    raise KeyError(source)


def resolve(body: str, start_anchor: str, end_anchor: str) -> tuple[int, int]:
    """Offsets of the gold span; raises when an anchor is missing."""
    cursor = 0
    if ">>" in start_anchor:
        ctx, start_anchor = start_anchor.split(">>")
        cursor = body.index(ctx)
    start = body.index(start_anchor, cursor)
    end = body.index(end_anchor, start) + len(end_anchor)
    return start, end


def main() -> None:
    out = []
    for source, quotes in GOLD.items():
        body = load_body(source)
        rows = []
        for kind, a, b, speaker in quotes:
            start, end = resolve(body, a, b)
            rows.append({"kind": kind, "start_char": start, "end_char": end,
                         "text": body[start:end], "speaker": speaker})
        out.append({"article_id": hashlib.sha256(source.encode()).hexdigest()[:16], "source": source,
                    "split": "heldout" if source in HELD_OUT else "dev", "body": body, "quotes": rows})
    with open(HERE / "handset.jsonl", "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(rec, ensure_ascii=False) + "\n" for rec in out)
    n = sum(len(r["quotes"]) for r in out)
    print(f"{len(out)} articles, {n} gold quotes")


if __name__ == "__main__":
    main()
