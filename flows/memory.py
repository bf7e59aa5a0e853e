"""Keeping a run's processes small: resident-set readings, memo bounds, returning freed pages.

The annotators memoise per-word work (``functools.lru_cache`` memos of 100k entries each, and
a few dicts and sets of up to 0.5M word forms, in ``tasks/annotate``): a pool worker that
annotates part after part fills them to ~0.7M entries and grew from 0.29 GB (models loaded) to
0.73 GB over six 2,000-article parts (SaudiNewsNet, benchmarks/RESULTS.md, memory). The memos
are pure, so dropping them changes no output; a worker drops them once it is over
``WORKER_BUDGET_MB`` after a part, which keeps its size flat with the number of parts instead
of growing to the memos' bound.
"""

from __future__ import annotations

import ctypes
import gc
import os
import sys

# Resident size over which an annotate worker drops its memos after a part. A fresh worker
# with the models loaded is ~0.29 GB and one 2,000-article part adds ~0.2 GB of memos and
# working set, so with 0.45 GB the memos are dropped after about every part. Measured on all
# 31k SaudiNewsNet articles (benchmarks/RESULTS.md, memory): workers flat at ~0.6 GB instead
# of growing to ~0.85 GB, the tree's peak 2.51 -> 2.15 GB (RSS sum), and no measurable cost
# (annotate 96 s unbounded, 93 s bounded: inside run-to-run noise). ``AKHBAR_WORKER_MEMORY_MB``
# sets it for a run (workers inherit the environment).
WORKER_BUDGET_MB = float(os.environ.get("AKHBAR_WORKER_MEMORY_MB", "450"))


def rss_mb() -> float:
    """This process's resident set size in MiB (0.0 where /proc is not available)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            pages = int(f.read().split()[1])
    except OSError:
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def annotator_memos() -> list:
    """The bounded per-word memos of the loaded annotator modules: ``lru_cache`` functions with
    a maxsize over 1 (the loaders of models and gazetteers are ``maxsize=1`` and stay) and the
    dicts and sets a module lists in its ``_MEMOS``. Each has ``cache_clear`` or ``clear``."""
    memos, seen = [], set()
    for name, module in list(sys.modules.items()):
        if not name.startswith("akhbar.tasks.annotate") or module is None:
            continue
        for container in getattr(module, "_MEMOS", ()):
            if id(container) not in seen:
                seen.add(id(container))
                memos.append(container)
        for value in vars(module).values():
            info = getattr(value, "cache_info", None)
            if info is None or id(value) in seen or not callable(info):
                continue
            maxsize = info().maxsize
            if maxsize is not None and maxsize > 1:
                seen.add(id(value))
                memos.append(value)
    return memos


def bound_worker_memory(budget_mb: float = WORKER_BUDGET_MB) -> bool:
    """Drop the annotators' memos and return freed pages if this process is over ``budget_mb``.

    Returns whether it did. Outputs do not change: the memos only cache pure functions.
    """
    if rss_mb() <= budget_mb:
        return False
    for memo in annotator_memos():
        (memo.cache_clear if hasattr(memo, "cache_clear") else memo.clear)()
    gc.collect()  # cheap in a worker: the models were frozen out of the collector (stages.py)
    return_freed_pages()
    return True


def return_freed_pages() -> None:
    """Hand the heap's free pages back to the OS (glibc ``malloc_trim``; 0.2 ms).

    After a suite the flow process holds pages that its frames and Great Expectations' pandas
    copies used; glibc keeps them for reuse unless trimmed. No ``gc.collect()`` here: with
    Great Expectations imported one takes 0.3 s, ten suites a run would add 3 s, and the
    frames are freed by reference counting anyway.
    """
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc (macOS, musl): nothing to trim
        pass
