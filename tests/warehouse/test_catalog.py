import polars as pl
import pytest

from akhbar.schemas.tables import REJECTS
from akhbar.warehouse import catalog, publish
from akhbar.warehouse.layout import Layout
from akhbar.warehouse.parquet_io import write_table


@pytest.fixture
def layout(tmp_path):
    layout = Layout(tmp_path / "data").ensure()
    df = pl.DataFrame({"source_uri": ["/a"], "raw_sha256": ["0" * 64], "reason": ["empty"],
                       "detail": ["0 bytes"], "run_id": ["r1"]})
    part = write_table(REJECTS, df, layout.staging / "r1-part.parquet")
    publish.publish(layout, publish.PublishPlan("r1", {"rejects": [part]}, {}, "2026-01-01T00:00:00+00:00"))
    catalog.rebuild_catalog(layout)
    return layout


def test_views_serve_published_and_empty_tables(layout):
    cols, rows = catalog.run_readonly(layout, "select reason, count(*) from rejects group by 1")
    assert rows == [("empty", 1)]
    cols, rows = catalog.run_readonly(layout, "select count(*) from articles")
    assert rows == [(0,)]
    cols, _ = catalog.run_readonly(layout, "select * from quotes")
    assert "speaker_entity_id" in cols


REFUSED = [
    "create table x as select 1",
    "insert into rejects values ('a','b','c','d','e')",
    "copy (select 1) to 'out.csv'",
    "copy rejects to '{data}/stolen.csv'",
    "attach '{data}/other.duckdb' as o",
    "install httpfs",
    "load httpfs",
    "set enable_external_access=true",
    "select * from read_csv('/etc/passwd')",
    "select * from read_text('/etc/hostname')",
    "export database '{data}/dump'",
    "create temp table t as select 1",
    "drop view articles",
]


@pytest.mark.parametrize("sql", REFUSED)
def test_writes_and_outside_reads_are_refused(layout, sql):
    with pytest.raises(catalog.ReadOnlyError):
        catalog.run_readonly(layout, sql.format(data=layout.root))
    assert not (layout.root / "stolen.csv").exists()


def test_catalog_follows_a_moved_data_directory(layout, tmp_path):
    moved = Layout(tmp_path / "moved")
    layout.root.rename(moved.root)
    _, rows = catalog.run_readonly(moved, "select count(*) from rejects")
    assert rows == [(1,)]
