"""The ledger of inputs already accounted for: (source_uri, raw_sha256) of articles and rejects.

An input whose pair is in the ledger is skipped by a later run, so a rerun on the same input
changes nothing; a file whose content changed gets a new pair and is processed again.
"""

from __future__ import annotations

import polars as pl

from akhbar.warehouse.layout import Layout
from akhbar.warehouse.publish import published_files

LEDGER_KEY = ("source_uri", "raw_sha256")


def seen_inputs(layout: Layout) -> pl.DataFrame:
    """All (source_uri, raw_sha256) pairs in the published articles and rejects."""
    frames = []
    for table in ("articles", "rejects"):
        files = published_files(layout, table)
        if files:
            frames.append(pl.scan_parquet(files).select(LEDGER_KEY))
    if not frames:
        return pl.DataFrame(schema={"source_uri": pl.String, "raw_sha256": pl.String})
    return pl.concat(frames).unique().collect()


def unseen(rows: pl.DataFrame, seen: pl.DataFrame) -> pl.DataFrame:
    """The rows of ``rows`` whose (source_uri, raw_sha256) is not in ``seen``."""
    if rows.is_empty() or seen.is_empty():
        return rows
    return rows.join(seen, on=list(LEDGER_KEY), how="anti", maintain_order="left")
