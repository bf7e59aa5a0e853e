"""End to end: the real Prefect flow, real GE validation and real DuckDB views on the samples
plus bad-input fixtures, compared with reviewed golden files.

The golden files (tests/e2e/golden/) were written by reading each page: title, publication
date, outlet, first and last words of the body, duplicate flags, and every reject's reason.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from akhbar.flows.config import RunConfig
from akhbar.flows.runners import run_flow
from akhbar.warehouse import publish
from akhbar.warehouse.layout import Layout

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
INPUTS = (str(REPO / "samples"), str(HERE / "inputs"))
GOLDEN = HERE / "golden"
TABLES = ("articles", "rejects", "entities", "quotes", "events", "entity_dim")
RUN_METADATA = {"articles": ["ingested_at", "run_id"], "rejects": ["run_id"]}

pytestmark = pytest.mark.e2e


def _name(uri: str) -> str:
    return uri.rsplit("/", 1)[-1]


def _words(text: str, n: int, last: bool = False) -> str:
    words = text.split()
    return " ".join(words[-n:] if last else words[:n])


def article_digest(articles: pl.DataFrame) -> list[dict]:
    """The reviewed fields of each article, keyed by input name."""
    rows = []
    for r in articles.sort("source_uri").iter_rows(named=True):
        rows.append({
            "input": _name(r["source_uri"]),
            "title": r["title"],
            "published_at": r["published_at"].isoformat() if r["published_at"] else None,
            "outlet": r["outlet"],
            "agencies": r["agencies"],
            "authors": r["authors"],
            "first_words": _words(r["body"], 6),
            "last_words": _words(r["body"], 6, last=True),
            "dup_kind": r["dup_kind"],
            "is_canonical": r["is_canonical"],
        })
    return rows


def reject_digest(rejects: pl.DataFrame) -> list[dict]:
    return [{"input": _name(u), "reason": r} for u, r in rejects.sort("source_uri").select("source_uri", "reason").iter_rows()]


def read_current(data: Path, table: str) -> pl.DataFrame:
    files = publish.published_files(Layout(data), table)
    return pl.read_parquet(files) if files else pl.DataFrame()


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    summary = run_flow(RunConfig(inputs=INPUTS, data_dir=str(data)))
    return data, summary


def test_run_publishes_and_reports(first_run):
    data, summary = first_run
    assert summary["status"] == "published"
    assert summary["published_version"] == "000001"
    assert all(v["success"] for v in summary["validation"])
    suites = {v["suite"] for v in summary["validation"]}
    assert {"ingested", "cleaned", "rejects", "deduplicated", "entities", "quotes", "events", "entity_dim"} <= suites
    assert set(summary["seconds"]) == {"ingest", "clean", "dedup", "annotate", "link stories", "validate", "publish"}
    assert (data / "runs" / f"{summary['run_id']}.json").exists()


def test_every_input_is_accounted_for_once(first_run):
    data, _ = first_run
    expected = []
    for folder in INPUTS:
        for path in sorted(Path(folder).rglob("*")):
            if path.name.endswith(".jsonl"):
                lines = path.read_text(encoding="utf-8").split("\n")
                expected += [f"{path}#L{i}" for i, line in enumerate(lines, 1) if line.strip()]
            elif path.is_file():
                expected.append(str(path))
    seen = read_current(data, "articles")["source_uri"].to_list() + read_current(data, "rejects")["source_uri"].to_list()
    assert sorted(seen) == sorted(expected)


def test_articles_match_golden(first_run):
    data, _ = first_run
    golden = json.loads((GOLDEN / "articles.json").read_text(encoding="utf-8"))
    assert article_digest(read_current(data, "articles")) == golden


def test_rejects_match_golden(first_run):
    data, _ = first_run
    golden = json.loads((GOLDEN / "rejects.json").read_text(encoding="utf-8"))
    assert reject_digest(read_current(data, "rejects")) == golden


def test_annotation_offsets_index_the_body_through_duckdb(first_run):
    data, _ = first_run
    sql = """
      select count(*) filter (where substr(a.body, e.start_char + 1, e.end_char - e.start_char) <> e.surface),
             count(*)
      from entities e join articles a using (article_id)
    """
    out = subprocess.run([sys.executable, "-m", "akhbar.cli", "sql", "--data", str(data), "--format", "json", sql],
                         capture_output=True, text=True, check=True)
    row = json.loads(out.stdout.strip().splitlines()[-1])
    bad, total = list(row.values())
    assert bad == 0 and total > 100


def test_sql_cli_is_read_only(first_run):
    data, _ = first_run
    out = subprocess.run([sys.executable, "-m", "akhbar.cli", "sql", "--data", str(data), "drop view articles"],
                         capture_output=True, text=True)
    assert out.returncode == 2 and "read-only" in out.stderr
    out = subprocess.run([sys.executable, "-m", "akhbar.cli", "sql", "--data", str(data), "--format", "csv",
                          "select count(*) as n from articles"], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["n", str(read_current(data, "articles").height)]


def _tables(data: Path) -> dict[str, pl.DataFrame]:
    out = {}
    for t in TABLES:
        df = read_current(data, t)
        out[t] = df.drop([c for c in RUN_METADATA.get(t, []) if c in df.columns])
    return out


def test_rerun_on_same_input_changes_nothing(first_run):
    data, _ = first_run
    before = _tables(data)
    summary = run_flow(RunConfig(inputs=INPUTS, data_dir=str(data)))
    assert summary["status"] == "nothing_new"
    assert publish.current_version(Layout(data)) == "000001"
    after = _tables(data)
    for t in TABLES:
        assert before[t].equals(after[t]), t


def test_same_input_gives_identical_tables(first_run, tmp_path):
    data, _ = first_run
    run_flow(RunConfig(inputs=INPUTS, data_dir=str(tmp_path)))
    a, b = _tables(data), _tables(tmp_path)
    for t in TABLES:
        assert a[t].equals(b[t]), t


def test_new_input_is_deduplicated_against_published(first_run, tmp_path):
    data = tmp_path / "data"
    run_flow(RunConfig(inputs=(INPUTS[0],), data_dir=str(data)))
    copy = tmp_path / "more" / "copy_of_000.txt"
    copy.parent.mkdir()
    copy.write_bytes((REPO / "samples" / "000_972afbc02aa55bf3.txt").read_bytes())
    summary = run_flow(RunConfig(inputs=(INPUTS[0], str(copy.parent)), data_dir=str(data)))
    assert summary["status"] == "published" and summary["stages"]["ingest"]["rows"] == 1
    articles = read_current(data, "articles")
    new = articles.filter(pl.col("source_uri") == str(copy)).row(0, named=True)
    old = articles.filter(pl.col("source_uri").str.ends_with("000_972afbc02aa55bf3.txt")).row(0, named=True)
    assert new["dup_kind"] == "exact" and not new["is_canonical"]
    assert new["dup_group_id"] == old["dup_group_id"] and old["is_canonical"]


def test_failed_validation_stops_before_publish(first_run, tmp_path, monkeypatch):
    """A bad annotation (offsets that do not index the body) must stop the run; nothing changes."""
    data, _ = first_run
    before = _tables(data)
    version = publish.current_version(Layout(data))
    extra = tmp_path / "in"
    extra.mkdir()
    (extra / "new.txt").write_bytes((REPO / "samples" / "002_b0e30f7200a0ed57.txt").read_bytes() + "\nسطر جديد في نهاية المقال.".encode())

    import akhbar.tasks.annotate.entities as ent

    real = ent.annotate_entities

    def broken(articles):
        return real(articles).with_columns(end_char=pl.col("end_char") + 1)

    monkeypatch.setattr(ent, "annotate_entities", broken)
    from akhbar.flows.pipeline import ValidationFailed

    with pytest.raises(ValidationFailed) as err:
        run_flow(RunConfig(inputs=(str(extra),), data_dir=str(data)))
    failed = [r for r in err.value.results if not r["success"]]
    assert failed[0]["suite"] == "entities"
    assert any(f["column"] == "check_offsets_match" and f["sample"] for f in failed[0]["failures"])
    assert publish.current_version(Layout(data)) == version
    after = _tables(data)
    for t in TABLES:
        assert before[t].equals(after[t]), t
    summaries = sorted((data / "runs").glob("*.json"))
    assert json.loads(summaries[-1].read_text())["status"] == "failed_validation"


def test_validate_command_passes_on_the_published_run(first_run):
    data, _ = first_run
    out = subprocess.run([sys.executable, "-m", "akhbar.cli", "validate", "--data", str(data)],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    for suite in ("articles", "rejects", "entities", "quotes", "events", "entity_dim"):
        assert suite in out.stdout


def test_notebook_runs_against_the_sample_run(first_run, monkeypatch):
    import nbformat
    from nbclient import NotebookClient

    data, _ = first_run
    monkeypatch.setenv("AKHBAR_DATA", str(data))
    monkeypatch.delenv("MPLBACKEND", raising=False)
    nb = nbformat.read(REPO / "notebooks" / "explore.ipynb", as_version=4)
    NotebookClient(nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(data)}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors, errors
    images = sum("image/png" in o.get("data", {}) for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert images == 2


def test_run_whose_only_new_input_is_a_reject(first_run, tmp_path):
    """No new article, one new reject: it is published, and the annotation suites see no rows."""
    data = tmp_path / "data"
    run_flow(RunConfig(inputs=(INPUTS[0],), data_dir=str(data)))
    extra = tmp_path / "in"
    extra.mkdir()
    (extra / "blank.jsonl").write_text("\n\n", encoding="utf-8")
    summary = run_flow(RunConfig(inputs=(INPUTS[0], str(extra)), data_dir=str(data)))
    assert summary["status"] == "published"
    assert read_current(data, "rejects")["reason"].to_list() == ["empty"]
    assert read_current(data, "articles").height == 5
