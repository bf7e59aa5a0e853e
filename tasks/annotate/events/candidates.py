"""Which published events a run's new events could join: a pushdown filter before story linking.

``link_stories`` links new mentions to each other and to published ones; published mentions
are never linked to each other again. So only published mentions that *could* link to a new
one matter, and the linking rule (``stories.py``) gives a cheap necessary condition: the same
``event_type`` and at least one shared party, comparing a seat of power as its country
(``party_key``), inside the widest time window of the rule. Reading only those rows keeps the
cost of linking a part proportional to the part and its candidates, not to the whole archive
(before this filter, 10 new articles on top of 31k SaudiNewsNet articles re-read and re-linked
all 75,856 published events: 49.6 s, benchmarks/RESULTS.md).

The filter is exact: the candidates give the same stories as all published events (tested
in tests/tasks/annotate/events/test_candidates.py). It returns whole articles, because an
undated page's mentions are placed by the latest date written in that page. Mentions without participants link only
inside their own article, and a published article is never one of the run's new articles,
so they are never candidates. One exception needs no shared party: mentions of two copies of
one agency text (``copies.py``). Copies found by their event sequences share a (type, party)
somewhere, so their articles are candidates already; copies known by an optional
``dup_group_id`` column (on both frames) are added by that id.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from .parties import seat_ids

# The widest window of the linking rule is ONGOING_DAYS (60 days, stories.py) plus the one-day
# deictic slack; a year-precision date spans 366 days. A margin of a year on each side of the
# new events' period keeps every published mention the rule could reach (test_candidates
# checks that the rule's windows stay below it).
WINDOW_MARGIN = dt.timedelta(days=366)
SPAN = dt.timedelta(days=366)  # the longest period one event_date can stand for (a year)


def party_keys(events: pl.LazyFrame) -> pl.LazyFrame:
    """One row per (event_id, event_type, party): actors and targets, seats of power as their country."""
    seats = seat_ids()
    parties = pl.concat_list(pl.col("actor_entity_ids").fill_null([]), pl.col("target_entity_ids").fill_null([]))
    out = (events.select("event_id", "event_type", parties.alias("party"))
           .explode("party").drop_nulls("party"))
    if seats:
        out = out.with_columns(pl.col("party").replace(seats))
    return out


def new_period(new_events: pl.DataFrame) -> tuple[dt.date, dt.date] | None:
    """The days the new events could be placed on: their dates (with a year's span) and the
    report dates of their articles (``published_at``, joined on by the caller)."""
    days = [new_events["event_date"]]
    if "published_at" in new_events.columns:
        days.append(new_events["published_at"].dt.date())
    lo = min((s.min() for s in days if s.null_count() < s.len()), default=None)
    hi = max((s.max() for s in days if s.null_count() < s.len()), default=None)
    return None if lo is None else (lo, hi + SPAN)


def candidate_events(new_events: pl.DataFrame, published: pl.LazyFrame) -> pl.DataFrame:
    """The published events that share a type and a party with some new event, in time reach.

    Undated published mentions are kept whatever their report date: their day comes from their
    article (``published_at`` or a date written in it), which the filter does not read.
    """
    keys = party_keys(new_events.lazy()).select("event_type", "party").unique()
    ids = party_keys(published).join(keys, on=["event_type", "party"], how="semi").select("event_id").unique()
    pub = published.join(ids, on="event_id", how="semi")
    period = new_period(new_events)
    if period is not None:
        lo, hi = period[0] - WINDOW_MARGIN - SPAN, period[1] + WINDOW_MARGIN
        pub = pub.filter(pl.col("event_date").is_null() | pl.col("event_date").is_between(lo, hi))
    # Whole articles: an undated page's mentions are placed by the latest date written in it,
    # which link_stories reads from the article's other events (stories._anchors).
    articles = pub.select("article_id").unique()
    groups = _dup_groups(new_events)
    if groups is not None and "dup_group_id" in published.collect_schema().names():
        # Copies of one agency text link without a shared party (copies.py): keep their articles too.
        copies = published.filter(pl.col("dup_group_id").is_in(groups)).select("article_id").unique()
        articles = pl.concat([articles, copies]).unique()
    return published.join(articles, on="article_id", how="semi").collect().sort("event_id")


def _dup_groups(new_events: pl.DataFrame) -> list[str] | None:
    """The new events' ``dup_group_id`` values (optional column), or None without it."""
    if "dup_group_id" not in new_events.columns:
        return None
    return new_events["dup_group_id"].drop_nulls().unique().to_list()
