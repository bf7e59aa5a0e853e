"""The example notebook runs top to bottom against a published dataset (full, and with empty tables)."""

import importlib.util
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).parents[2] / "notebooks" / "explore.ipynb"
_spec = importlib.util.spec_from_file_location("synthetic", Path(__file__).with_name("synthetic.py"))
synthetic = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(synthetic)


def _run(data: Path, monkeypatch) -> nbformat.NotebookNode:
    monkeypatch.setenv("AKHBAR_DATA", str(data))  # the kernel inherits this process's environment
    monkeypatch.delenv("MPLBACKEND", raising=False)  # the kernel's inline backend renders the figures
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(data)}}
    ).execute()
    return nb


def _outputs(nb) -> str:
    return "\n".join(
        str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", ""))
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
    )


def test_committed_notebook_has_no_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not c.outputs and c.execution_count is None for c in nb.cells if c.cell_type == "code")


@pytest.mark.parametrize(
    "empty", [(), ("entities", "quotes", "events", "entity_dim")], ids=["full", "no-annotations"]
)
def test_notebook_runs_against_a_published_dataset(tmp_path, monkeypatch, empty):
    synthetic.build_dataset(tmp_path / "data", empty=empty)
    nb = _run(tmp_path / "data", monkeypatch)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors, errors
    text = _outputs(nb)
    assert "12 articles" in text
    assert ("Vladimir Putin" in text) == (not empty)
    images = sum(
        "image/png" in o.get("data", {}) for c in nb.cells if c.cell_type == "code" for o in c.outputs
    )
    assert images == 2  # event timeline and top speakers
