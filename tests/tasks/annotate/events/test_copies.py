"""Agency copies: aligned mentions of two copies of one text share a story (copies.py)."""

from __future__ import annotations

import datetime as dt

import polars as pl

from akhbar.tasks.annotate.events import link_stories
from akhbar.tasks.annotate.events.candidates import candidate_events

D = dt.date(2015, 7, 26)


def _ev(eid, article, parties, typ, trigger, start, pub=D, group=None, fact="asserted", story=None):
    return {"published_at": pub, "event_mode": None, "event_id": eid, "article_id": article, "event_type": typ,
            "trigger": trigger, "actor_entity_ids": parties[:1], "target_entity_ids": parties[1:],
            "location_entity_id": None, "event_date": None, "date_precision": None, "date_text": None,
            "factuality": fact, "story_id": story, "start_char": start, "sentence_index": start // 100,
            "dup_group_id": group}


def _frame(rows):
    return pl.DataFrame(rows, schema_overrides={
        "event_date": pl.Date, "actor_entity_ids": pl.List(pl.String), "target_entity_ids": pl.List(pl.String),
        "location_entity_id": pl.String, "date_text": pl.String, "date_precision": pl.String,
        "published_at": pl.Date, "event_mode": pl.String, "story_id": pl.String, "dup_group_id": pl.String})


def _agency_text(article, pub=D, group=None, guest="Hadi"):
    """One agency report: a one-party demand, a visit, party-less aid (Hadi's demand, aid to Aden)."""
    return [_ev(f"{article}1", article, ["Hadi"], "REQUEST", "طالب", 0, pub, group),
            _ev(f"{article}2", article, ["KSA", guest], "CONSULT", "زيارة", 200, pub, group),
            _ev(f"{article}3", article, [], "AID", "المساعدات", 400, pub, group)]


def _stories(rows, published=None):
    out = link_stories(_frame(rows), _frame(published) if published else None)
    return dict(zip(out["event_id"], out["story_id"]))


def test_copies_link_one_party_and_party_less_mentions():
    s = _stories(_agency_text("a") + _agency_text("b"))
    assert s["a1"] == s["b1"] and s["a3"] == s["b3"]


def test_without_the_copy_rule_they_would_stay_apart():
    # The same mentions in two articles that are not copies (one has an extra, different sequence).
    rows = _agency_text("a")[:1] + [_ev("b1", "b", ["Hadi"], "REQUEST", "طالب", 0),
                                    _ev("b2", "b", ["Iran"], "ACCUSE", "اتهم", 100),
                                    _ev("b3", "b", ["Iran"], "THREATEN", "هدد", 200)]
    s = _stories(rows)
    assert s["a1"] != s["b1"]


def test_formulaic_reports_of_different_receptions_are_not_copies():
    s = _stories(_agency_text("a", guest="Hadi") + _agency_text("b", guest="Kadyrov"))
    assert s["a1"] != s["b1"] and s["a3"] != s["b3"]  # one conflicting aligned pair vetoes the whole pair


def test_copies_must_be_reported_within_a_day():
    s = _stories(_agency_text("a") + _agency_text("b", pub=D + dt.timedelta(days=5)))
    assert s["a3"] != s["b3"]


def test_copies_disagreeing_on_tense_do_not_link():
    b = _agency_text("b")
    b[0]["factuality"] = "planned"
    s = _stories(_agency_text("a") + b)
    assert s["a3"] != s["b3"]


def test_dup_group_links_copies_without_a_shared_party():
    a = [_ev("a1", "a", [], "AID", "المساعدات", 0, group="g"),
         _ev("a2", "a", ["X"], "PROTEST", "مظاهرات", 90, group="g")]
    b = [_ev("b1", "b", [], "AID", "المساعدات", 0, group="g"),
         _ev("b2", "b", [], "PROTEST", "مظاهرات", 90, group="g")]
    s = _stories(a + b)
    assert s["a1"] == s["b1"] and s["a2"] == s["b2"]
    other = [{**r, "dup_group_id": "h", "article_id": "c", "event_id": "c" + r["event_id"][1]} for r in b]
    s = _stories(a + other)
    assert s["a1"] != s["c1"]  # another group, no shared party: not copies


def test_link_stories_works_without_the_dup_group_column():
    rows = _frame(_agency_text("a") + _agency_text("b")).drop("dup_group_id")
    out = link_stories(rows, None)
    s = dict(zip(out["event_id"], out["story_id"]))
    assert s["a1"] == s["b1"]


def test_candidates_keep_published_copies_by_dup_group():
    published = link_stories(_frame([_ev("p1", "p", [], "AID", "المساعدات", 0, group="g"),
                                     _ev("q1", "q", [], "AID", "المساعدات", 0, group="h")]), None)
    new = _frame([_ev("n1", "n", [], "AID", "المساعدات", 0, group="g")])
    cands = candidate_events(new, published.lazy())
    assert cands["article_id"].to_list() == ["p"]
    assert link_stories(new, cands).equals(link_stories(new, published))
    assert link_stories(new, cands)["story_id"][0] == published.filter(pl.col("article_id") == "p")["story_id"][0]
