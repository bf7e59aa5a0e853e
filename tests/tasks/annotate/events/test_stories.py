"""Story linking within a batch and against published stories."""

from __future__ import annotations

import datetime as dt

import polars as pl

from akhbar.tasks.annotate.events import link_stories
from akhbar.tasks.annotate.events.stories import story_key


def _ev(eid, article, date, parties, fact="asserted", trigger="اجتمع", precision="day", typ="CONSULT",
        date_text="13 يناير", start=0, sentence=0, story="", location=None):
    return {"event_id": eid, "article_id": article, "event_type": typ, "trigger": trigger,
            "actor_entity_ids": parties[:1], "target_entity_ids": parties[1:], "location_entity_id": location,
            "event_date": date, "date_precision": precision if date else None,
            "date_text": date_text if date else None, "factuality": fact, "story_id": story,
            "start_char": start, "sentence_index": sentence}


def _frame(rows):
    return pl.DataFrame(rows, schema_overrides={"event_date": pl.Date, "actor_entity_ids": pl.List(pl.String),
                                                "target_entity_ids": pl.List(pl.String),
                                                "location_entity_id": pl.String, "date_text": pl.String,
                                                "date_precision": pl.String})


D12, D13 = dt.date(2022, 1, 12), dt.date(2022, 1, 13)


def _stories(rows, published=None):
    out = link_stories(_frame(rows), _frame(published) if published else None)
    return dict(zip(out["event_id"], out["story_id"]))


def test_planned_and_past_reports_of_one_meeting_share_a_story():
    s = _stories([_ev("e1", "a", D12, ["NATO", "Russia"], fact="planned"), _ev("e2", "b", D12, ["Russia", "NATO"])])
    assert s["e1"] == s["e2"] == story_key("e1")


def test_rounds_on_different_days_are_different_stories():
    s = _stories([_ev("e1", "a", D12, ["NATO", "Russia"]), _ev("e2", "b", D13, ["NATO", "Russia"])])
    assert s["e1"] != s["e2"]


def test_other_type_place_or_parties_do_not_link():
    base = _ev("e1", "a", D12, ["NATO", "Russia"], location="Brussels")
    s = _stories([base, _ev("e2", "b", D12, ["NATO", "Russia"], typ="THREATEN"),
                  _ev("e3", "c", D12, ["NATO", "Russia"], location="Geneva"), _ev("e4", "d", D12, ["USA", "Iran"])])
    assert len({s["e1"], s["e2"], s["e3"], s["e4"]}) == 4


def test_deictic_days_tolerate_one_day_between_papers():
    s = _stories([_ev("e1", "a", D12, ["MBS", "Kadyrov"], date_text="اليوم"),
                  _ev("e2", "b", D13, ["MBS", "Kadyrov"], date_text="اليوم")])
    assert s["e1"] == s["e2"]


def test_anaphoric_mentions_join_the_previous_mention_in_the_article():
    s = _stories([_ev("e1", "a", D12, ["MBS"], start=0), _ev("e2", "a", None, [], trigger="اللقاء", start=50,
                                                              sentence=1)])
    assert s["e1"] == s["e2"]


def test_order_independent_and_published_stories_are_kept():
    rows = [_ev("e2", "b", D12, ["NATO", "Russia"]), _ev("e1", "a", D12, ["NATO", "Russia"])]
    assert _stories(rows) == _stories(rows[::-1])
    published = [_ev("p0", "z", D12, ["NATO", "Russia"], story="st_old")]
    s = _stories(rows, published)
    assert s["e1"] == s["e2"] == "st_old"
