"""Where the flow runs: in-process threads (local) or a Dask cluster (prefect-dask).

What runs (the flow and its tasks) is kept apart from where it runs, as in datatrove's
executors: the same ``akhbar_run`` flow object gets a different task runner.
"""

from __future__ import annotations

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
    from akhbar.flows import progress
    from akhbar.flows.pipeline import akhbar_run

    flow = akhbar_run.with_options(task_runner=task_runner(runner, address, workers))
    if not show_progress:
        return flow(config)
    from akhbar.report import RichProgress

    with RichProgress() as reporter:
        progress.install(reporter)
        try:
            return flow(config)
        finally:
            progress.install(None)
