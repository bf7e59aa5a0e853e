"""The entity dimension: one row per entity_id, computed from a full entities table."""

from __future__ import annotations

import polars as pl

from akhbar.schemas.tables import ENTITY_DIM
from akhbar.tasks.annotate.entities.gazetteer import alias_rows
from akhbar.tasks.annotate.entities.linker import row_entity_id


def _wikidata_frame() -> pl.DataFrame:
    rows = [(row_entity_id(i), r.wikidata_id) for i, r in enumerate(alias_rows())]
    schema = {"entity_id": pl.Utf8, "wikidata_id": pl.Utf8}
    return pl.DataFrame(rows, schema=schema, orient="row").unique("entity_id", keep="first")


def _most_frequent(entities: pl.DataFrame, col: str) -> pl.DataFrame:
    """entity_id -> its most frequent ``col`` value (ties: smallest value, for determinism)."""
    return (
        entities.group_by("entity_id", col).len()
        .sort(["entity_id", "len", col], descending=[False, True, False])
        .group_by("entity_id", maintain_order=True).first()
        .select("entity_id", col)
    )


def entity_dim(entities: pl.DataFrame) -> pl.DataFrame:
    """ENTITY_DIM rows of an entities table: name, type, Wikidata id, aliases and counts.

    ``canonical_name`` is the English table name where known (every mention of a table
    entity carries it), else the most frequent Arabic full form; ``aliases`` are the sorted
    distinct surfaces of named mentions.
    """
    named = entities.filter(pl.col("mention_kind") == "named")
    counts = entities.group_by("entity_id").agg(
        pl.len().cast(pl.Int64).alias("n_mentions"),
        pl.col("article_id").n_unique().cast(pl.Int64).alias("n_articles"),
    )
    aliases = named.group_by("entity_id").agg(pl.col("surface").unique().sort().alias("aliases"))
    return (
        counts.join(_most_frequent(entities, "canonical_name"), on="entity_id", how="left")
        .join(_most_frequent(entities, "entity_type"), on="entity_id", how="left")
        .join(_wikidata_frame(), on="entity_id", how="left")
        .join(aliases, on="entity_id", how="left")
        .with_columns(pl.col("aliases").fill_null(pl.lit([], dtype=pl.List(pl.Utf8))))
        .select(ENTITY_DIM.names)
        .sort("entity_id")
    )
