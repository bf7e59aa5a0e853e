"""discover_inputs: recursive, sorted, de-duplicated, hidden names and outside links skipped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from akhbar.tasks.ingest.discover import discover_inputs


def _touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x")
    return path


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    for rel in [
        "b.txt",
        "a/z.jsonl.gz",
        "a/b/c.html",
        "a/notes.pdf",
        ".hidden.txt",
        ".git/x.txt",
        "a/.cache/y.txt",
    ]:
        _touch(root / rel)
    return root


def test_recursive_sorted_and_hidden_skipped(tree: Path) -> None:
    found = discover_inputs([tree])
    assert [p.relative_to(tree).as_posix() for p in found] == [
        "a/b/c.html",
        "a/notes.pdf",
        "a/z.jsonl.gz",
        "b.txt",
    ]
    assert all(p.is_absolute() for p in found)


def test_order_and_duplicates_do_not_depend_on_the_arguments(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    once = discover_inputs([tree])
    monkeypatch.chdir(tree)
    again = discover_inputs(
        ["b.txt", "a", str(tree), Path("a/../b.txt"), tree / "a" / "b" / "c.html"]
    )
    assert again == once


def test_explicit_hidden_file_is_taken(tree: Path) -> None:
    assert discover_inputs([tree / ".hidden.txt"]) == [(tree / ".hidden.txt").resolve()]


def test_symlinks_inside_followed_once_outside_skipped(tree: Path, tmp_path: Path) -> None:
    outside = _touch(tmp_path / "secret" / "passwd.txt")
    os.symlink(outside, tree / "leak.txt")
    os.symlink(tmp_path / "secret", tree / "leakdir")
    os.symlink(tree / "b.txt", tree / "alias.txt")  # inside: counted once, under its target
    os.symlink(tree, tree / "a" / "loop")  # a folder link: never followed, so no cycle
    found = discover_inputs([tree])
    assert outside not in found
    assert [p.relative_to(tree).as_posix() for p in found] == [
        "a/b/c.html",
        "a/notes.pdf",
        "a/z.jsonl.gz",
        "b.txt",
    ]


def test_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="does not exist"):
        discover_inputs([tmp_path / "nope"])
    os.symlink(tmp_path / "nowhere", tmp_path / "broken")
    with pytest.raises(FileNotFoundError):
        discover_inputs([tmp_path / "broken"])


def test_fifo_in_a_folder_is_skipped(tmp_path: Path) -> None:
    _touch(tmp_path / "a.txt")
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block the run
    assert discover_inputs([tmp_path]) == [(tmp_path / "a.txt").resolve()]


def test_link_loop_is_handed_on_and_rejected_as_unreadable(tmp_path: Path) -> None:
    from akhbar.tasks.ingest.readers import read_input

    os.symlink(tmp_path / "b.txt", tmp_path / "a.txt")
    os.symlink(tmp_path / "a.txt", tmp_path / "b.txt")
    found = discover_inputs([tmp_path])
    assert [p.name for p in found] == ["a.txt", "b.txt"]
    assert all(read_input(p)[1][0]["reason"] == "unreadable" for p in found)
