"""The same flow on a Dask LocalCluster (2 worker processes) gives the same tables as locally."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from akhbar.flows.config import RunConfig
from akhbar.flows.runners import run_flow
from akhbar.warehouse import publish
from akhbar.warehouse.layout import Layout

REPO = Path(__file__).resolve().parents[2]
TABLES = {"articles": ["ingested_at", "run_id"], "rejects": ["run_id"], "entities": [], "quotes": [],
          "events": [], "entity_dim": []}

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def _tables(data: Path) -> dict[str, pl.DataFrame]:
    out = {}
    for table, meta in TABLES.items():
        files = publish.published_files(Layout(data), table)
        out[table] = pl.read_parquet(files).drop(meta) if files else pl.DataFrame()
    return out


def test_dask_local_cluster_matches_local_run(tmp_path, monkeypatch):
    monkeypatch.setenv("DASK_TEMPORARY_DIRECTORY", str(tmp_path / "dask"))
    inputs = (str(REPO / "samples"), str(REPO / "tests" / "e2e" / "inputs"))
    # Small batches so that several ingest/clean/annotate tasks really spread over the workers.
    local = run_flow(RunConfig(inputs=inputs, data_dir=str(tmp_path / "local"), batch_size=3, files_per_batch=4))
    dask = run_flow(RunConfig(inputs=inputs, data_dir=str(tmp_path / "dask_data"), batch_size=3, files_per_batch=4),
                    runner="dask", workers=2)
    assert local["status"] == dask["status"] == "published"
    a, b = _tables(tmp_path / "local"), _tables(tmp_path / "dask_data")
    for table in TABLES:
        assert a[table].height > 0 or table in ("quotes", "events")
        assert a[table].equals(b[table]), table
