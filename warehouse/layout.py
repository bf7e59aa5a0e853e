"""Where everything lives under the data directory.

    $AKHBAR_DATA/
      akhbar.duckdb                 views over current/ (rebuildable from the Parquet)
      current -> versions/<v>       symlink, switched atomically at publish
      versions/<v>/manifest.json    what the version holds (files, row counts, run)
      versions/<v>/<table>/*.parquet
      staging/<run_id>/<stage>/     a run's work in progress; removed after publish
      runs/<run_id>.json            run summaries (also failed runs)
      .lock                         one writer at a time

Published tables are append-only between versions (a new version hard-links the previous
version's part files and adds the run's parts), so readers of an old version keep working.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA_ENV = "AKHBAR_DATA"


def default_data_dir() -> Path:
    """``$AKHBAR_DATA`` if set, else ``$XDG_DATA_HOME/akhbar`` (``~/.local/share/akhbar``)."""
    env = os.environ.get(DEFAULT_DATA_ENV)
    if env:
        return Path(env).expanduser().resolve()
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return (Path(xdg) / "akhbar").resolve()


@dataclass(frozen=True)
class Layout:
    """Paths of one data directory."""

    root: Path

    @property
    def duckdb_path(self) -> Path:
        return self.root / "akhbar.duckdb"

    @property
    def current(self) -> Path:
        return self.root / "current"

    @property
    def versions(self) -> Path:
        return self.root / "versions"

    @property
    def staging(self) -> Path:
        return self.root / "staging"

    @property
    def runs(self) -> Path:
        return self.root / "runs"

    @property
    def lock_path(self) -> Path:
        return self.root / ".lock"

    def run_dir(self, run_id: str) -> Path:
        return self.staging / run_id

    def version_dir(self, version: str) -> Path:
        return self.versions / version

    def current_table(self, table: str) -> Path:
        return self.current / table

    def ensure(self) -> "Layout":
        for p in (self.root, self.versions, self.staging, self.runs):
            p.mkdir(parents=True, exist_ok=True)
        return self
