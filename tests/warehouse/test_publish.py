import os

import polars as pl
import pytest

from akhbar.schemas.tables import REJECTS
from akhbar.warehouse import publish
from akhbar.warehouse.layout import Layout
from akhbar.warehouse.parquet_io import write_table


def _rejects(n: int, run: str) -> pl.DataFrame:
    return pl.DataFrame({
        "source_uri": [f"/in/{run}-{i}.txt" for i in range(n)],
        "raw_sha256": ["0" * 64] * n,
        "reason": ["empty"] * n,
        "detail": ["0 bytes"] * n,
        "run_id": [run] * n,
    })


def _publish(layout: Layout, run: str, n: int) -> str:
    part = write_table(REJECTS, _rejects(n, run), layout.staging / run / f"{run}-part.parquet")
    plan = publish.PublishPlan(run, {"rejects": [part]}, {}, "2026-01-01T00:00:00+00:00")
    return publish.publish(layout, plan, keep=2)


def test_publish_appends_and_switches_current(tmp_path):
    layout = Layout(tmp_path).ensure()
    assert publish.current_version(layout) is None
    v1 = _publish(layout, "r1", 2)
    v2 = _publish(layout, "r2", 3)
    assert (v1, v2) == ("000001", "000002")
    assert publish.current_version(layout) == v2
    files = publish.published_files(layout, "rejects")
    assert pl.read_parquet(files).height == 5
    assert os.path.islink(layout.current)


def test_prune_keeps_configured_versions_and_rollback(tmp_path):
    layout = Layout(tmp_path).ensure()
    for i in range(4):
        _publish(layout, f"r{i}", 1)
    assert publish.list_versions(layout) == ["000003", "000004"]
    assert publish.rollback(layout) == "000003"
    assert pl.read_parquet(publish.published_files(layout, "rejects")).height == 3
    with pytest.raises(ValueError):
        publish.rollback(layout)


def test_crashed_publish_leftovers_are_ignored_and_removed(tmp_path):
    layout = Layout(tmp_path).ensure()
    _publish(layout, "r1", 1)
    (layout.versions / ".000002.tmp" / "rejects").mkdir(parents=True)  # killed mid-build
    (layout.versions / "000003").mkdir()  # killed before the manifest was written
    assert publish.list_versions(layout) == ["000001"]
    v = _publish(layout, "r2", 1)
    assert v == "000004" and publish.current_version(layout) == v
    assert not (layout.versions / ".000002.tmp").exists()
    assert pl.read_parquet(publish.published_files(layout, "rejects")).height == 2
