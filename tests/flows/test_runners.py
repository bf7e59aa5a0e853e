"""The process runner lets its workers go between stages and gives the same tables as threads."""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl
import pytest

from akhbar.prefect_env import configure

configure()  # before prefect's import: the temporary API's 90 s start-up timeout on busy cores

from prefect import flow, task  # noqa: E402

from akhbar.flows.config import RunConfig  # noqa: E402
from akhbar.flows.runners import release_workers, run_flow, staged_process_pool  # noqa: E402
from akhbar.warehouse import publish  # noqa: E402
from akhbar.warehouse.layout import Layout  # noqa: E402

REPO = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@task
def _pid(_: int) -> int:
    return os.getpid()


@flow
def _two_stages() -> tuple[set[int], set[int]]:
    first = {f.result() for f in [_pid.submit(i) for i in range(4)]}
    release_workers()
    second = {f.result() for f in [_pid.submit(i) for i in range(4)]}
    return first, second


def test_released_workers_exit_and_new_ones_take_the_next_stage():
    first, second = _two_stages.with_options(task_runner=staged_process_pool(2))()
    assert os.getpid() not in first | second
    assert first and second and not first & second  # other processes: the first ones exited
    for pid in first:
        assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text()


def test_process_runner_tables_equal_the_threaded_run(tmp_path):
    inputs = (str(REPO / "samples"), str(REPO / "tests" / "e2e" / "inputs"))
    # Small parts, so that ingest, clean and annotate each spread over the pool and release it.
    config = dict(inputs=inputs, batch_size=3, files_per_batch=4)
    local = run_flow(RunConfig(data_dir=str(tmp_path / "local"), **config), runner="local")
    pool = run_flow(RunConfig(data_dir=str(tmp_path / "pool"), **config), runner="process", workers=2)
    assert local["status"] == pool["status"] == "published"
    for table, meta in {"articles": ["ingested_at", "run_id"], "entities": [], "quotes": [], "events": [],
                        "rejects": ["run_id"], "entity_dim": []}.items():
        a = pl.read_parquet(publish.published_files(Layout(tmp_path / "local"), table)).drop(meta)
        b = pl.read_parquet(publish.published_files(Layout(tmp_path / "pool"), table)).drop(meta)
        key = a.columns[0]
        assert a.sort(key).equals(b.sort(key)), table
