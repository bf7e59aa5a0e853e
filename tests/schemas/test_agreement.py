"""schemas/, expectations/ and the DuckDB views agree on every table's columns."""

import duckdb
import pyarrow as pa
import pytest

from akhbar.expectations.runner import build_expectations
from akhbar.expectations.suites import SUITES
from akhbar.schemas import tables as T
from akhbar.warehouse import catalog
from akhbar.warehouse.layout import Layout


@pytest.mark.parametrize("name", sorted(SUITES))
def test_suite_columns_follow_schema(name):
    suite = SUITES[name]
    expectations = build_expectations(suite, suite.table.names)
    ordered = expectations[0].column_list
    declared = [c for c in suite.table.names if c not in ("body", "text")]
    assert ordered[: len(declared)] == declared
    not_null = {e.column for e in expectations if type(e).__name__ == "ExpectColumnValuesToNotBeNull"}
    assert not_null == {c.name for c in suite.table.columns if not c.nullable and c.name in declared}


def test_views_follow_schema(tmp_path):
    layout = Layout(tmp_path).ensure()
    catalog.rebuild_catalog(layout)
    con = duckdb.connect(str(layout.duckdb_path), read_only=True)
    for table in catalog.VIEW_TABLES:
        cols = [r[0] for r in con.sql(f"describe {table}").fetchall()]
        assert cols == T.ALL[table].names, table
    con.close()


def test_cast_to_rejects_nulls_in_required_columns():
    data = pa.table({c.name: pa.array([None], c.type) for c in T.REJECTS.columns})
    with pytest.raises(pa.ArrowInvalid):
        T.cast_to(T.REJECTS, data)


def test_every_table_declares_grain_key_and_descriptions():
    for table in T.ALL.values():
        assert table.grain and table.key
        assert all(k in table.names for k in table.key)
        assert all(c.description for c in table.columns)
