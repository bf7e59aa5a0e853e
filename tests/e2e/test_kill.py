"""kill -9 at random moments of real runs leaves the last published dataset whole and readable,
and the next run succeeds.

Each run is a real `akhbar run` process (Prefect's temporary API, GE, DuckDB) in its own
process group; the whole group is killed with SIGKILL, like a machine losing power for the
run but not for the disk.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest

from akhbar.warehouse.publish import current_version, read_manifest
from akhbar.warehouse.layout import Layout

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpora" / "saudinewsnet" / "2015-07-22.jsonl.gz"
KILLS = 10
ATTEMPTS = 20
SEED = 20261125

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def _run(data: Path, inputs: list[Path]) -> subprocess.Popen:
    args = [sys.executable, "-m", "akhbar.cli", "run", "-q", "--data", str(data)]
    for p in inputs:
        args += ["--input", str(p)]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def _check_whole(data: Path) -> dict[str, int]:
    """The current version's files all exist, read, and hold the manifest's row counts;
    DuckDB serves the same counts."""
    layout = Layout(data)
    manifest = read_manifest(layout)
    counts = {}
    for table, entry in manifest["tables"].items():
        files = [layout.version_dir(manifest["version"]) / table / f for f in entry["files"]]
        rows = sum(pl.read_parquet(f).height for f in files)
        assert rows == entry["rows"], table
        counts[table] = rows
    out = subprocess.run([sys.executable, "-m", "akhbar.cli", "sql", "--data", str(data), "--format", "csv",
                          "select (select count(*) from articles) a, (select count(*) from rejects) r"],
                         capture_output=True, text=True, check=True)
    a, r = out.stdout.split()[1].split(",")
    assert (int(a), int(r)) == (counts["articles"], counts["rejects"])
    return counts


@pytest.fixture(scope="module")
def batches(tmp_path_factory) -> list[Path]:
    """Twenty input folders of 60 real articles each (one JSONL file per folder): every attempt
    brings new input, so no attempt is a quick "nothing new" run."""
    root = tmp_path_factory.mktemp("inputs")
    lines = gzip.open(CORPUS, "rt", encoding="utf-8").read().splitlines()[:1200]
    folders = []
    for i in range(ATTEMPTS):
        folder = root / f"batch{i:02d}"
        folder.mkdir()
        (folder / "articles.jsonl").write_text("\n".join(lines[i * 60:(i + 1) * 60]) + "\n", encoding="utf-8")
        folders.append(folder)
    return folders


@pytest.mark.skipif(not CORPUS.exists(), reason="needs ../shared/corpora")
def test_kill_9_at_random_points_leaves_published_data_whole(tmp_path, batches):
    data = tmp_path / "data"
    proc = _run(data, [REPO / "samples"])
    started = time.monotonic()
    assert proc.wait(timeout=600) == 0, proc.stderr.read().decode()
    full_run_s = time.monotonic() - started
    baseline = _check_whole(data)
    rng = random.Random(SEED)
    inputs = [REPO / "samples"]
    points = []
    attempt = 0
    while sum(1 for p in points if not p["finished"]) < KILLS and attempt < ATTEMPTS:
        inputs_k = inputs + [batches[attempt]]
        attempt += 1
        version_before = current_version(Layout(data))
        proc = _run(data, inputs_k)
        # Up to 0.9 of the first run's time: later runs carry 60 more articles, so most kills land
        # mid-run (with 1.2, as many runs as kills finished once the stages got faster).
        delay = rng.uniform(0.5, full_run_s * 0.9)
        try:
            proc.wait(timeout=delay)
            finished = True
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            finished = False
        _check_whole(data)
        version_after = current_version(Layout(data))
        # Killed or not, the current version is the old one, or a newer one built on it (numbers
        # of half-built versions left by a kill are never reused, so the next may skip one).
        if version_after != version_before:
            assert version_after > version_before
            assert read_manifest(Layout(data))["parent"] == version_before
        points.append({"after_s": round(delay, 1), "finished": finished, "published": version_after != version_before})
        if version_after != version_before:
            inputs = inputs_k
    # The next run succeeds and accounts for every input exactly once.
    everything = [REPO / "samples", *batches]
    proc = _run(data, everything)
    assert proc.wait(timeout=600) == 0, proc.stderr.read().decode()
    counts = _check_whole(data)
    assert counts["articles"] + counts["rejects"] == baseline["articles"] + baseline["rejects"] + 1200
    print(json.dumps(points))
    assert sum(1 for p in points if not p["finished"]) >= KILLS
