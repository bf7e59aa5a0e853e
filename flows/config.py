"""Run configuration: one dataclass with embedded defaults, each saying where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


def _default_limits():
    from akhbar.tasks.ingest.readers import IngestLimits

    return IngestLimits()


def _default_dedup():
    from akhbar.tasks.dedup.config import DedupConfig

    return DedupConfig()


def sample_dir() -> Path:
    """The shipped sample corpus (the repo's ``samples/``)."""
    return Path(__file__).resolve().parent.parent / "samples"


@dataclass(frozen=True)
class RunConfig:
    """Everything one run needs; picklable so Prefect (and Dask workers) can carry it."""

    inputs: tuple[str, ...]
    data_dir: str
    # Rows per Parquet part: 2,000 SaudiNewsNet articles are ~6 MB of text, which keeps a
    # part's working set (text + cleaned copies + annotations) well under 100 MB per worker.
    batch_size: int = 2000
    # Input files per ingest task: enough to amortise task overhead (~10 ms each under Prefect)
    # while keeping a task's raw bytes bounded by files_per_batch * max_file_bytes.
    files_per_batch: int = 200
    # Input bytes per ingest task: a batch also closes at 32 MiB, so a few large JSON Lines
    # files do not make one task that holds them all (all 31k SaudiNewsNet articles are 101 MB
    # in 16 files: 4 tasks, on every core, instead of 1 in the flow's process).
    bytes_per_batch: int = 32 * 2**20
    keep_versions: int = 5
    limits: object = field(default_factory=_default_limits)
    dedup: object = field(default_factory=_default_dedup)
