"""Re-run the expectation suites on the published dataset (``akhbar validate``)."""

from __future__ import annotations

from datetime import datetime, timezone

import polars as pl

from akhbar.expectations.runner import validate
from akhbar.expectations.suites import ARTICLES, ENTITIES, ENTITY_DIM, EVENTS, QUOTES, REJECTS, CheckContext
from akhbar.warehouse.layout import Layout
from akhbar.warehouse.publish import published_files


def _read(layout: Layout, table: str) -> pl.DataFrame | None:
    files = published_files(layout, table)
    return pl.read_parquet(files) if files else None


def validate_published(layout: Layout) -> list[dict]:
    """Validate every published table with its suite; return the results (empty if nothing published)."""
    articles = _read(layout, "articles")
    if articles is None:
        return []
    ctx = CheckContext(run_started=datetime.now(timezone.utc), bodies=articles.select("article_id", "body"))
    results = [validate(ARTICLES, articles, ctx).to_dict()]
    for suite, name in ((REJECTS, "rejects"), (ENTITIES, "entities"), (QUOTES, "quotes"),
                        (EVENTS, "events"), (ENTITY_DIM, "entity_dim")):
        frame = _read(layout, name)
        if frame is not None:
            results.append(validate(suite, frame, ctx).to_dict())
    return results
