"""Throughput of ingest + clean + dedup on all SaudiNewsNet articles, and the duplicate rates.

Usage: .venv/bin/python benchmarks/ingest_clean_dedup.py [--batch-size 2000]

Calls the same pure stage functions the flow's tasks call (read_batch, clean_batch,
dedup_batch), batch by batch, without Prefect or Parquet writes, on one core: this isolates the
transforms' cost. The whole flow (Prefect, validation, annotation, publish) is measured by
benchmarks/pipeline.py.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

import polars as pl

from akhbar.flows.stages import article_ids
from akhbar.tasks.clean import clean_batch
from akhbar.tasks.dedup import DedupConfig, dedup_batch
from akhbar.tasks.ingest.readers import IngestLimits, read_batch

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "saudinewsnet"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch-size", type=int, default=2000)
    args = ap.parse_args()
    files = sorted(CORPUS.glob("*.jsonl.gz"))
    t = {"ingest": 0.0, "clean": 0.0, "dedup": 0.0}
    config, index = DedupConfig(), None
    n_in = n_rej = 0
    kinds: dict[str, int] = {}
    for path in files:
        s = time.perf_counter()
        raw, rejects = read_batch([path], IngestLimits())
        t["ingest"] += time.perf_counter() - s
        raw = pl.from_arrow(raw)
        n_in += raw.height + rejects.num_rows
        n_rej += rejects.num_rows
        for start in range(0, raw.height, args.batch_size):
            part = raw.slice(start, args.batch_size)
            s = time.perf_counter()
            cleaned, crej = clean_batch(part)
            t["clean"] += time.perf_counter() - s
            n_rej += crej.height
            cleaned = cleaned.with_columns(article_id=article_ids(cleaned))
            s = time.perf_counter()
            assign, rows = dedup_batch(cleaned.select("article_id", "body", "published_at"), index, config)
            index = rows if index is None else pl.concat([index, rows], how="vertical_relaxed")
            t["dedup"] += time.perf_counter() - s
            for k, n in assign.group_by("dup_kind").len().iter_rows():
                kinds[k] = kinds.get(k, 0) + n
    total = sum(t.values())
    articles = sum(kinds.values())
    print(f"inputs {n_in:,}  articles {articles:,}  rejects {n_rej:,}")
    for k, v in t.items():
        print(f"{k:>7}: {v:6.1f} s  {n_in / v:8.0f} rows/s")
    print(f"  total: {total:6.1f} s  {n_in / total:8.0f} rows/s (ingest+clean+dedup, one core)")
    print(f"exact duplicates {kinds.get('exact', 0) / articles:.1%}, near duplicates {kinds.get('near', 0) / articles:.1%}, "
          f"articles with a duplicate of either kind {(kinds.get('exact', 0) + kinds.get('near', 0)) / articles:.1%}")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
