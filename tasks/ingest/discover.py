"""Which files a run reads: files and folders in, a sorted, de-duplicated list of files out.

Choices (documented because a user will meet them):

- Folders are walked recursively. Names starting with ``.`` (hidden files and folders, e.g.
  ``.git``, ``.DS_Store``, editors' ``.swp`` files) are skipped *inside* a folder; a path the
  user names explicitly is taken even when hidden (they asked for it).
- Symbolic links met while walking: links to folders are never followed (no cycles, no
  escaping the tree); links to files are taken only when their target resolves inside the
  folder being walked, and then under the target's path (so a file reached twice is read
  once). Links pointing outside are skipped. A link the user names explicitly is resolved
  and taken.
- Every regular file found is returned whatever its extension: unsupported ones become
  ``unsupported_format`` rejects in ``readers.read_input`` rather than vanishing. Sockets,
  FIFOs and devices met while walking are skipped (reading a FIFO would block); a folder
  that cannot be listed is returned as is so that ``read_input`` rejects it as
  ``unreadable`` instead of dropping its files silently.
- Order: sorted by the POSIX string of the resolved absolute path; duplicates removed.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path


def discover_inputs(paths: Sequence[str | Path]) -> list[Path]:
    """Return every input file under ``paths`` (files or folders), resolved, sorted, unique.

    Raises:
        FileNotFoundError: one of ``paths`` does not exist (or is a broken symbolic link).
    """
    found: set[str] = set()
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise FileNotFoundError(f"input path does not exist (or is a broken link): {given}")
        resolved = path.resolve()
        if resolved.is_dir():
            found.update(_walk(resolved))
        else:
            found.add(resolved.as_posix())
    return [Path(p) for p in sorted(found)]


def _walk(root: Path) -> list[str]:
    """Files under the resolved folder ``root``, skipping hidden names and outside links."""
    out: list[str] = []

    def unlistable(err: OSError) -> None:
        # os.walk would drop an unreadable folder silently; hand it on to be rejected.
        if err.filename:
            out.append(Path(err.filename).as_posix())

    for folder, dirnames, filenames in os.walk(root, onerror=unlistable, followlinks=False):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith("."):
                continue
            file = _regular_file(Path(folder, name), root)
            if file is not None:
                out.append(file.as_posix())
    return out


def _regular_file(path: Path, root: Path) -> Path | None:
    """``path`` (or its link target inside ``root``) when it is a regular file, else None."""
    try:
        if path.is_symlink():
            target = path.resolve()
            inside = target.is_relative_to(root)
            return target if inside and stat.S_ISREG(target.stat().st_mode) else None
        return path if stat.S_ISREG(path.lstat().st_mode) else None
    except (OSError, RuntimeError):  # vanished, unreadable, or a link loop (RuntimeError
        return path  # on Python < 3.13): handed on so that the reader rejects it as unreadable
