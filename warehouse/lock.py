"""One writer per data directory: an advisory ``flock`` held for the whole run.

The kernel releases the lock when the process dies (even on ``kill -9``), so a crashed run
never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


class DataDirBusy(RuntimeError):
    """Another akhbar run holds the data directory's lock."""


@contextmanager
def exclusive(lock_path: Path) -> Iterator[None]:
    """Hold the data directory's lock, or raise DataDirBusy at once if another run has it."""
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "unknown"
            raise DataDirBusy(
                f"another akhbar run (pid {holder}) is writing to {lock_path.parent}; "
                "wait for it to finish, or use another --data directory"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)
