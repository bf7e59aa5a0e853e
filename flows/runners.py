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
        return staged_process_pool(workers)
    if runner == "dask":
        from prefect_dask import DaskTaskRunner

        if address:
            return DaskTaskRunner(address=address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True})
    raise ValueError(f"unknown runner {runner!r}: use local or dask")


def staged_process_pool(workers: int):
    """A Prefect ``ProcessPoolTaskRunner`` whose worker processes can be let go between stages.

    One pool for the whole flow kept every worker alive to the end: after annotating, each
    still held its models, per-word memos and the allocator's retained pages (~0.85 GB at 31k
    SaudiNewsNet articles) while the flow process validated and published, and the annotate
    workers carried what the clean stage had left in them. ``release_workers()`` shuts the
    executor down (its processes exit and give their memory back); the next ``submit`` starts a
    new one with the same settings. The message queue that forwards the workers' logs and
    events to the flow stays the same.
    """
    from prefect.task_runners import ProcessPoolTaskRunner

    class StagedProcessPoolTaskRunner(ProcessPoolTaskRunner):
        def release_workers(self) -> None:
            """Let the worker processes exit (wait for them); the next submit starts new ones."""
            if self._executor is not None:
                self._executor.shutdown(wait=True)
                self._executor = None

        def submit(self, task, parameters, wait_for=None, dependencies=None):
            if self._started and self._executor is None:
                self._executor = self._new_executor()
            return super().submit(task, parameters, wait_for, dependencies)

        def __enter__(self):
            super().__enter__()
            self._new_executor = _executor_factory(self._executor)
            return self

    return StagedProcessPoolTaskRunner(max_workers=workers)


def _executor_factory(executor):
    """A function making new ``ProcessPoolExecutor``s configured like ``executor``."""
    from concurrent.futures import ProcessPoolExecutor

    settings = dict(max_workers=executor._max_workers, mp_context=executor._mp_context,
                    initializer=executor._initializer, initargs=executor._initargs)
    return lambda: ProcessPoolExecutor(**settings)


def release_workers() -> None:
    """Let the current flow's pool workers exit, if its task runner can (a staged process pool)."""
    from prefect.context import FlowRunContext

    ctx = FlowRunContext.get()
    release = getattr(ctx.task_runner, "release_workers", None) if ctx else None
    if release is not None:
        release()


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
