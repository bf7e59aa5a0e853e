"""Check that the quote and event annotators give the same rows as an earlier commit, and time both.

Usage:
    .venv/bin/python benchmarks/annotators/check_identical.py [N] [--ref 77f49f7] [--repeat 3]

Exports ``tasks/annotate/{quotes,events}`` of ``--ref`` (default 77f49f7, the commit before
the speed work) with ``git archive`` (read-only) into a temporary folder, imports them beside
the working tree's modules, runs both on the same inputs (the first N SaudiNewsNet articles
plus the five samples, with entities cached by ``speed.py``) and compares the outputs row for
row after sorting, every column. Events are compared without in-batch story linking (it
belongs to ``stories.py``, which is not part of this work and changes meanwhile). Exits 1 on
any difference.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))
import speed  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def _arg(name: str, default: str) -> str:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def import_old(ref: str, folder: Path) -> dict[str, object]:
    """The annotators' packages at ``ref``, imported as ``akhbar.tasks.annotate.<name>_at_ref``."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "tasks/annotate/quotes", "tasks/annotate/events"],
                             check=True, capture_output=True).stdout
    archive_path = folder / "old.tar"
    archive_path.write_bytes(archive)
    with tarfile.open(archive_path) as tar:
        tar.extractall(folder, filter="data")
    out = {}
    for name in ("quotes", "events"):
        pkg = folder / "tasks" / "annotate" / name
        spec = importlib.util.spec_from_file_location(f"akhbar.tasks.annotate.{name}_at_ref", pkg / "__init__.py",
                                                      submodule_search_locations=[str(pkg)])
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        out[name] = module
    return out


def _runs(quotes_mod, events_mod, annotate_module, arts: pl.DataFrame, ents: pl.DataFrame) -> dict:
    def events_unlinked():
        link = annotate_module.link_stories
        annotate_module.link_stories = lambda frame, published: frame
        try:
            return events_mod.annotate_events(arts, ents)
        finally:
            annotate_module.link_stories = link

    return {"quotes": lambda: quotes_mod.annotate_quotes(arts.select("article_id", "body"), ents),
            "events_unlinked": events_unlinked}


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 2000
    ref, repeat = _arg("--ref", "77f49f7"), int(_arg("--repeat", "3"))
    arts, ents = speed.load(n)
    from akhbar.tasks.annotate import events, quotes
    from akhbar.tasks.annotate.events import annotate as events_annotate

    with tempfile.TemporaryDirectory() as tmp:
        old = import_old(ref, Path(tmp))
        old_annotate = sys.modules["akhbar.tasks.annotate.events_at_ref.annotate"]
        versions = {ref: _runs(old["quotes"], old["events"], old_annotate, arts, ents),
                    "working tree": _runs(quotes, events, events_annotate, arts, ents)}
        print(f"{arts.height} articles (N={n} SaudiNewsNet + 5 samples), {ents.height} entity mentions")
        outputs: dict[str, dict[str, pl.DataFrame]] = {}
        for version, runs in versions.items():
            outputs[version] = {}
            for name, run in runs.items():
                outputs[version][name] = run()  # warm-up
                best = min(_cpu(run) for _ in range(repeat))
                print(f"  {version:>12} {name:>16}: {best:6.2f} s CPU  {arts.height / best:6.0f} articles/s")
    ok = True
    for name in ("quotes", "events_unlinked"):
        a, b = (outputs[v][name] for v in versions)
        same = a.schema == b.schema and a.sort(a.columns).equals(b.sort(b.columns), null_equal=True)
        print(f"  {name}: {a.height} rows at {ref}, {b.height} now: {'IDENTICAL' if same else 'DIFFERENT'}")
        ok &= same
    sys.exit(0 if ok else 1)


def _cpu(run) -> float:
    t = time.process_time()
    run()
    return time.process_time() - t


if __name__ == "__main__":
    main()
