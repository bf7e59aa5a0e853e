"""Clean-stage throughput on SaudiNewsNet, and the corpus figures behind the reject thresholds.

Builds RAW-shaped frames (format "json") from ../shared/corpora/saudinewsnet/*.jsonl.gz and
times ``clean_batch``. Usage:

    .venv/bin/python benchmarks/clean_throughput.py [--rows N] [--thresholds]
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import time
from pathlib import Path

import polars as pl

from akhbar.tasks.clean import clean_batch
from akhbar.tasks.clean.boilerplate import CODE_BLOCK_PATTERN
from akhbar.tasks.clean.normalize import n_words_expr, normalize_expr

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "saudinewsnet"
FIELDS = ("url", "title", "published", "outlet", "author")


def load_raw(limit: int | None = None, corpus: Path = CORPUS) -> pl.DataFrame:
    """RAW-schema frame of the corpus lines (source_uri `<file>#L<n>`, sha256 of the line)."""
    import gzip

    rows = []
    for path in sorted(glob.glob(str(corpus / "*.jsonl.gz"))):
        with gzip.open(path, "rb") as fh:
            for n, line in enumerate(fh, start=1):
                obj = json.loads(line)
                rows.append({"source_uri": f"{path}#L{n}", "raw_sha256": hashlib.sha256(line).hexdigest(),
                             "format": "json", "encoding": "utf-8", "text": obj.get("text") or "",
                             **{f: obj.get(f) for f in FIELDS}})
                if limit and len(rows) >= limit:
                    return pl.DataFrame(rows)
    return pl.DataFrame(rows)


def thresholds(raw: pl.DataFrame) -> None:
    """Print the distributions the reject thresholds were read from (bodies as cleaned)."""
    import numpy as np

    articles, rejects = clean_batch(raw)
    body = pl.concat([
        articles.select("body"),
        # Re-clean the rejected rows' bodies without the reject rules, to see their figures.
        pl.DataFrame({"body": [_cleaned_body(raw, u) for u in rejects["source_uri"]]}, schema={"body": pl.String}),
    ]).with_columns(
        n=n_words_expr(pl.col("body")),
        share=pl.col("body").str.count_matches(r"[\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF]")
        / pl.col("body").str.count_matches(r"\p{L}").clip(lower_bound=1),
    ).filter(pl.col("n") > 0)
    print("non-empty cleaned bodies:", body.height)
    print("Arabic share quantiles:",
          {q: round(body["share"].quantile(q), 3) for q in (0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01)})
    print("share < 0.5:", body.filter(pl.col("share") < 0.5).height,
          " in [0.4, 0.6):", body.filter(pl.col("share").is_between(0.4, 0.6, closed="left")).height)
    counts, edges = np.histogram(body["n"].to_numpy(), bins=[1, 5, 10, 15, 20, 25, 30, 40, 50])
    print("word-count histogram:", [(f"{a}-{b - 1}", int(c)) for a, b, c in zip(edges, edges[1:], counts)])


def _cleaned_body(raw: pl.DataFrame, source_uri: str) -> str:
    row = raw.filter(pl.col("source_uri") == source_uri)
    text = row.select(normalize_expr(pl.col("text").str.replace_all(CODE_BLOCK_PATTERN, " ")))
    return text.item()


def as_pages(raw: pl.DataFrame, fmt: str) -> pl.DataFrame:
    """The same articles as page dumps (title line + text) or as HTML pages with site chrome."""
    import html

    nav = "".join(f"<li><a href='/s/{i}'>قسم {i}</a></li>" for i in range(150))
    script = "<script>" + "var a = 1;" * 2000 + "</script>"

    def page(title: str | None, text: str) -> str:
        if fmt == "txt":
            return f"{title or ''}\n\nشارك\n\n{text}\n\nاترك تعليقاً\nجميع الحقوق محفوظة ©"
        paras = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
        return (f"<html><head><title>{html.escape(title or '')}</title>{script}</head><body>"
                f"<nav><ul>{nav}</ul></nav><article><h1>{html.escape(title or '')}</h1>{paras}"
                f"</article><footer>جميع الحقوق محفوظة ©</footer></body></html>")

    texts = [page(t, x) for t, x in zip(raw["title"], raw["text"])]
    return raw.with_columns(text=pl.Series(texts), format=pl.lit(fmt))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=None)
    ap.add_argument("--format", choices=("json", "txt", "html"), default="json",
                    help="feed the articles as JSON rows, page dumps or HTML pages")
    ap.add_argument("--thresholds", action="store_true")
    args = ap.parse_args()
    raw = load_raw(args.rows)
    if args.format != "json":
        raw = as_pages(raw, args.format)
        print(f"mean page size: {raw['text'].str.len_bytes().mean() / 1024:.1f} KiB")
    if args.thresholds:
        thresholds(raw)
    clean_batch(raw.head(200))  # warm-up: lazy caches (gazetteer, regexes)
    t0, c0 = time.perf_counter(), time.process_time()
    articles, rejects = clean_batch(raw)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    # CPU time is printed too: on a shared machine wall time mostly measures the neighbours.
    print(f"rows={raw.height} articles={articles.height} rejects={rejects.height} "
          f"wall={dt:.2f}s cpu={cpu:.2f}s throughput={raw.height / dt:,.0f} rows/s "
          f"({raw.height / cpu:,.0f} rows per CPU-second)")
    print(rejects.group_by("reason").len().sort("reason").rows())


if __name__ == "__main__":
    main()
