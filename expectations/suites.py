"""Expectation suites, one per stage output, derived from ``schemas/`` plus semantic checks.

A suite is built from its table declaration (columns in order, Python value types, not-null,
unique key, value sets) and a list of semantic checks. Semantic checks need other tables (the
article bodies, the published ids), so each is computed as a boolean column in polars first and
then asserted by Great Expectations (``expect_column_values_to_be_in_set([True])``); GE reports
the failing rows. Large text columns (body, text) are replaced by their checks before the frame
goes to GE, which keeps validation cheap.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Callable

import polars as pl
import pyarrow as pa

from akhbar.schemas import tables as T

# Dates before 1900 cannot be publication dates of web news; after the run start (plus one day
# of clock and time-zone slack) they are parsing errors.
EARLIEST_PLAUSIBLE = datetime(1900, 1, 1)
FUTURE_SLACK = timedelta(days=1)
_BIG_TEXT = ("body", "text")
_INVISIBLE_RE = "[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\x00-\x08\x0b-\x1f]"


@dataclass(frozen=True)
class CheckContext:
    """What semantic checks may look at besides the frame itself."""

    run_started: datetime
    bodies: pl.DataFrame | None = None  # article_id, body of every article the rows may point to
    published_ids: pl.Series | None = None  # ids already published by earlier runs
    published_groups: pl.DataFrame | None = None  # dup_group_id, is_canonical of published articles


Check = Callable[[pl.DataFrame, CheckContext], pl.Series]


@dataclass(frozen=True)
class Suite:
    """An expectation suite: the table it validates, plus named semantic checks."""

    name: str
    table: T.Table
    checks: dict[str, tuple[str, Check]] = field(default_factory=dict)


# Rows checked per join with the bodies: the join copies an article's body onto each of its rows
# (10k SaudiNewsNet articles: 132k entity rows, +900 MB in one join), so it is done in slices.
_OFFSET_CHUNK = 10_000


def _offsets_match(text_col: str) -> Check:
    def check(df: pl.DataFrame, ctx: CheckContext) -> pl.Series:
        ok = (
            pl.col("body").is_not_null()
            & (pl.col("start_char") >= 0)
            & (pl.col("end_char") > pl.col("start_char"))
            & (pl.col("end_char") <= pl.col("body").str.len_chars())
            & (pl.col("body").str.slice(pl.col("start_char"), pl.col("end_char") - pl.col("start_char")) == pl.col(text_col))
        )
        rows = df.select("article_id", "start_char", "end_char", text_col)
        parts = [
            chunk.join(ctx.bodies, on="article_id", how="left", maintain_order="left").select(ok.fill_null(False)).to_series()
            for chunk in rows.iter_slices(_OFFSET_CHUNK)
        ]
        return pl.concat(parts) if parts else pl.Series(dtype=pl.Boolean)

    return check


def _article_exists(df: pl.DataFrame, ctx: CheckContext) -> pl.Series:
    return df["article_id"].is_in(ctx.bodies["article_id"])


def _one_canonical_per_group(df: pl.DataFrame, ctx: CheckContext) -> pl.Series:
    """Exactly one canonical per group, counting the published members of the same groups."""
    groups = df.select("dup_group_id", "is_canonical")
    if ctx.published_groups is not None and not ctx.published_groups.is_empty():
        old = ctx.published_groups.filter(pl.col("dup_group_id").is_in(groups["dup_group_id"].implode()))
        groups = pl.concat([groups, old.select(groups.columns)])
    counts = groups.group_by("dup_group_id").agg(n=pl.col("is_canonical").cast(pl.Int32).sum())
    return df.select("dup_group_id").join(counts, on="dup_group_id", how="left", maintain_order="left")["n"] == 1


def _canonical_is_none_kind(df: pl.DataFrame, ctx: CheckContext) -> pl.Series:
    return (~df["is_canonical"]) | (df["dup_kind"] == "none")


def _date_plausible(df: pl.DataFrame, ctx: CheckContext) -> pl.Series:
    ts = df["published_at"].dt.replace_time_zone(None)
    ok = (ts >= EARLIEST_PLAUSIBLE) & (ts <= ctx.run_started.replace(tzinfo=None) + FUTURE_SLACK)
    return ok.fill_null(True)


def _new_ids(key: str) -> Check:
    def check(df: pl.DataFrame, ctx: CheckContext) -> pl.Series:
        if ctx.published_ids is None:
            return pl.Series([True] * df.height)
        return ~df[key].is_in(ctx.published_ids)

    return check


def _body_clean(df: pl.DataFrame, ctx: CheckContext) -> pl.Series:
    body = df["body"]
    return (body.str.len_chars() > 0) & ~body.str.contains(_INVISIBLE_RE) & (body == body.str.strip_chars())


def _similarity_in_range(df: pl.DataFrame, ctx: CheckContext) -> pl.Series:
    return df["dup_similarity"].is_between(0.0, 1.0)


def _text_nonempty(df: pl.DataFrame, ctx: CheckContext) -> pl.Series:
    return df["text"].str.len_chars() > 0


RAW = Suite("ingested", T.RAW, {"text_nonempty": ("decoded text is not empty", _text_nonempty)})
_CLEANED_COLUMNS = ("article_id", "source_uri", "url", "raw_sha256", "title", "published_at",
                    "published_text", "outlet", "agencies", "authors", "body", "n_words")
CLEANED_TABLE = T.Table(
    "cleaned", T.ARTICLES.grain, T.ARTICLES.key,
    tuple(c for c in T.ARTICLES.columns if c.name in _CLEANED_COLUMNS),
)
CLEANED = Suite(
    "cleaned",
    CLEANED_TABLE,
    {
        "body_clean": ("body is non-empty, stripped, without invisible controls", _body_clean),
        "date_plausible": ("published_at between 1900 and the run start", _date_plausible),
        "id_new": ("article_id not already published by an earlier run, nor repeated in this one", _new_ids("article_id")),
    },
)
_ARTICLE_CHECKS = {
    "one_canonical_per_group": ("is_canonical holds for exactly one row per dup_group_id", _one_canonical_per_group),
    "canonical_kind_none": ("the canonical row has dup_kind none", _canonical_is_none_kind),
    "similarity_in_range": ("dup_similarity in [0, 1]", _similarity_in_range),
    "body_clean": ("body is non-empty, stripped, without invisible controls", _body_clean),
    "date_plausible": ("published_at between 1900 and the run start", _date_plausible),
    "id_new": ("article_id not already published by an earlier run, nor repeated in this one", _new_ids("article_id")),
}
# The dedup stage's output is the final articles table (every column filled): one suite serves
# both, run on the new rows at dedup time and on the whole table by `akhbar validate`.
DEDUPLICATED = Suite("deduplicated", T.ARTICLES, _ARTICLE_CHECKS)
ARTICLES = Suite("articles", T.ARTICLES, _ARTICLE_CHECKS)
REJECTS = Suite("rejects", T.REJECTS)


def _annotation_checks(text_col: str, key: str) -> dict[str, tuple[str, Check]]:
    return {
        "article_exists": ("article_id exists in articles", _article_exists),
        "offsets_match": (f"offsets inside the body and body[start:end] == {text_col}", _offsets_match(text_col)),
        "id_new": (f"{key} not already published by an earlier run, nor repeated in this one", _new_ids(key)),
    }


ENTITIES = Suite("entities", T.ENTITIES, _annotation_checks("surface", "mention_id"))
QUOTES = Suite("quotes", T.QUOTES, _annotation_checks("text", "quote_id"))
EVENTS = Suite("events", T.EVENTS, _annotation_checks("trigger", "event_id"))
ENTITY_DIM = Suite("entity_dim", T.ENTITY_DIM)

SUITES = {s.name: s for s in (RAW, CLEANED, DEDUPLICATED, ARTICLES, REJECTS, ENTITIES, QUOTES, EVENTS, ENTITY_DIM)}


def python_type_name(arrow_type: pa.DataType) -> str:
    """The Python type GE observes for a value of ``arrow_type`` in an Arrow-backed pandas frame."""
    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
        return "str"
    if pa.types.is_integer(arrow_type):
        return "int"
    if pa.types.is_floating(arrow_type):
        return "float"
    if pa.types.is_boolean(arrow_type):
        return "bool"
    if pa.types.is_list(arrow_type) or pa.types.is_large_list(arrow_type):
        return "list"
    if pa.types.is_timestamp(arrow_type):
        return "datetime"
    if pa.types.is_date(arrow_type):
        return "date"
    raise TypeError(f"no GE type name for {arrow_type}")
