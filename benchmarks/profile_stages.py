"""Profile the per-article stages (clean, dedup, entities, quotes, events) on SaudiNewsNet.

Usage: .venv/bin/python benchmarks/profile_stages.py [N] [--top 15] [--plain]

Runs the pure stage functions the flow's tasks call on the first N articles (default 2,000)
under cProfile, prints seconds per stage and the top functions by own time. ``--plain`` times
the stages without cProfile (its per-call overhead triples the rule-based annotators' time). Models and
gazetteers are loaded before timing (a worker loads them once).
"""

from __future__ import annotations

import cProfile
import gzip
import io
import json
import pstats
import sys
import time
from pathlib import Path

import polars as pl

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "saudinewsnet"


def raw_corpus(n: int) -> pl.DataFrame:
    """RAW-like rows for the first ``n`` SaudiNewsNet articles with text (what ingest would give)."""
    rows = []
    for path in sorted(CORPUS.glob("*.jsonl.gz")):
        rows += [json.loads(line) for line in gzip.open(path, "rt", encoding="utf-8")]
        if len(rows) >= n:
            break
    rows = [r for r in rows[:n] if isinstance(r.get("text"), str) and r["text"].strip()]
    return pl.DataFrame({
        "source_uri": [f"/bench#L{i}" for i in range(len(rows))], "raw_sha256": [str(i) for i in range(len(rows))],
        "format": ["json"] * len(rows), "encoding": ["utf-8"] * len(rows), "text": [r["text"] for r in rows],
        "url": [r.get("url") for r in rows], "title": [r.get("title") for r in rows],
        "published": [r.get("published") for r in rows], "outlet": [r.get("outlet") for r in rows],
        "author": [r.get("author") for r in rows],
    })


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 2000
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 15
    from akhbar.tasks.annotate.entities import annotate_entities
    from akhbar.tasks.annotate.events import annotate_events
    from akhbar.tasks.annotate.quotes import annotate_quotes
    from akhbar.tasks.clean import clean_batch
    from akhbar.tasks.dedup import DedupConfig, dedup_batch
    from akhbar.flows.stages import article_ids

    raw = raw_corpus(n)
    warm = clean_batch(raw.head(20))[0].with_columns(article_id=pl.lit("w"))
    annotate_entities(warm.select("article_id", "body"))
    plain = "--plain" in sys.argv
    prof = cProfile.Profile()
    times, cpu = {}, {}
    if not plain:
        prof.enable()
    t, c = time.perf_counter(), time.process_time()
    cleaned, _ = clean_batch(raw)
    cleaned = cleaned.with_columns(article_id=article_ids(cleaned))
    times["clean"] = time.perf_counter() - t
    cpu["clean"] = time.process_time() - c
    t, c = time.perf_counter(), time.process_time()
    dedup_batch(cleaned.select("article_id", "body", "published_at"), None, DedupConfig())
    times["dedup"] = time.perf_counter() - t
    cpu["dedup"] = time.process_time() - c
    arts = cleaned.select("article_id", "body", "published_at")
    t, c = time.perf_counter(), time.process_time()
    ents = annotate_entities(arts.select("article_id", "body"))
    times["entities"] = time.perf_counter() - t
    cpu["entities"] = time.process_time() - c
    t, c = time.perf_counter(), time.process_time()
    annotate_quotes(arts.select("article_id", "body"), ents)
    times["quotes"] = time.perf_counter() - t
    cpu["quotes"] = time.process_time() - c
    t, c = time.perf_counter(), time.process_time()
    annotate_events(arts, ents)
    times["events"] = time.perf_counter() - t
    cpu["events"] = time.process_time() - c
    prof.disable()
    k = cleaned.height
    print(f"{k} articles ({'not profiled' if plain else 'profiled; cProfile adds overhead'})")
    # CPU time of the process as well: on a shared machine wall time counts the others' work
    # (polars stages may use more CPU than wall time on an idle machine: several threads).
    for stage, s in times.items():
        print(f"  {stage:>8}: {s:6.1f} s  {k / s:7.0f} articles/s   CPU {cpu[stage]:6.1f} s  {k / cpu[stage]:7.0f} articles/s")
    total, total_cpu = sum(times.values()), sum(cpu.values())
    print(f"  {'total':>8}: {total:6.1f} s  {k / total:7.0f} articles/s   CPU {total_cpu:6.1f} s  {k / total_cpu:7.0f} articles/s")
    if not plain:
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(top)
        print(out.getvalue().split("ncalls", 1)[-1][:6000])


if __name__ == "__main__":
    main()
