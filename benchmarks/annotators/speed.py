"""Time the quote and event annotators on SaudiNewsNet (CPU seconds, one core, articles/s).

Usage:
    .venv/bin/python benchmarks/annotators/speed.py [N] [--repeat 3] [--profile 20]
        [--only quotes|events] [--save DIR] [--compare DIR]

Loads the first N SaudiNewsNet articles (default 2,000) plus the five shipped samples, runs
``clean_batch`` and ``annotate_entities`` once and caches articles and entities in /tmp as
Parquet (entities are another engineer's moving target: a fixed input keeps before/after
comparable). Then times ``annotate_quotes`` and ``annotate_events`` separately with
``time.process_time`` (CPU time of this process: the machine is shared), best of --repeat
after a first call, which is reported too (per-word-form caches are empty then; run one
annotator per process with --only for a true first call).
``--save DIR`` writes both outputs; ``--compare DIR`` checks they equal saved ones row for row
(sorted, every column; ``story_id`` is left out of the ``events`` comparison since it
comes from ``stories.py``, which another engineer changes; ``events_unlinked`` is compared whole).
"""

from __future__ import annotations

import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path("/tmp/akhbar_annotators_speed")


def _arg(name: str, default: str | None) -> str | None:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def _raw_corpus(n: int) -> pl.DataFrame:
    """RAW-like rows for the first ``n`` SaudiNewsNet articles, read as profile_stages.py reads them."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from profile_stages import raw_corpus

    return raw_corpus(n)


def _raw_samples() -> pl.DataFrame:
    from akhbar.tasks.ingest.readers import read_batch

    raw, _ = read_batch(sorted((ROOT / "samples").glob("*.txt")))
    return pl.from_arrow(raw)


def load(n: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(articles[article_id, body, published_at], entities), computed once and cached in /tmp."""
    arts_path, ents_path = CACHE / f"articles_{n}.parquet", CACHE / f"entities_{n}.parquet"
    if arts_path.exists() and ents_path.exists():
        return pl.read_parquet(arts_path), pl.read_parquet(ents_path)
    from akhbar.flows.stages import article_ids
    from akhbar.tasks.annotate.entities import annotate_entities
    from akhbar.tasks.clean import clean_batch

    raw = pl.concat([_raw_samples(), _raw_corpus(n)], how="diagonal_relaxed")
    cleaned, _ = clean_batch(raw)
    arts = cleaned.with_columns(article_id=article_ids(cleaned)).select("article_id", "body", "published_at")
    ents = annotate_entities(arts.select("article_id", "body"))
    CACHE.mkdir(parents=True, exist_ok=True)
    arts.write_parquet(arts_path)
    ents.write_parquet(ents_path)
    return arts, ents


def _runners(arts: pl.DataFrame, ents: pl.DataFrame) -> dict:
    from akhbar.tasks.annotate.events import annotate_events
    from akhbar.tasks.annotate.quotes import annotate_quotes

    return {"quotes": lambda: annotate_quotes(arts.select("article_id", "body"), ents),
            "events": lambda: annotate_events(arts, ents),
            "events_unlinked": lambda: _unlinked(annotate_events, arts, ents)}


def _unlinked(annotate_events, arts: pl.DataFrame, ents: pl.DataFrame) -> pl.DataFrame:
    """``annotate_events`` without its in-batch ``link_stories`` (another engineer's stage,
    changing meanwhile): the annotator's own cost, and output that does not move with it."""
    return annotate_events(arts, ents, link=False)


def _sorted(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.sort(frame.columns[:7])


def compare(outputs: dict[str, pl.DataFrame], saved: Path) -> bool:
    """True when every output equals the one saved in ``saved`` (same rows, same values)."""
    ok = True
    for name, frame in outputs.items():
        before = pl.read_parquet(saved / f"{name}.parquet")
        if name == "events":  # story ids come from stories.py (not ours, edited meanwhile)
            before, frame = before.drop("story_id"), frame.drop("story_id")
        same = before.schema == frame.schema and _sorted(before).equals(_sorted(frame), null_equal=True)
        print(f"  {name}: {before.height} rows before, {frame.height} after: {'IDENTICAL' if same else 'DIFFERENT'}")
        ok &= same
    return ok


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 2000
    repeat, top, only = int(_arg("--repeat", "3")), _arg("--profile", None), _arg("--only", None)
    arts, ents = load(n)
    runners = {k: f for k, f in _runners(arts, ents).items() if only in (None, k)}
    print(f"{arts.height} articles, {ents.height} entity mentions")
    outputs = {}
    for name, run in runners.items():
        t = time.process_time()
        outputs[name] = run()  # first call: word-form caches still empty (a worker's first part)
        cold = time.process_time() - t
        best = min(_cpu(run) for _ in range(repeat))
        print(f"  {name:>6}: {best:6.2f} s CPU  {arts.height / best:7.0f} articles/s  "
              f"(first call {arts.height / cold:5.0f} articles/s; {outputs[name].height} rows)")
        if top:
            _profile(run, int(top))
    if _arg("--save", None):
        out = Path(_arg("--save", None))
        out.mkdir(parents=True, exist_ok=True)
        for name, frame in outputs.items():
            frame.write_parquet(out / f"{name}.parquet")
    if _arg("--compare", None) and not compare(outputs, Path(_arg("--compare", None))):
        sys.exit(1)


def _cpu(run) -> float:
    t = time.process_time()
    run()
    return time.process_time() - t


def _profile(run, top: int) -> None:
    prof = cProfile.Profile()
    prof.runcall(run)
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(top)
    print(out.getvalue().split("ncalls", 1)[-1][:5000])


if __name__ == "__main__":
    main()
