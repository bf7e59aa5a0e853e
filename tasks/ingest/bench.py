"""Ingest benchmarks on SaudiNewsNet: read_batch throughput and legacy-encoding detection.

Run: ``python -m akhbar.tasks.ingest.bench [CORPUS_DIR] [--sample N]`` (default corpus:
``../shared/corpora/saudinewsnet`` beside the repo). Prints one line per measurement.

Detection accuracy: each sampled article is encoded to the target encoding (articles with a
character the encoding cannot hold are skipped and counted) and must come back from
``decode_bytes`` with that encoding label and exactly the original text (after
``sanitize_text``). The same bytes through bare charset-normalizer give the baseline.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from akhbar.tasks.ingest.decode import Decoded, decode_bytes, sanitize_text
from akhbar.tasks.ingest.discover import discover_inputs
from akhbar.tasks.ingest.readers import read_batch

DEFAULT_CORPUS = Path(__file__).resolve().parents[2].parent / "shared/corpora/saudinewsnet"
_HTML = (
    '<!DOCTYPE html><html lang="ar" dir="rtl"><head><title>{title}</title>'
    '<link rel="stylesheet" href="/css/main.css"><script>var nav = {{"items": [1, 2, 3]}};'
    '</script></head><body><ul class="menu"><li><a href="/">home</a></li></ul>'
    "<h1>{title}</h1><p>{body}</p></body></html>"
)
# name -> (text builder from an article, codec)
CASES: dict[str, tuple[Callable[[dict], str], str]] = {
    "cp1256 title": (lambda a: a["title"] or "", "cp1256"),
    "cp1256 first 200 chars": (lambda a: a["text"][:200], "cp1256"),
    "cp1256 full article": (lambda a: a["text"], "cp1256"),
    "cp1256 html page (title + 300 chars)": (
        lambda a: _HTML.format(title=a["title"] or "", body=a["text"][:300]),
        "cp1256",
    ),
    "iso8859-6 full article": (lambda a: a["text"], "iso8859-6"),
    "utf-16-le no BOM, full article": (lambda a: a["text"], "utf-16-le"),
}


def throughput(corpus: Path, repeats: int = 3) -> str:
    """read_batch over every corpus file; median wall time of ``repeats`` runs."""
    paths = discover_inputs([corpus])
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        raw, rejects = read_batch(paths)
        times.append(time.perf_counter() - start)
    seconds = statistics.median(times)
    rows = raw.num_rows + rejects.num_rows
    reasons = Counter(rejects.column("reason").to_pylist())
    return (
        f"read_batch: {len(paths)} files, {raw.num_rows} raw + {rejects.num_rows} rejects "
        f"{dict(reasons)} in {seconds:.2f} s (median of {repeats}) = {rows / seconds:,.0f} rows/s"
    )


def detection(articles: list[dict], name: str) -> str:
    """Exact round-trip rate of decode_bytes (and bare charset-normalizer) for one case."""
    from charset_normalizer import from_bytes

    build, codec = CASES[name]
    ok = baseline = tried = skipped = 0
    labels: Counter[str] = Counter()
    for article in articles:
        text = build(article)
        try:
            data = text.encode(codec)
        except UnicodeEncodeError:
            skipped += 1
            continue
        if text.isascii() or not text.strip():  # nothing to detect
            skipped += 1
            continue
        tried += 1
        result = decode_bytes(data)
        labels[result.encoding if isinstance(result, Decoded) else result.reason] += 1
        ok += result == Decoded(sanitize_text(text), codec)
        guess = from_bytes(data).best()
        baseline += guess is not None and str(guess) == text
    wrong = {k: v for k, v in labels.most_common() if k != codec}
    return (
        f"{name}: {ok}/{tried} exact ({ok / max(tried, 1):.2%}); bare charset-normalizer "
        f"{baseline}/{tried} ({baseline / max(tried, 1):.2%}); skipped {skipped}; "
        f"other labels {wrong}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sample", type=int, default=2000, help="articles per detection case")
    args = parser.parse_args()
    print(throughput(args.corpus))
    articles = [
        json.loads(line)
        for path in sorted(args.corpus.glob("*.jsonl.gz"))
        for line in gzip.open(path)
        if line.strip()
    ]
    articles = [a for a in articles if a.get("text")]
    sample = random.Random(0).sample(articles, min(args.sample, len(articles)))
    for name in CASES:
        print(detection(sample, name))


if __name__ == "__main__":
    main()
