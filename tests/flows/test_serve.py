"""`akhbar serve` starts a real local Prefect server, and cron runs actually fire and publish
new input; SIGTERM stops the command and the server it started."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from akhbar.warehouse.layout import Layout
from akhbar.warehouse.publish import current_version, read_manifest

REPO = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def _wait_for_version(data: Path, version: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if current_version(Layout(data)) == version:
            return
        time.sleep(2)
    raise AssertionError(f"version {version} not published within {timeout:.0f} s")


def test_cron_runs_fire_and_pick_up_new_files(tmp_path):
    watched = tmp_path / "inbox"
    watched.mkdir()
    shutil.copy(REPO / "samples" / "000_972afbc02aa55bf3.txt", watched)
    data = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(tmp_path / "prefect")
    proc = subprocess.Popen(
        [sys.executable, "-m", "akhbar.cli", "serve", "--cron", "* * * * *", "--input", str(watched), "--data", str(data)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        _wait_for_version(data, "000001", timeout=200)
        assert read_manifest(Layout(data))["tables"]["articles"]["rows"] == 1
        shutil.copy(REPO / "samples" / "003_02c3772a1e04e0aa.txt", watched)
        _wait_for_version(data, "000002", timeout=150)
        manifest = read_manifest(Layout(data))
        assert manifest["tables"]["articles"]["rows"] == 2  # only the new file was processed
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            out, _ = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, _ = proc.communicate()
    text = out.decode(errors="replace")
    assert "started a local Prefect server" in text, text[-2000:]
    pid = int(re.search(r"\(pid (\d+)\)", text).group(1))
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # the Prefect server did not outlive akhbar serve
