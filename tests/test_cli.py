"""The command line: fast help, clear errors, read-only SQL, tag-conll."""

import subprocess
import sys
import time

from typer.testing import CliRunner

from akhbar.cli import app

runner = CliRunner()


def test_help_is_fast_and_does_not_import_heavy_libraries():
    code = "import sys, akhbar.cli; print(sorted(m for m in ('prefect', 'great_expectations') if m in sys.modules))"
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert time.perf_counter() - t < 10


def test_every_command_takes_data():
    for cmd in ("run", "sql", "shell", "serve", "validate", "docs", "versions", "rollback", "tag-conll"):
        result = runner.invoke(app, [cmd, "--help"])
        assert result.exit_code == 0 and "--data" in result.output, cmd


def test_missing_input_and_bad_runner_are_clear_errors(tmp_path):
    result = runner.invoke(app, ["run", "--input", str(tmp_path / "nope"), "--data", str(tmp_path)])
    assert result.exit_code == 2 and "input not found" in result.output
    result = runner.invoke(app, ["run", "--runner", "spark", "--data", str(tmp_path)])
    assert result.exit_code == 2 and "unknown --runner" in result.output


def test_sql_before_any_run_says_so(tmp_path):
    result = runner.invoke(app, ["sql", "select 1", "--data", str(tmp_path / "none")])
    assert result.exit_code == 2 and "akhbar run" in result.output


def test_akhbar_data_env_is_honoured(tmp_path, monkeypatch):
    monkeypatch.setenv("AKHBAR_DATA", str(tmp_path / "envdata"))
    result = runner.invoke(app, ["versions"])
    assert result.exit_code == 0
    from akhbar.warehouse.layout import default_data_dir

    assert default_data_dir() == (tmp_path / "envdata").resolve()


def test_tag_conll_keeps_tokens(tmp_path):
    src = tmp_path / "in.conll"
    src.write_text("قال\tO\nالرئيس\tO\nفلاديمير\tB-PER\nبوتين\tI-PER\n\nفي\tO\nموسكو\tB-LOC\n", encoding="utf-8")
    out = tmp_path / "out.conll"
    result = runner.invoke(app, ["tag-conll", str(src), str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").split("\n")
    tokens = [l.split("\t")[0] for l in lines if l]
    assert tokens == ["قال", "الرئيس", "فلاديمير", "بوتين", "في", "موسكو"]
    tags = dict(l.split("\t") for l in lines if l)
    assert tags["موسكو"] == "B-LOC" and tags["بوتين"].endswith("PER")
