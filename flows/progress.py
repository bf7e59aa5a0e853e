"""Progress reporting hooks for the flow body (the CLI installs a rich progress bar).

The flow body, not the tasks, reports progress: it runs in the caller's process whatever the
task runner, so the hooks work on Dask too. The default reporter does nothing.
"""

from __future__ import annotations

from typing import Protocol


class Reporter(Protocol):
    def start(self, stage: str, total: int) -> None: ...
    def advance(self, stage: str, n: int = 1) -> None: ...
    def finish(self, stage: str) -> None: ...


class _Silent:
    def start(self, stage: str, total: int) -> None:
        pass

    def advance(self, stage: str, n: int = 1) -> None:
        pass

    def finish(self, stage: str) -> None:
        pass


_reporter: Reporter = _Silent()


def install(reporter: Reporter | None) -> None:
    """Route progress to ``reporter`` (None restores the silent default)."""
    global _reporter
    _reporter = reporter or _Silent()


def start(stage: str, total: int) -> None:
    _reporter.start(stage, total)


def advance(stage: str, n: int = 1) -> None:
    _reporter.advance(stage, n)


def finish(stage: str) -> None:
    _reporter.finish(stage)
