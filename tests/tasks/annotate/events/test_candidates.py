"""The candidate pre-filter gives the same stories as linking against every published event."""

from __future__ import annotations

import datetime as dt
import random

import polars as pl
import pytest

from akhbar.tasks.annotate.events import link_stories
from akhbar.tasks.annotate.events import stories
from akhbar.tasks.annotate.events.candidates import WINDOW_MARGIN, candidate_events
from akhbar.tasks.annotate.events.parties import seat_ids

TYPES = ["CONSULT", "THREATEN", "MOBILIZE", "ASSAULT"]
TRIGGERS = ["اجتمع", "الاجتماع", "محادثات", "هدد", "هجوم"]


def _parties(rng: random.Random) -> list[str]:
    seats = sorted(seat_ids().items())[:3]  # a seat of power and its country must count as one party
    pool = ["p1", "p2", "p3", "p4"] + [s for s, _ in seats] + [c for _, c in seats]
    return rng.sample(pool, rng.choice([0, 1, 2, 2, 3]))


def _events(rng: random.Random, n_articles: int, prefix: str) -> pl.DataFrame:
    rows = []
    start = dt.date(2022, 1, 1)
    for a in range(n_articles):
        pub = rng.choice([None, start + dt.timedelta(days=rng.randrange(40))])
        for k in range(rng.randrange(1, 5)):
            parties = _parties(rng)
            dated = rng.random() < 0.6
            precision = rng.choice(["day", "day", "day", "month", "range", "year"]) if dated else None
            rows.append({
                "event_id": f"{prefix}{a:03d}-{k}", "article_id": f"{prefix}{a:03d}", "event_type": rng.choice(TYPES),
                "event_mode": None, "trigger": rng.choice(TRIGGERS), "actor_entity_ids": parties[:1],
                "target_entity_ids": parties[1:], "location_entity_id": rng.choice([None, None, "Brussels", "Geneva"]),
                "event_date": start + dt.timedelta(days=rng.randrange(60)) if dated else None,
                "date_precision": precision, "date_text": rng.choice(["اليوم", "13 يناير"]) if dated else None,
                "date_basis": rng.choice(["published_at", "text", "article_anchor"]) if dated else None,
                "factuality": rng.choice(["asserted", "asserted", "planned"]), "story_id": None,
                "start_char": 10 * k, "sentence_index": k, "published_at": pub,
            })
    return pl.DataFrame(rows, schema_overrides={
        "event_date": pl.Date, "actor_entity_ids": pl.List(pl.String), "target_entity_ids": pl.List(pl.String),
        "location_entity_id": pl.String, "date_text": pl.String, "date_precision": pl.String,
        "date_basis": pl.String, "published_at": pl.Date, "event_mode": pl.String, "story_id": pl.String})


@pytest.mark.parametrize("seed", range(8))
def test_candidates_give_the_same_stories_as_the_whole_archive(seed):
    rng = random.Random(seed)
    published = link_stories(_events(rng, 80, "old"), None)
    new = _events(rng, 15, "new")
    whole = link_stories(new, published)
    candidates = candidate_events(new, published.lazy())
    assert candidates.height < published.height  # the filter filters
    assert whole["story_id"].is_in(published["story_id"].implode()).any()  # and new events join old stories
    assert link_stories(new, candidates).equals(whole)


def test_no_candidates_without_a_shared_type_and_party():
    rng = random.Random(1)
    published = link_stories(_events(rng, 20, "old"), None)
    new = _events(rng, 3, "new").with_columns(event_type=pl.lit("SANCTION"))
    assert candidate_events(new, published.lazy()).height == 0


def test_margin_covers_the_linking_windows():
    widest = max(stories.ONGOING_DAYS, stories.PLACE_DAYS, stories.UNDATED_DAYS, stories.RANGE_DAYS)
    assert dt.timedelta(days=widest + stories.DEICTIC_SLACK) < WINDOW_MARGIN


@pytest.mark.parametrize("seed", range(4))
def test_candidates_with_dup_groups_give_the_same_stories(seed):
    """Copies by ``dup_group_id`` link without a shared party (copies.py): the filter keeps them."""
    rng = random.Random(100 + seed)

    def grouped(frame: pl.DataFrame) -> pl.DataFrame:
        groups = {a: f"g{rng.randrange(60)}" for a in frame["article_id"].unique().sort()}
        return frame.with_columns(pl.col("article_id").replace_strict(groups).alias("dup_group_id"))

    published = link_stories(grouped(_events(rng, 80, "old")), None)
    new = grouped(_events(rng, 15, "new"))
    whole = link_stories(new, published)
    candidates = candidate_events(new, published.lazy())
    assert candidates.height < published.height
    assert link_stories(new, candidates).equals(whole)  # test_copies: a group adds a party-less article
