"""The DuckDB catalog: views over the current Parquet version, named queries, read-only access.

The database file holds nothing but views and macros; ``rebuild_catalog`` recreates it from
the Parquet at any time. Views read ``<data>/current/<table>/*.parquet`` through the
``current`` symlink, so an atomic publish moves every view at once.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import duckdb

from akhbar.schemas.tables import ALL, ENTITY_DIM, PUBLISHED
from akhbar.warehouse.layout import Layout

VIEW_TABLES = tuple(t.name for t in (*PUBLISHED, ENTITY_DIM))
CATALOG_VERSION = "catalog_v1"


class ReadOnlyError(RuntimeError):
    """A statement tried to change the dataset or reach outside the data directory."""


def _sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _view_sql(layout: Layout, table: str) -> str:
    glob = str(layout.current_table(table) / "*.parquet")
    return (
        f"CREATE OR REPLACE VIEW {table} AS SELECT * FROM read_parquet({_sql_str(glob)}, "
        f"union_by_name=true, allow_empty=true)"
    )


def _empty_view_sql(table: str) -> str:
    cols = ", ".join(
        f"CAST(NULL AS {_duck_type(c.type)}) AS {c.name}" for c in ALL[table].columns
    )
    return f"CREATE OR REPLACE VIEW {table} AS SELECT {cols} WHERE false"


def _duck_type(arrow_type) -> str:
    import pyarrow as pa

    if pa.types.is_list(arrow_type):
        return f"{_duck_type(arrow_type.value_type)}[]"
    return {
        pa.string(): "VARCHAR", pa.int32(): "INTEGER", pa.int64(): "BIGINT",
        pa.float64(): "DOUBLE", pa.bool_(): "BOOLEAN", pa.date32(): "DATE",
    }.get(arrow_type, "TIMESTAMPTZ")


def named_queries() -> list[str]:
    """The named-query views shipped with the catalog (``warehouse/sql/*.sql``)."""
    sql_dir = resources.files("akhbar.warehouse") / "sql"
    out = []
    for entry in sorted(sql_dir.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".sql"):
            out.append(entry.read_text(encoding="utf-8"))
    return out


def rebuild_catalog(layout: Layout) -> Path:
    """(Re)create the DuckDB file's views over the current version; return the file's path."""
    layout.root.mkdir(parents=True, exist_ok=True)
    tmp = layout.root / ".akhbar.duckdb.tmp"
    for p in (tmp, Path(str(tmp) + ".wal")):
        p.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp))
    try:
        con.execute("SET TimeZone='UTC'")
        for table in VIEW_TABLES:
            has_files = any(layout.current_table(table).glob("*.parquet"))
            con.execute(_view_sql(layout, table) if has_files else _empty_view_sql(table))
        for statement in named_queries():
            con.execute(statement)
        con.execute(
            "CREATE OR REPLACE TABLE akhbar_catalog AS SELECT "
            f"{_sql_str(CATALOG_VERSION)} AS catalog_version, {_sql_str(str(layout.root))} AS data_dir"
        )
        con.execute("CHECKPOINT")
    finally:
        con.close()
    os.replace(tmp, layout.duckdb_path)
    return layout.duckdb_path


# Statement kinds a read-only session may run; everything else is refused by DuckDB's own
# parser (not by string matching): COPY, EXPORT, ATTACH, CREATE (even TEMP), SET, INSTALL, ...
_ALLOWED_STATEMENTS = ("SELECT", "EXPLAIN", "PRAGMA", "CALL")


def connect_readonly(layout: Layout) -> duckdb.DuckDBPyConnection:
    """Open the catalog read-only, confined to the data directory.

    Layers: the file is opened read-only (no writes to the catalog); external access is
    disabled except for the data directory (no reads of other files, no extension install or
    load); the configuration is then locked so a statement cannot undo it.
    """
    if not layout.duckdb_path.exists() or _catalog_dir(layout) != str(layout.root):
        rebuild_catalog(layout)
    con = duckdb.connect(
        str(layout.duckdb_path),
        read_only=True,
        config={"autoinstall_known_extensions": False, "autoload_known_extensions": False},
    )
    con.execute(f"SET allowed_directories=[{_sql_str(str(layout.root) + '/')}]")
    con.execute("SET enable_external_access=false")
    con.execute("SET TimeZone='UTC'")
    con.execute("SET lock_configuration=true")
    return con


def _catalog_dir(layout: Layout) -> str | None:
    try:
        con = duckdb.connect(str(layout.duckdb_path), read_only=True)
    except duckdb.Error:
        return None
    try:
        return con.sql("SELECT data_dir FROM akhbar_catalog").fetchall()[0][0]
    except duckdb.Error:
        return None
    finally:
        con.close()


def check_readonly(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    """Raise ReadOnlyError unless every statement in ``sql`` is a query.

    Raises:
        ReadOnlyError: a statement is of a kind that could write or change the session.
    """
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise ValueError(str(exc).splitlines()[0]) from exc
    for st in statements:
        kind = st.type.name
        if kind not in _ALLOWED_STATEMENTS:
            raise ReadOnlyError(
                f"akhbar sql is read-only: {kind} statements are refused "
                "(queries only: SELECT, WITH, FROM, SHOW, DESCRIBE, SUMMARIZE, EXPLAIN)"
            )


def execute_readonly(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[list[str], list[tuple]]:
    """Run ``sql`` on a read-only connection; return the last statement's (columns, rows).

    Raises:
        ReadOnlyError: refused by the statement check or by DuckDB's locked settings.
    """
    check_readonly(con, sql)
    try:
        rel = None
        for st in con.extract_statements(sql):
            rel = con.sql(st.query)
    except duckdb.PermissionException as exc:
        raise ReadOnlyError(_explain(exc)) from exc
    except duckdb.Error as exc:
        if _is_refusal(exc):
            raise ReadOnlyError(_explain(exc)) from exc
        raise
    if rel is None:
        return [], []
    return rel.columns, rel.fetchall()


def run_readonly(layout: Layout, sql: str) -> tuple[list[str], list[tuple]]:
    """Open the catalog read-only, run ``sql``, close; see ``execute_readonly``."""
    con = connect_readonly(layout)
    try:
        return execute_readonly(con, sql)
    finally:
        con.close()


def _is_refusal(exc: Exception) -> bool:
    msg = str(exc).lower()
    return any(k in msg for k in ("read-only", "read only", "permission", "external access",
                                  "configuration has been locked", "in read-only mode"))


def _explain(exc: Exception) -> str:
    return (
        "akhbar sql is read-only and confined to the data directory: "
        f"this statement was refused ({str(exc).splitlines()[0]})"
    )
