"""The akhbar flow: ingest → clean → dedup → annotate → validate → publish.

Each stage's output is validated by its expectation suite before the next stage reads it;
a failed suite stops the run before publish and leaves the published dataset as it was.
The flow body only wires tasks and reports progress; the work happens in ``flows/stages.py``
(thin wrappers) and ``tasks/`` (pure transforms).
"""

from __future__ import annotations

import json
import shutil
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import polars as pl
from prefect import flow

from akhbar.flows import progress
from akhbar.flows.config import RunConfig
from akhbar.flows.memory import return_freed_pages
from akhbar.flows.stages import (
    annotate_task, clean_task, dedup_task, ingest_task, rejects_task, stories_task, validate_task,
)
from akhbar.warehouse import catalog, ledger, publish
from akhbar.warehouse.layout import Layout
from akhbar.warehouse.lock import exclusive
from akhbar.warehouse.parquet_io import PartRef, write_frame


class ValidationFailed(RuntimeError):
    """A stage's expectation suite failed; the run stopped before publish."""

    def __init__(self, results: list[dict]):
        self.results = results
        names = ", ".join(r["suite"] for r in results if not r["success"])
        super().__init__(f"validation failed: {names}")


def pipeline_version() -> str:
    """akhbar's version plus every annotator's versioned name."""
    from akhbar import __version__
    from akhbar.tasks.annotate.entities import ANNOTATOR as ENT
    from akhbar.tasks.annotate.events import ANNOTATOR as EVT
    from akhbar.tasks.annotate.quotes import ANNOTATOR as QUO

    return f"akhbar-{__version__}+{ENT}+{QUO}+{EVT}"


def new_run_id(started: datetime) -> str:
    return f"{started:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:6]}"


@flow(name="akhbar-run", log_prints=False, validate_parameters=False)
def akhbar_run(config: RunConfig) -> dict:
    """One pipeline run over ``config.inputs`` into ``config.data_dir``; returns the run summary."""
    layout = Layout(Path(config.data_dir)).ensure()
    with exclusive(layout.lock_path):
        return _run_locked(config, layout)


def _run_locked(config: RunConfig, layout: Layout) -> dict:
    started = datetime.now(timezone.utc).replace(microsecond=0)
    run_id = new_run_id(started)
    run = {"run_id": run_id, "started_at": started.isoformat(), "pipeline_version": pipeline_version()}
    summary = {**run, "data_dir": str(layout.root), "status": "running", "stages": {}, "validation": []}
    for stale in layout.staging.iterdir():  # leftovers of killed runs; we hold the lock
        shutil.rmtree(stale, ignore_errors=True)
    run_dir = layout.run_dir(run_id)
    run_dir.mkdir(parents=True)
    body_started = time.perf_counter()
    try:
        _stages(config, layout, run, run_dir, summary)
    except ValidationFailed as exc:
        summary["status"] = "failed_validation"
        summary["error"] = str(exc)
        raise
    finally:
        summary["finished_at"] = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
        summary["body_s"] = round(time.perf_counter() - body_started, 3)
        if summary["status"] == "running":
            summary["status"] = "failed"
        _write_summary(layout, summary)
        shutil.rmtree(run_dir, ignore_errors=True)
    return summary


def _stages(config: RunConfig, layout: Layout, run: dict, run_dir: Path, summary: dict) -> None:
    """Run the stages in order; each stage's output passes its suite before the next reads it."""
    st = _Stages(config, layout, run, run_dir, summary, _StageTimer(summary))
    raw_refs, ingest_rejects = st.ingest()
    cleaned, rejects_ref = st.clean(raw_refs, ingest_rejects)
    if not _rows(cleaned) and not rejects_ref.rows:
        summary["status"] = "nothing_new"
        return
    articles, index_ref = st.dedup(cleaned)
    annotations = st.annotate(articles)
    with st.timer("publish"):
        _publish(layout, run, run_dir, articles, rejects_ref, index_ref, annotations, config, summary)


@dataclass
class _Stages:
    """One run's stages; each method runs a stage's tasks and gates its output."""

    config: RunConfig
    layout: Layout
    run: dict
    run_dir: Path
    summary: dict
    timer: "_StageTimer"

    def _validate(self, suite: str, refs: list[PartRef], bodies: list[PartRef] = (), published: list[str] = (),
                  key: str | None = None) -> None:
        with self.timer("validate"):
            result = validate_task(suite, refs, list(bodies), list(published), key, self.run["started_at"])
            return_freed_pages()  # the suite's frames and pandas copies: back to the OS, not kept
            _gate(self.summary, result)

    def _published(self, table: str) -> list[str]:
        return [str(p) for p in publish.published_files(self.layout, table)]

    def ingest(self) -> tuple[list[PartRef], list[PartRef]]:
        from akhbar.tasks.ingest.discover import discover_inputs

        config, run_dir = self.config, str(self.run_dir)
        with self.timer("ingest"):
            files = [str(p) for p in discover_inputs(config.inputs)]
            ledger_path = str(write_frame(ledger.seen_inputs(self.layout), self.run_dir / "ledger.parquet"))
            batches = file_batches(files, config.files_per_batch, config.bytes_per_batch)
            progress.start("ingest", len(batches))
            raw_refs, rejects = [], []
            calls = [(b, run_dir, n, ledger_path, config.batch_size, config.limits) for n, b in enumerate(batches)]
            for refs, rej in _map(ingest_task, calls):
                raw_refs += refs
                rejects.append(rej)
                progress.advance("ingest")
            self.summary["inputs_seen"] = len(files)
            self.summary["stages"]["ingest"] = {"files": len(files), "rows": _rows(raw_refs), "rejects": _rows(rejects)}
        self._validate("ingested", raw_refs)
        return raw_refs, rejects

    def clean(self, raw_refs: list[PartRef], ingest_rejects: list[PartRef]) -> tuple[list[PartRef], PartRef]:
        with self.timer("clean"):
            progress.start("clean", len(raw_refs))
            cleaned, clean_rejects = [], []
            for c, r in _map(clean_task, [(r, str(self.run_dir), self.run["started_at"], self.config.dedup)
                                          for r in raw_refs], release=True):
                cleaned.append(c)
                clean_rejects.append(r)
                progress.advance("clean")
            rejects_ref = rejects_task(ingest_rejects + clean_rejects, str(self.run_dir), self.run["run_id"])
            self.summary["stages"]["clean"] = {"articles": _rows(cleaned), "rejects": _rows(clean_rejects)}
            self.summary["rejects_by_reason"] = _rejects_by_reason(rejects_ref)
        self._validate("cleaned", cleaned, published=self._published("articles"), key="article_id")
        self._validate("rejects", [rejects_ref])
        return cleaned, rejects_ref

    def dedup(self, cleaned: list[PartRef]) -> tuple[list[PartRef], PartRef]:
        with self.timer("dedup"):
            progress.start("dedup", 1)
            _check_dedup_config(self.layout, self.config)
            articles, index_ref = dedup_task(cleaned, self._published("dedup_index"), str(self.run_dir),
                                             self.config.dedup, self.run)
            progress.advance("dedup")
            self.summary["stages"]["dedup"] = _dup_counts(articles)
        self._validate("deduplicated", articles, published=self._published("articles"), key="article_id")
        return articles, index_ref

    def annotate(self, articles: list[PartRef]) -> dict[str, list[PartRef]]:
        """Annotate the parts on the task runner; link each part's events to stories in this
        process as soon as it arrives, in part order, while the workers annotate the next parts.
        "annotate" is the time spent waiting for annotations, "link stories" the linking."""
        run_dir, run_id = str(self.run_dir), self.run["run_id"]
        published_events, published_articles = self._published("events"), self._published("articles")
        parts, events = [], []
        linking = 0.0
        with self.timer("annotate"):
            progress.start("annotate", len(articles))
            calls = [(a, run_dir, run_id) for a in articles]
            # _map first: zip stops on it, so the generator runs past its last result (release)
            for part, article_ref in zip(_map(annotate_task, calls, release=True), articles):
                parts.append(part)
                t = time.perf_counter()
                earlier = published_events + [r.path for r in events]
                events.append(stories_task(part["events"], article_ref, articles, earlier, published_articles,
                                           run_dir, run_id))
                return_freed_pages()  # linking's candidate frames: back to the OS between parts
                linking += time.perf_counter() - t
                progress.advance("annotate")
        seconds = self.summary["seconds"]
        seconds["annotate"] = round(seconds["annotate"] - linking, 3)
        seconds["link stories"] = round(linking, 3)
        annotations = {"entities": [p["entities"] for p in parts], "quotes": [p["quotes"] for p in parts],
                       "events": events}
        self.summary["stages"]["annotate"] = {k: _rows(v) for k, v in annotations.items()}
        for name, key in (("entities", "mention_id"), ("quotes", "quote_id"), ("events", "event_id")):
            self._validate(name, annotations[name], articles, self._published(name), key)
        return annotations


def _publish(layout, run, run_dir, articles, rejects_ref, index_ref, annotations, config, summary) -> None:
    from akhbar.flows.stages import entity_dim_task

    dim_ref = entity_dim_task([str(p) for p in publish.published_files(layout, "entities")],
                              annotations["entities"], str(run_dir), run["run_id"])
    _gate(summary, validate_task("entity_dim", [dim_ref], [], [], None, run["started_at"]))
    appended = {
        "articles": [Path(r.path) for r in articles],
        "rejects": [Path(rejects_ref.path)],
        "dedup_index": [Path(index_ref.path)],
        **{name: [Path(r.path) for r in refs] for name, refs in annotations.items()},
    }
    plan = publish.PublishPlan(run["run_id"], appended, {"entity_dim": [Path(dim_ref.path)]}, run["started_at"],
                               meta={"dedup_config": config.dedup.fingerprint(), "pipeline_version": run["pipeline_version"]})
    version = publish.publish(layout, plan, keep=config.keep_versions)
    catalog.rebuild_catalog(layout)
    summary["published_version"] = version
    summary["status"] = "published"


class IncompatibleIndex(RuntimeError):
    """The published dedup index was built with another MinHash configuration."""


def _check_dedup_config(layout: Layout, config: RunConfig) -> None:
    """Refuse to compare signatures made with different MinHash parameters."""
    manifest = publish.read_manifest(layout) or {}
    built_with = manifest.get("meta", {}).get("dedup_config")
    if built_with and built_with != config.dedup.fingerprint():
        raise IncompatibleIndex(
            f"the published dedup index was built with dedup config {built_with}, this run uses "
            f"{config.dedup.fingerprint()}: signatures are not comparable; use the same DedupConfig "
            "or publish into a new data directory"
        )


def file_batches(files: list[str], max_files: int, max_bytes: int) -> list[list[str]]:
    """Consecutive groups of input files, each of at most ``max_files`` files and ``max_bytes``
    bytes (a larger file is a batch of its own). Order is kept, so batches are deterministic."""
    batches: list[list[str]] = []
    size = 0
    for f in files:
        n = Path(f).stat().st_size if Path(f).exists() else 0
        if not batches or len(batches[-1]) >= max_files or (batches[-1] and size + n > max_bytes):
            batches.append([])
            size = 0
        batches[-1].append(f)
        size += n
    return batches


def _map(task, calls: list[tuple], release: bool = False):
    """Yield each call's result in order: submitted to the task runner when there are several
    (so a process pool or Dask cluster spreads them), run in the flow's process when there is
    one (a pool's start-up and model loading cost more than one small batch: measured 8 s for
    10 new articles with a 2-process pool).

    ``release``: once the last result is in, let a process pool's workers exit, so that what
    they hold (the annotators' models and memos) is not resident during the next stages
    (``runners.staged_process_pool``; benchmarks/RESULTS.md, memory).
    """
    if len(calls) == 1:
        yield task(*calls[0])
        return
    futures = [task.submit(*args) for args in calls]
    for fut in futures:
        yield fut.result()
    if release:
        from akhbar.flows.runners import release_workers

        release_workers()


def _gate(summary: dict, result: dict) -> None:
    """Record a suite's result; stop the run (before publish) if it failed."""
    summary["validation"].append(result)
    if not result["success"]:
        raise ValidationFailed(summary["validation"])


def _rejects_by_reason(ref: PartRef) -> dict[str, int]:
    df = ref.read(["reason"])
    return {r: int(n) for r, n in df.group_by("reason").len().sort("reason").iter_rows()}


def _rows(refs: list[PartRef]) -> int:
    return sum(r.rows for r in refs)


def _dup_counts(refs: list[PartRef]) -> dict:
    if not refs:
        return {"articles": 0, "exact": 0, "near": 0, "canonical": 0}
    df = pl.scan_parquet([r.path for r in refs]).select("dup_kind", "is_canonical").collect()
    return {
        "articles": df.height,
        "exact": int((df["dup_kind"] == "exact").sum()),
        "near": int((df["dup_kind"] == "near").sum()),
        "canonical": int(df["is_canonical"].sum()),
    }


def _write_summary(layout: Layout, summary: dict) -> None:
    layout.runs.mkdir(parents=True, exist_ok=True)
    path = layout.runs / f"{summary['run_id']}.json"
    path.write_text(json.dumps(summary, indent=2, ensure_ascii=False, default=str), encoding="utf-8")


class _StageTimer:
    """Records wall time per stage into the summary and closes the stage's progress bar.

    Time adds up over several uses of one stage name: "validate" is every suite of the run.
    """

    def __init__(self, summary: dict):
        self.summary = summary
        summary.setdefault("seconds", {})

    @contextmanager
    def __call__(self, stage: str):
        t = time.perf_counter()
        try:
            yield
        finally:
            seconds = self.summary["seconds"]
            seconds[stage] = round(seconds.get(stage, 0.0) + time.perf_counter() - t, 3)
            progress.finish(stage)


