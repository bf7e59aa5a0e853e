"""The ``akhbar`` command line: run, sql, shell, serve, validate, docs, tag-conll, versions, rollback.

Heavy libraries (prefect, great_expectations, the annotators) are imported inside the commands
that need them, so ``akhbar sql`` and ``--help`` stay instant.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from akhbar.warehouse.layout import DEFAULT_DATA_ENV, Layout, default_data_dir

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_show_locals=False,
                  help=__doc__.splitlines()[0])

DataOpt = Annotated[
    Optional[Path],
    typer.Option("--data", help=f"data directory (default: ${DEFAULT_DATA_ENV} or ~/.local/share/akhbar)"),
]


def _layout(data: Path | None) -> Layout:
    return Layout((data.expanduser().resolve() if data else default_data_dir()))


def _err(message: str, code: int = 2) -> None:
    typer.secho(f"akhbar: {message}", err=True, fg=typer.colors.RED)
    raise typer.Exit(code)


@app.command()
def run(
    input: Annotated[Optional[list[Path]], typer.Option("--input", "-i", help="input files or folders (repeatable); default: the shipped sample")] = None,
    data: DataOpt = None,
    batch_size: Annotated[int, typer.Option(help="rows per Parquet part")] = 2000,
    keep_versions: Annotated[int, typer.Option(help="published versions kept for rollback")] = 5,
    runner: Annotated[str, typer.Option(help="task runner: process (local process pool, every core), local (threads) or dask")] = "process",
    address: Annotated[Optional[str], typer.Option(help="Dask scheduler address (with --runner dask)")] = None,
    workers: Annotated[int, typer.Option(help="worker processes (--runner process, or dask without --address)")] = 2,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bars")] = False,
) -> None:
    """Run the pipeline once: ingest new inputs, clean, dedup, annotate, validate, publish."""
    from akhbar.flows.config import RunConfig, sample_dir
    from akhbar.flows.runners import run_flow

    inputs = tuple(str(p) for p in (input or [sample_dir()]))
    for p in inputs:
        if not Path(p).exists():
            _err(f"input not found: {p}")
    if runner not in ("local", "process", "dask"):
        _err(f"unknown --runner {runner!r}: use local, process or dask")
    if batch_size < 1 or keep_versions < 1:
        _err("--batch-size and --keep-versions must be at least 1")
    layout = _layout(data)
    config = RunConfig(inputs=inputs, data_dir=str(layout.root), batch_size=batch_size, keep_versions=keep_versions)
    from akhbar.flows.pipeline import ValidationFailed
    from akhbar.report import print_summary
    from akhbar.warehouse.lock import DataDirBusy

    try:
        summary = run_flow(config, runner=runner, address=address, workers=workers, show_progress=not quiet)
    except DataDirBusy as exc:
        _err(str(exc))
    except ValidationFailed as exc:
        print_summary(_last_summary(layout))
        _err(f"{exc}; nothing was published, the previous dataset is unchanged", code=1)
    print_summary(summary)


def _last_summary(layout: Layout) -> dict:
    runs = sorted(layout.runs.glob("*.json"))
    return json.loads(runs[-1].read_text(encoding="utf-8")) if runs else {}


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="SQL to run (read-only)")],
    data: DataOpt = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table, csv or json")] = "table",
) -> None:
    """Run one read-only SQL query over the published dataset and print the result."""
    from akhbar.report import print_rows
    from akhbar.warehouse.catalog import ReadOnlyError, run_readonly

    if format not in ("table", "csv", "json"):
        _err("--format must be table, csv or json")
    layout = _layout(data)
    if not layout.root.exists():
        _err(f"no dataset at {layout.root}: run `akhbar run` first")
    import duckdb

    try:
        columns, rows = run_readonly(layout, query)
    except ReadOnlyError as exc:
        _err(str(exc))
    except (duckdb.Error, ValueError) as exc:
        _err(f"SQL error: {str(exc).splitlines()[0]}")
    print_rows(columns, rows, format)


@app.command()
def shell(data: DataOpt = None) -> None:
    """Interactive read-only SQL prompt over the published dataset (end a statement with ;)."""
    from akhbar.report import interactive_shell

    layout = _layout(data)
    if not layout.root.exists():
        _err(f"no dataset at {layout.root}: run `akhbar run` first")
    interactive_shell(layout)


@app.command()
def validate(data: DataOpt = None) -> None:
    """Re-run the expectation suites on the published dataset (exit 1 on failure)."""
    from akhbar.expectations.published import validate_published
    from akhbar.report import print_validation

    layout = _layout(data)
    results = validate_published(layout)
    print_validation(results)
    if not results or not all(r["success"] for r in results):
        raise typer.Exit(1)


@app.command()
def versions(data: DataOpt = None) -> None:
    """List published versions (the current one is marked)."""
    from akhbar.warehouse.publish import current_version, list_versions, read_manifest

    layout = _layout(data)
    cur = current_version(layout)
    for v in list_versions(layout):
        m = read_manifest(layout, v) or {}
        rows = {k: t["rows"] for k, t in m.get("tables", {}).items()}
        mark = "*" if v == cur else " "
        typer.echo(f"{mark} {v}  run {m.get('run_id')}  {rows}")


@app.command()
def rollback(
    data: DataOpt = None,
    to: Annotated[Optional[str], typer.Option(help="version to make current (default: the previous one)")] = None,
) -> None:
    """Make an earlier published version current again (one atomic switch)."""
    from akhbar.warehouse import catalog, publish
    from akhbar.warehouse.lock import DataDirBusy, exclusive

    layout = _layout(data)
    try:
        with exclusive(layout.lock_path):
            version = publish.rollback(layout, to)
            catalog.rebuild_catalog(layout)
    except (ValueError, FileNotFoundError, DataDirBusy) as exc:
        _err(str(exc))
    typer.echo(f"current version is now {version}")


@app.command("tag-conll")
def tag_conll(
    in_path: Annotated[Path, typer.Argument(metavar="IN", help="CoNLL file: one token per line, blank line between sentences")],
    out_path: Annotated[Path, typer.Argument(metavar="OUT", help="output: token<TAB>BIO-tag lines")],
    data: DataOpt = None,
) -> None:
    """Tag a CoNLL file with the entity tagger (same tokens out as in; --data is accepted and unused)."""
    from akhbar.tasks.annotate.entities import tag_conll as tag

    if not in_path.exists():
        _err(f"input not found: {in_path}")
    tag(in_path, out_path)


@app.command()
def serve(
    cron: Annotated[str, typer.Option(help="cron schedule")] = "*/15 * * * *",
    input: Annotated[Optional[list[Path]], typer.Option("--input", "-i", help="watched folders or files")] = None,
    data: DataOpt = None,
) -> None:
    """Serve the flow on a schedule with Prefect; each run picks up only new inputs."""
    from akhbar.flows.config import sample_dir
    from akhbar.flows.serve import serve as serve_flow

    inputs = tuple(str(p.resolve()) for p in (input or [sample_dir()]))
    serve_flow(inputs=inputs, data_dir=str(_layout(data).root), cron=cron)


@app.command()
def docs(
    data: DataOpt = None,
    out: Annotated[Optional[Path], typer.Option(help="output folder (default: <data>/docs)")] = None,
) -> None:
    """Build the validation report (GE Data Docs) and a dataset overview as offline HTML."""
    from akhbar.expectations.docs import build_docs

    layout = _layout(data)
    index = build_docs(layout, out or layout.root / "docs")
    typer.echo(f"wrote {index}")


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
