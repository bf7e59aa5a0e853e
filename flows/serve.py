"""``akhbar serve``: the pipeline on a cron schedule through Prefect.

Prefect's temporary API registers schedules but never fires them (STACK.md: "Cannot schedule
flows on an ephemeral server"). So with no ``PREFECT_API_URL`` this starts a real local Prefect
server (``prefect server start``) as a child process, waits until ``/api/health`` answers, serves
the flow against it and stops the server on exit; with ``PREFECT_API_URL`` set it uses that
server. Each scheduled run is an ordinary ``akhbar_run``: the ledger makes it pick up only inputs
it has not seen.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from akhbar.prefect_env import configure

# `prefect server start` became healthy after ~5.5 s on this machine (STACK.md); 120 s leaves
# room for a first start that migrates a fresh database on a busy 2-core machine.
SERVER_STARTUP_TIMEOUT_S = 120.0
DEPLOYMENT_NAME = "akhbar-scheduled"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(api_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=2) as resp:  # noqa: S310 (loopback)
            return resp.status == 200
    except OSError:
        return False


@contextmanager
def local_server(home: Path) -> Iterator[tuple[str, int]]:
    """Run a real Prefect server on a free loopback port; yield (API URL, pid); stop it on exit."""
    port = _free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           # Schedule upcoming runs every 5 s instead of every 60 s, so a new deployment's first
           # cron run is created before its first slot passes.
           "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "5", "PREFECT_UI_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    home.mkdir(parents=True, exist_ok=True)
    log = open(home / "server.log", "ab")
    proc = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + SERVER_STARTUP_TIMEOUT_S
        while not _healthy(api_url):
            if proc.poll() is not None:
                raise RuntimeError(f"prefect server exited with {proc.returncode}; see {home / 'server.log'}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"prefect server not healthy after {SERVER_STARTUP_TIMEOUT_S:.0f} s")
            time.sleep(0.5)
        yield api_url, proc.pid
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
        log.close()


def scheduled_flow():
    """The flow a schedule fires: JSON parameters in, an ``akhbar_run`` subflow inside."""
    from prefect import flow

    from akhbar.flows.config import RunConfig
    from akhbar.flows.pipeline import akhbar_run

    @flow(name="akhbar-scheduled-run", log_prints=False)
    def akhbar_scheduled_run(inputs: list[str], data_dir: str) -> dict:
        from akhbar.warehouse.lock import DataDirBusy

        try:
            return akhbar_run(RunConfig(inputs=tuple(inputs), data_dir=data_dir))
        except DataDirBusy as exc:  # an overlapping manual run: skip this slot, it will catch up
            return {"status": "skipped_busy", "detail": str(exc)}

    return akhbar_scheduled_run


def serve(inputs: tuple[str, ...], data_dir: str, cron: str) -> None:
    """Serve the scheduled flow until interrupted, on the user's or a self-started server."""
    configure()
    signal.signal(signal.SIGTERM, _terminate)  # stop like Ctrl-C, so the local server is stopped too
    if os.environ.get("PREFECT_API_URL"):
        _serve(inputs, data_dir, cron)
        return
    with local_server(Path(data_dir) / ".prefect-server") as (api_url, pid):
        os.environ["PREFECT_API_URL"] = api_url
        print(f"akhbar serve: started a local Prefect server at {api_url} (pid {pid})", flush=True)
        _serve(inputs, data_dir, cron)


def _terminate(signum, frame):
    raise KeyboardInterrupt


def _serve(inputs: tuple[str, ...], data_dir: str, cron: str) -> None:
    flow = scheduled_flow()
    print(f"akhbar serve: running {list(inputs)} into {data_dir} on cron {cron!r} (Ctrl-C stops)", flush=True)
    flow.serve(name=DEPLOYMENT_NAME, cron=cron, parameters={"inputs": list(inputs), "data_dir": data_dir},
               print_starting_message=False)
