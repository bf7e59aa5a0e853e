"""Dedup stage: exact and near-duplicate flags (MinHash LSH), incremental against an index.

Public API: ``DedupConfig``, ``dedup_batch``, ``INDEX_SCHEMA``, ``empty_index`` (see groups.py
for the canonical rule and the grouping procedure, benchmarks/DEDUP.md for the measurements).
"""

from akhbar.tasks.dedup.config import DedupConfig
from akhbar.tasks.dedup.groups import INDEX_SCHEMA, dedup_batch, empty_index

__all__ = ["INDEX_SCHEMA", "DedupConfig", "dedup_batch", "empty_index"]
