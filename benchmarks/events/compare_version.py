"""Score an older version of the events annotator with today's hand set and scorer.

    .venv/bin/python benchmarks/events/compare_version.py 8258090 --no-write --throughput-articles 0

Extracts ``tasks/annotate/events`` at the given commit (``git archive``, into a temporary
folder; the work tree is not touched), loads it as ``akhbar.tasks.annotate.events`` and runs
``evaluate.py`` with the remaining arguments (always pass ``--no-write``: RESULTS.md's figures
are the work tree's). The v6 "before" column of RESULTS.md is commit 8258090 (events_rules_v5).
Everything else (entities, text splitter, dedup) is the work tree's, so only the events code differs.
"""

from __future__ import annotations

import importlib.util
import io
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    if len(sys.argv) < 2 or "--no-write" not in sys.argv:
        sys.exit("usage: compare_version.py COMMIT --no-write [evaluate.py arguments]")
    commit, rest = sys.argv[1], sys.argv[2:]
    tar = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "tasks/annotate/events"],
                         check=True, capture_output=True).stdout
    tmp = Path(tempfile.mkdtemp(prefix="events_"))
    with tarfile.open(fileobj=io.BytesIO(tar)) as t:
        t.extractall(tmp, filter="data")
    path = tmp / "tasks" / "annotate" / "events"
    import akhbar.tasks.annotate  # noqa: F401  (the parent package must exist first)

    spec = importlib.util.spec_from_file_location("akhbar.tasks.annotate.events", path / "__init__.py",
                                                  submodule_search_locations=[str(path)])
    module = importlib.util.module_from_spec(spec)
    sys.modules["akhbar.tasks.annotate.events"] = module
    spec.loader.exec_module(module)
    print(f"events annotator of {commit}: {module.ANNOTATOR} ({path})", file=sys.stderr)
    sys.path.insert(0, str(Path(__file__).parent))
    sys.argv = ["evaluate.py", *rest]
    import evaluate

    evaluate.main()


if __name__ == "__main__":
    main()
