"""Annotator speed (articles/s of CPU time on one core) and peak memory on SaudiNewsNet.

Usage: python benchmarks/entities/speed.py [N_ARTICLES] [N_WARM] [--parts K]
    N_ARTICLES: timed articles (default 2000, first files in name order)
    N_WARM: articles annotated untimed first (default 0), the ones after the timed ones: the
            steady state of a long-running process, whose per-word caches are already full
    --parts K: then annotate K consecutive parts of N_ARTICLES articles each in the same process
            (the pipeline's worker annotating part after part) and print, per part, its speed,
            the current RSS and the peak RSS: memory must stay flat across parts

Bodies are cleaned with ``final_text`` first (as the pipeline stores them); the timed part is
``annotate_entities`` alone, after a warm-up call that loads the model and gazetteers.
"""

from __future__ import annotations

import gzip
import json
import resource
import sys
import time
from pathlib import Path

import polars as pl

from akhbar.tasks.annotate.entities import annotate_entities
from akhbar.tasks.text import final_text

CORPUS = Path("/work/shared/corpora/saudinewsnet")


def load(n: int) -> pl.DataFrame:
    rows = []
    for path in sorted(CORPUS.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                rows.append({"article_id": f"{path.name}#L{i + 1}", "body": final_text(json.loads(line)["text"])})
                if len(rows) == n:
                    return pl.DataFrame(rows)
    return pl.DataFrame(rows)


def rss_mb() -> float:
    """Current resident set size of this process (Linux), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def parts(n: int, k: int) -> None:
    """Annotate k consecutive n-article parts in this process; speed and memory after each."""
    frame = load(n * k)
    annotate_entities(frame.head(1))
    print(f"{k} parts of {n} articles; after load: RSS {rss_mb():.0f} MB")
    for i in range(k):
        part = frame.slice(i * n, n)
        t0 = time.process_time()
        annotate_entities(part)
        cpu = time.process_time() - t0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"part {i + 1}: {part.height / cpu:.0f} articles/s CPU; RSS {rss_mb():.0f} MB, peak RSS {peak:.0f} MB")


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 2000
    if "--parts" in sys.argv:
        parts(n, int(sys.argv[sys.argv.index("--parts") + 1]))
        return
    warm = int(args[1]) if len(args) > 1 else 0
    frame = load(n + warm)
    frame, warm_frame = frame.head(n), frame.slice(n)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.process_time()
    annotate_entities(frame.head(1))
    load_s = time.process_time() - t0
    rss_loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if warm_frame.height:
        annotate_entities(warm_frame)
        print(f"warmed up on {warm_frame.height} other articles (untimed)")
    t0, w0 = time.process_time(), time.perf_counter()
    ents = annotate_entities(frame)
    cpu, wall = time.process_time() - t0, time.perf_counter() - w0
    chars = frame["body"].str.len_chars().sum()
    print(f"{frame.height} articles ({chars / frame.height:.0f} chars each on average), {ents.height} mentions")
    print(f"peak RSS with the corpus loaded {rss_before:.0f} MB; model+gazetteer load: {load_s:.1f} s CPU, "
          f"peak RSS after load {rss_loaded:.0f} MB")
    print(f"annotate: {frame.height / cpu:.0f} articles/s CPU ({frame.height / wall:.0f} wall), "
          f"{chars / cpu / 1000:.0f}k chars/s; peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
