"""Where the flow runs: in-process threads (local) or a Dask cluster (prefect-dask).

What runs (the flow and its tasks) is kept apart from where it runs, as in datatrove's
executors: the same ``akhbar_run`` flow object gets a different task runner.
"""

from __future__ import annotations

import os
import threading
import time
from contextlib import contextmanager

from akhbar.prefect_env import configure


def task_runner(runner: str, address: str | None = None, workers: int = 2):
    """The Prefect task runner for ``runner`` ('local', 'process' or 'dask')."""
    configure()
    if runner == "local":
        from prefect.task_runners import ThreadPoolTaskRunner

        # Two threads: polars and pyarrow release the GIL, the machine has two cores.
        return ThreadPoolTaskRunner(max_workers=2)
    if runner == "process":
        from prefect.task_runners import ProcessPoolTaskRunner

        return ProcessPoolTaskRunner(max_workers=workers)
    if runner == "dask":
        from prefect_dask import DaskTaskRunner

        if address:
            return DaskTaskRunner(address=address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True})
    raise ValueError(f"unknown runner {runner!r}: use local or dask")


def run_flow(config, runner: str = "local", address: str | None = None, workers: int = 2,
             show_progress: bool = False) -> dict:
    """Run the pipeline flow with the chosen task runner; return its summary."""
    configure()
    started = time.perf_counter()
    startup: dict[str, float] = {}
    with _shared_api(lambda: _imports(startup)) as akhbar_run:
        startup["ready_s"] = round(time.perf_counter() - started, 3)
        flow = akhbar_run.with_options(task_runner=task_runner(runner, address, workers))
        if not show_progress:
            summary = flow(config)
        else:
            from akhbar.flows import progress
            from akhbar.report import RichProgress

            with RichProgress() as reporter:
                progress.install(reporter)
                try:
                    summary = flow(config)
                finally:
                    progress.install(None)
    # Where the time outside the stages went (benchmarks/pipeline.py: Prefect's share).
    startup["run_flow_s"] = round(time.perf_counter() - started, 3)
    return {**summary, "startup": startup}


def _imports(startup: dict):
    """The pipeline's imports (3-4 s, STACK.md); returns the flow and records their time."""
    started = time.perf_counter()
    from akhbar.flows.pipeline import akhbar_run
    from akhbar.flows.stages import warm_imports

    warm_imports()
    startup["imports_s"] = round(time.perf_counter() - started, 3)
    return akhbar_run


@contextmanager
def _shared_api(imports):
    """Run ``imports()`` while Prefect's temporary API starts; share that API with the workers.

    With no ``PREFECT_API_URL`` the first flow of a process starts a temporary API server (a
    subprocess, 7-11 s, STACK.md) and only then runs. Started here in a thread, the server boots
    on the other core while this process imports, and the flow finds it running (Prefect keeps
    one ``SubprocessASGIServer`` per process). Its address is then put in ``PREFECT_API_URL``
    for the run, so process-pool and local Dask workers report to it instead of each starting a
    server of its own (measured: +214 MB and a start-up per worker, all writing one SQLite file).
    A failed start is left to the flow, which starts the server again and reports the error.
    """
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_ENABLED

    if PREFECT_API_URL.value() or not PREFECT_SERVER_EPHEMERAL_ENABLED.value():
        yield imports()  # a server the user runs (or a test harness): nothing to start
        return
    from prefect.server.api.server import SubprocessASGIServer

    def start() -> None:
        try:
            SubprocessASGIServer().start()
        except Exception:  # noqa: BLE001 - the flow's own start raises it with context
            SubprocessASGIServer().stop()

    thread = threading.Thread(target=start, name="prefect-api-start", daemon=True)
    thread.start()
    try:
        flow = imports()
    finally:
        thread.join()
    server = SubprocessASGIServer()
    if not server.running:
        yield flow
        return
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        yield flow
    finally:
        os.environ.pop("PREFECT_API_URL", None)
