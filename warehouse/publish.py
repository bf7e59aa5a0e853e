"""Atomic publish, version retention and rollback.

A run's validated parts become a new version directory; the ``current`` symlink is then
switched to it with one ``os.replace`` (atomic on POSIX). A crash before that switch leaves the
previous version current and untouched; a crash after it leaves the new version whole.
Append-only tables hard-link the previous version's part files (no copy, no rewrite), so
published part files are immutable and a reader holding an old file list keeps working.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq

from akhbar.warehouse.layout import Layout

MANIFEST = "manifest.json"
_VERSION_WIDTH = 6
# Default number of published versions kept for rollback: enough to undo a few bad scheduled
# runs while bounding disk use (hard links make unchanged parts free anyway).
DEFAULT_KEEP_VERSIONS = 5


@dataclass(frozen=True)
class PublishPlan:
    """What a run adds: new part files per append-only table, and whole derived tables."""

    run_id: str
    appended: dict[str, list[Path]]
    replaced: dict[str, list[Path]]
    created_at: str
    meta: dict = field(default_factory=dict)  # e.g. the dedup config fingerprint of the index


def current_version(layout: Layout) -> str | None:
    """The version ``current`` points to, or None before the first publish."""
    try:
        return Path(os.readlink(layout.current)).name
    except (FileNotFoundError, OSError):
        return None


def list_versions(layout: Layout) -> list[str]:
    """Complete version directories (those with a manifest), oldest first."""
    if not layout.versions.exists():
        return []
    return sorted(
        p.name for p in layout.versions.iterdir()
        if p.is_dir() and not p.name.startswith(".") and (p / MANIFEST).exists()
    )


def read_manifest(layout: Layout, version: str | None = None) -> dict | None:
    """The manifest of ``version`` (default: current), or None."""
    version = version or current_version(layout)
    if version is None:
        return None
    path = layout.version_dir(version) / MANIFEST
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def published_files(layout: Layout, table: str) -> list[Path]:
    """Part files of ``table`` in the current version, in manifest order."""
    manifest = read_manifest(layout)
    if not manifest or table not in manifest["tables"]:
        return []
    base = layout.version_dir(manifest["version"]) / table
    return [base / name for name in manifest["tables"][table]["files"]]


def publish(layout: Layout, plan: PublishPlan, keep: int = DEFAULT_KEEP_VERSIONS) -> str:
    """Build the next version from the current one plus ``plan`` and switch ``current`` to it."""
    previous = read_manifest(layout)
    version = _next_version(layout)
    tmp = layout.versions / f".{version}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tables: dict[str, dict] = {}
    names = set(plan.appended) | set(plan.replaced) | set((previous or {}).get("tables", {}))
    for name in sorted(names):
        files = []
        if name not in plan.replaced and previous and name in previous["tables"]:
            old_base = layout.version_dir(previous["version"]) / name
            files += [_link(old_base / f, tmp / name / f) for f in previous["tables"][name]["files"]]
        new = plan.replaced.get(name, plan.appended.get(name, []))
        files += [_link(p, tmp / name / p.name) for p in new]
        (tmp / name).mkdir(parents=True, exist_ok=True)
        tables[name] = {"files": [f.name for f in files], "rows": sum(_rows(f) for f in files)}
    manifest = {
        "version": version,
        "parent": previous["version"] if previous else None,
        "run_id": plan.run_id,
        "created_at": plan.created_at,
        "meta": plan.meta,
        "tables": tables,
    }
    (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    _fsync_tree(tmp)
    os.replace(tmp, layout.version_dir(version))
    switch_current(layout, version)
    prune(layout, keep)
    return version


def switch_current(layout: Layout, version: str) -> None:
    """Point ``current`` at ``version`` in one atomic rename of a symlink."""
    if not (layout.version_dir(version) / MANIFEST).exists():
        raise FileNotFoundError(f"version {version} does not exist in {layout.versions}")
    tmp_link = layout.root / ".current.tmp"
    if tmp_link.is_symlink() or tmp_link.exists():
        tmp_link.unlink()
    os.symlink(Path("versions") / version, tmp_link)
    os.replace(tmp_link, layout.current)
    fd = os.open(layout.root, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def rollback(layout: Layout, to: str | None = None) -> str:
    """Make ``to`` (default: the version before current) current again; return it."""
    versions = list_versions(layout)
    cur = current_version(layout)
    if to is None:
        older = [v for v in versions if cur is None or v < cur]
        if not older:
            raise ValueError("no older version to roll back to")
        to = older[-1]
    switch_current(layout, to)
    return to


def prune(layout: Layout, keep: int) -> None:
    """Delete leftovers of crashed publishes and all but the newest ``keep`` versions up to current."""
    cur = current_version(layout)
    for p in layout.versions.iterdir():
        if p.name.startswith(".") or not (p / MANIFEST).exists():
            if cur is None or p.name != cur:
                shutil.rmtree(p, ignore_errors=True)
    versions = list_versions(layout)
    kept = [v for v in versions if cur is not None and v <= cur][-max(keep, 1):]
    for v in versions:
        if v not in kept and v != cur and (cur is None or v < cur):
            shutil.rmtree(layout.version_dir(v), ignore_errors=True)


def _next_version(layout: Layout) -> str:
    existing = [p.name.strip(".").removesuffix(".tmp") for p in layout.versions.iterdir()]
    numbers = [int(n) for n in existing if n.isdigit()]
    return str(max(numbers, default=0) + 1).zfill(_VERSION_WIDTH)


def _link(src: Path, dst: Path) -> Path:
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dst)
    except OSError:  # cross-device staging: copy instead
        shutil.copy2(src, dst)
    return dst


def _rows(path: Path) -> int:
    return pq.ParquetFile(path).metadata.num_rows


def _fsync_tree(root: Path) -> None:
    for dirpath, _dirs, files in os.walk(root):
        for name in [*files, "."]:
            fd = os.open(os.path.join(dirpath, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
