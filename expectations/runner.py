"""Run a suite with Great Expectations on a polars frame and summarise the outcome.

GE 1.x has no polars datasource (STACK.md), so the frame goes to GE as an Arrow-backed pandas
frame through an ephemeral context's pandas dataframe asset. GE is imported lazily: it costs
about 3 s and the CLI's query commands must stay instant.
"""

from __future__ import annotations

import functools
import time
from dataclasses import asdict, dataclass, field

import polars as pl

from akhbar.expectations.suites import _BIG_TEXT, CheckContext, Suite, python_type_name

_SAMPLE_ROWS = 5


@dataclass
class Failure:
    """One failed expectation with a few sample values."""

    expectation: str
    column: str | None
    description: str
    unexpected_count: int | None
    sample: list = field(default_factory=list)


@dataclass
class SuiteResult:
    """Outcome of one suite on one frame."""

    suite: str
    success: bool
    n_rows: int
    n_expectations: int
    seconds: float
    failures: list[Failure] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


@functools.cache
def _context():
    import logging

    import great_expectations as gx

    for name in ("great_expectations", "great_expectations.data_context.types.base"):
        logging.getLogger(name).setLevel(logging.ERROR)
    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = {"globally": False}
    return ctx


def build_expectations(suite: Suite, present: list[str]) -> list:
    """The GE expectation objects of ``suite`` (schema-derived first, then semantic checks)."""
    import great_expectations as gx

    E = gx.expectations
    table = suite.table
    kept = [c for c in table.columns if c.name not in _BIG_TEXT]
    out = [E.ExpectTableColumnsToMatchOrderedList(column_list=[c.name for c in kept] + [f"check_{k}" for k in suite.checks])]
    for c in kept:
        meta = {"description": c.description}
        if not c.nullable:
            out.append(E.ExpectColumnValuesToNotBeNull(column=c.name, meta=meta))
        out.append(E.ExpectColumnValuesToBeOfType(column=c.name, type_=python_type_name(c.type), meta=meta))
        if c.values:
            out.append(E.ExpectColumnValuesToBeInSet(column=c.name, value_set=list(c.values), meta=meta))
    if len(table.key) == 1 and table.key[0] in present:
        out.append(E.ExpectColumnValuesToBeUnique(column=table.key[0], meta={"description": "unique key"}))
    elif len(table.key) > 1:
        out.append(E.ExpectCompoundColumnsToBeUnique(column_list=list(table.key), meta={"description": "unique key"}))
    for name, (description, _fn) in suite.checks.items():
        out.append(E.ExpectColumnValuesToBeInSet(column=f"check_{name}", value_set=[True], meta={"description": description}))
    return out


def prepare(suite: Suite, frame: pl.DataFrame, ctx: CheckContext) -> pl.DataFrame:
    """Add the semantic check columns and drop large text columns."""
    checks = {f"check_{name}": fn(frame, ctx) for name, (_d, fn) in suite.checks.items()}
    out = frame.drop([c for c in _BIG_TEXT if c in frame.columns])
    if checks:
        out = out.with_columns(**{k: v.alias(k) for k, v in checks.items()})
    return out


def validate(suite: Suite, frame: pl.DataFrame, ctx: CheckContext) -> SuiteResult:
    """Run ``suite`` on ``frame`` with Great Expectations; never raises on failed expectations."""
    import great_expectations as gx
    import pandas as pd

    started = time.perf_counter()
    prepared = prepare(suite, frame, ctx)
    gctx = _context()
    name = f"{suite.name}_{id(frame)}_{time.perf_counter_ns()}"
    source = gctx.data_sources.add_or_update_pandas("akhbar")
    asset = source.add_dataframe_asset(name=name)
    batch_def = asset.add_batch_definition_whole_dataframe("all")
    gx_suite = gx.ExpectationSuite(name=suite.name, expectations=build_expectations(suite, prepared.columns))
    pdf = prepared.to_arrow().to_pandas(types_mapper=pd.ArrowDtype)
    result = batch_def.get_batch(batch_parameters={"dataframe": pdf}).validate(gx_suite, result_format="SUMMARY")
    source.delete_asset(name)
    failures = [_failure(r, prepared, suite) for r in result.results if not r.success]
    return SuiteResult(
        suite=suite.name,
        success=bool(result.success),
        n_rows=frame.height,
        n_expectations=len(result.results),
        seconds=round(time.perf_counter() - started, 3),
        failures=failures,
    )


def merge(results: list[SuiteResult]) -> SuiteResult:
    """One suite's results on several slices of a table as one result: the same expectation's
    failures add up (counts summed, the first slices' samples kept)."""
    failures: dict[tuple, Failure] = {}
    for res in results:
        for f in res.failures:
            key = (f.expectation, f.column, f.description)
            if key not in failures:
                failures[key] = Failure(f.expectation, f.column, f.description, f.unexpected_count, list(f.sample))
                continue
            seen = failures[key]
            if f.unexpected_count is not None:
                seen.unexpected_count = (seen.unexpected_count or 0) + f.unexpected_count
            seen.sample = (seen.sample + f.sample)[:_SAMPLE_ROWS]
    return SuiteResult(
        suite=results[0].suite,
        success=all(r.success for r in results),
        n_rows=sum(r.n_rows for r in results),
        n_expectations=max(r.n_expectations for r in results),
        seconds=round(sum(r.seconds for r in results), 3),
        failures=list(failures.values()),
    )


def _failure(r, prepared: pl.DataFrame, suite: Suite) -> Failure:
    """A failed expectation; semantic checks get the failing rows' keys as their sample."""
    cfg = r.expectation_config
    res = r.result or {}
    sample = res.get("partial_unexpected_list") or []
    column = cfg.kwargs.get("column")
    if column and column.startswith("check_") and column in prepared.columns:
        keys = [k for k in (*suite.table.key, "article_id") if k in prepared.columns]
        bad = prepared.filter(~pl.col(column).fill_null(False)).select(list(dict.fromkeys(keys)))
        sample = bad.head(_SAMPLE_ROWS).to_dicts()
    if not sample and "observed_value" in res:
        sample = [res["observed_value"]]
    return Failure(
        expectation=cfg.type,
        column=cfg.kwargs.get("column"),
        description=(cfg.meta or {}).get("description", ""),
        unexpected_count=res.get("unexpected_count"),
        sample=[_jsonable(v) for v in sample[:_SAMPLE_ROWS]],
    )


def _jsonable(v):
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    if isinstance(v, dict):
        return {k: _jsonable(x) for k, x in v.items()}
    return str(v)


def export_suites(directory) -> list:
    """Write every suite as GE JSON into ``directory``; return the paths written."""
    import json
    from pathlib import Path

    import great_expectations as gx

    from akhbar.expectations.suites import SUITES

    paths = []
    for suite in SUITES.values():
        present = [c.name for c in suite.table.columns]
        gx_suite = gx.ExpectationSuite(name=suite.name, expectations=build_expectations(suite, present))
        d = gx_suite.to_json_dict()
        d.pop("id", None)
        for e in d["expectations"]:
            e.pop("id", None)
        path = Path(directory) / f"{suite.name}.json"
        path.write_text(json.dumps(d, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
        paths.append(path)
    return paths
