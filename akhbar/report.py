"""Terminal output: run summaries, query results, validation results, progress, the SQL shell."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date, datetime

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

# Off a terminal (pipes, notebooks, CI logs) rich would assume 80 columns and wrap every
# Arabic title into a tower; 160 keeps a row of typical columns on one line.
console = Console(width=None if sys.stdout.isatty() else 160)
_MAX_CELL = 60


class RichProgress:
    """A rich progress bar per stage; implements ``akhbar.flows.progress.Reporter``."""

    def __init__(self):
        self._progress = Progress(
            TextColumn("{task.description:>9}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=Console(stderr=True), transient=False,
        )
        self._tasks: dict[str, int] = {}

    def __enter__(self):
        self._progress.start()
        return self

    def __exit__(self, *exc):
        self._progress.stop()

    def start(self, stage: str, total: int) -> None:
        self._tasks[stage] = self._progress.add_task(stage, total=max(total, 1))

    def advance(self, stage: str, n: int = 1) -> None:
        if stage in self._tasks:
            self._progress.advance(self._tasks[stage], n)

    def finish(self, stage: str) -> None:
        if stage in self._tasks:
            task = self._tasks[stage]
            self._progress.update(task, completed=self._progress.tasks[task].total)


_STAGE_ORDER = ("ingest", "clean", "dedup", "annotate", "link stories", "validate", "publish")


def print_summary(summary: dict) -> None:
    """Print a run summary: inputs, articles, rejects by reason, duplicates, annotations, timing."""
    if not summary:
        return
    stages = summary.get("stages", {})
    t = Table(title=f"akhbar run {summary.get('run_id')} — {summary.get('status')}", show_header=False)
    t.add_column("what", style="bold")
    t.add_column("value", justify="right")
    t.add_row("inputs seen", str(summary.get("inputs_seen", 0)))
    t.add_row("new input rows", str(stages.get("ingest", {}).get("rows", 0)))
    t.add_row("articles", str(stages.get("clean", {}).get("articles", 0)))
    dedup = stages.get("dedup", {})
    t.add_row("exact duplicates", str(dedup.get("exact", 0)))
    t.add_row("near duplicates", str(dedup.get("near", 0)))
    for name, n in stages.get("annotate", {}).items():
        t.add_row(name, str(n))
    for reason, n in sorted(summary.get("rejects_by_reason", {}).items()):
        t.add_row(f"rejected: {reason}", str(n))
    seconds = summary.get("seconds", {})
    for stage in sorted(seconds, key=lambda s: (_STAGE_ORDER.index(s) if s in _STAGE_ORDER else len(_STAGE_ORDER), s)):
        t.add_row(f"time {stage}", f"{seconds[stage]:.2f} s")
    if summary.get("published_version"):
        t.add_row("published version", summary["published_version"])
    t.add_row("data", summary.get("data_dir", ""))
    console.print(t)
    print_validation(summary.get("validation", []), only_failures=True)


def print_validation(results: list[dict], only_failures: bool = False) -> None:
    """Print suite results; failed expectations with their sample rows."""
    if not only_failures:
        t = Table(title="validation")
        for col in ("suite", "rows", "expectations", "result", "seconds"):
            t.add_column(col)
        for r in results:
            t.add_row(r["suite"], str(r["n_rows"]), str(r["n_expectations"]),
                      "[green]passed[/]" if r["success"] else "[red]FAILED[/]", f"{r['seconds']:.2f}")
        console.print(t)
    for r in results:
        for f in r.get("failures", []):
            col = f" on {f['column']}" if f.get("column") else ""
            console.print(f"[red]FAILED[/] {r['suite']}: {f['expectation']}{col} — {f['description']} "
                          f"({f.get('unexpected_count')} rows); sample: {json.dumps(f['sample'], ensure_ascii=False, default=str)}")


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, (datetime, date)):
        return v.isoformat()
    s = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, default=str)
    s = s.replace("\n", " ⏎ ")
    return s if len(s) <= _MAX_CELL else s[: _MAX_CELL - 1] + "…"


def print_rows(columns: list[str], rows: list[tuple], fmt: str = "table") -> None:
    """Print a query result as a table, CSV or JSON (one object per row)."""
    if fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(columns)
        for row in rows:
            w.writerow(["" if v is None else (v.isoformat() if isinstance(v, (datetime, date)) else v) for v in row])
        return
    if fmt == "json":
        for row in rows:
            print(json.dumps(dict(zip(columns, row)), ensure_ascii=False, default=str))
        return
    t = Table(show_lines=False)
    for c in columns:
        t.add_column(c, overflow="ellipsis", no_wrap=True)
    for row in rows:
        t.add_row(*[_cell(v) for v in row])
    console.print(t)
    console.print(f"[dim]{len(rows)} rows[/]")


def interactive_shell(layout) -> None:
    """A read-only SQL prompt on the catalog: statements end with ';', `.quit` leaves."""
    import duckdb

    from akhbar.warehouse.catalog import ReadOnlyError, connect_readonly, execute_readonly

    try:
        import readline  # noqa: F401  (line editing and history where available)
    except ImportError:
        pass
    con = connect_readonly(layout)
    console.print(f"akhbar shell on {layout.root} (read-only). Tables: articles, rejects, entities, "
                  "quotes, events, entity_dim. End statements with ';', .quit to leave.")
    buffer = ""
    while True:
        try:
            line = input("akhbar> " if not buffer else "   ...> ")
        except EOFError:
            break
        if not buffer and line.strip() in (".quit", ".exit", "\\q"):
            break
        buffer += line + "\n"
        if not buffer.strip().endswith(";"):
            continue
        try:
            columns, rows = execute_readonly(con, buffer)
            print_rows(columns, rows)
        except ReadOnlyError as exc:
            console.print(f"[red]refused:[/] {exc}")
        except (duckdb.Error, ValueError) as exc:
            console.print(f"[red]error:[/] {str(exc).splitlines()[0]}")
        buffer = ""
    con.close()
