"""v4: single-mention fixes below story linking (dates, factuality, roles) and two story rules."""

from __future__ import annotations

import datetime as dt

import polars as pl

from akhbar.tasks.annotate.events import annotate_events, link_stories
from akhbar.tasks.annotate.events.dates import find_expressions
from akhbar.tasks.annotate.events.lexicon import fold
from akhbar.tasks.annotate.events.roles import Mention, read_roles
from akhbar.tasks.annotate.events.triggers import find_triggers, tokenize

PUB = dt.datetime(2021, 12, 7, 9, 0)


def _events(body: str, names: dict[str, tuple[str, str]] | None = None, published=PUB) -> dict[str, dict]:
    """Trigger → EVENTS row of ``body`` (entities placed at every occurrence of each name)."""
    rows = []
    for surface, (eid, etype) in (names or {}).items():
        start = body.find(surface)
        while start >= 0:
            rows.append({"article_id": "a", "entity_id": eid, "entity_type": etype, "start_char": start,
                         "end_char": start + len(surface)})
            start = body.find(surface, start + 1)
    ents = pl.DataFrame(rows, schema={"article_id": pl.String, "entity_id": pl.String, "entity_type": pl.String,
                                      "start_char": pl.Int32, "end_char": pl.Int32})
    arts = pl.DataFrame({"article_id": ["a"], "body": [body], "published_at": [published]},
                        schema={"article_id": pl.String, "body": pl.String, "published_at": pl.Datetime("us", "UTC")})
    return {r["trigger"]: r for r in annotate_events(arts, ents).iter_rows(named=True)}


def _roles(body: str, names: list[tuple[str, str, str]]) -> dict[str, tuple]:
    tokens = tokenize(fold(body))
    ms = [Mention(body.index(s), body.index(s) + len(s), eid, et) for s, eid, et in names]
    out = {}
    for t in find_triggers(tokens, body):
        r = read_roles(body, tokens, t, ms)
        out[body[t.start:t.end]] = (r.actors, r.targets)
    return out


# --- dates ---------------------------------------------------------------------------------------

def test_a_date_on_the_speech_verb_does_not_date_the_reported_event():
    ev = _events("قال المتحدث، يوم الاثنين، إن الأمن سيكون الموضوع الرئيسي للمباحثات بين الزعيمين.")
    assert ev["مباحثات"]["event_date"] is None
    # the same phrase inside the reported clause still dates it
    ev = _events("قال المتحدث إن المباحثات بين الزعيمين ستجري يوم الاثنين.")
    assert ev["المباحثات"]["event_date"] is not None


def test_a_date_inside_a_since_clause_dates_that_clause():
    ev = _events("وقال الوزير في أول زيارة للعراق منذ أصبح وزيرا للدفاع في فبراير إنه متفائل.")
    assert ev["زيارة"]["event_date"] is None
    # a comma closes the منذ phrase: "وهو شكل يستخدم منذ عام 2002، في بروكسل يوم 12 يناير"
    ev = _events("وسيعقد اجتماع المجلس، وهو شكل يستخدم منذ عام 2002، في بروكسل يوم 12 يناير.")
    assert ev["اجتماع"]["event_date"] == dt.date(2022, 1, 12)


def test_al_yawm_with_an_ordinal_or_a_named_day_is_not_today():
    for text in ("بعد اليوم الأول لاجتماع الوزراء", "في اليوم الوطني للمملكة", "اليوم العالمي للمرأة"):
        assert not [e for e in find_expressions(fold(text)) if e.kind == "relative"], text
    assert find_expressions(fold("التقى اليوم الرئيس"))[0].rel == "day+0"


def test_on_an_undated_page_a_date_after_the_anchor_is_planned():
    body = "صورة من 30 نوفمبر 2021.\n\nبعد أن أجرى مسؤولون أمريكيون وروس محادثات أمنية في 10 يناير في جنيف."
    ev = _events(body, published=None)
    assert ev["محادثات"]["event_date"] == dt.date(2022, 1, 10) and ev["محادثات"]["factuality"] == "planned"


# --- factuality ----------------------------------------------------------------------------------

def test_planned_contexts_of_undated_nouns():
    cases = {
        "أعرب المبعوث عن أمله في أن يقوم بزيارة محافظة عدن قريبا.": "زيارة",  # hope + أن + imperfect
        "قال الرئيس في كلمة نشرت قبيل المكالمة إنه واثق.": "المكالمة",  # shortly before
        "وسيكون التصاعد الأخير في التوترات الموضوع الرئيسي للمناقشات.": "مناقشات",  # future opening
        "وردا على سؤال حول سبب طلب الكرملين إجراء مكالمة هاتفية إضافية، قال المتحدث.": "مكالمة",  # requested
    }
    for body, trigger in cases.items():
        ev = _events(body)
        assert ev[trigger]["factuality"] == "planned", body


def test_plain_qabl_and_past_sentences_stay_asserted():
    ev = _events("أعلام تلوح خارج مقر الحلف قبل اجتماع وزراء الدفاع.")
    assert ev["اجتماع"]["factuality"] == "asserted"
    ev = _events("وعقد الوزيران اجتماعا مطولا أمس.")
    assert ev["اجتماعا"]["factuality"] == "asserted"


def test_a_headline_imperfect_restated_by_a_perfect_verb_is_not_a_future():
    body = ("ولي العهد يجتمع مع رئيس الحزب اجتمع الأمير محمد بن سلمان ولي ولي العهد في جدة مساء اليوم "
            "مع رئيس الحزب.")
    ev = _events(body)
    assert ev["يجتمع"]["factuality"] == "asserted"


# --- roles ---------------------------------------------------------------------------------------

def test_a_name_tail_is_not_a_second_participant():
    body = "اجتمع الأمير محمد بن سلمان بن عبد العزيز مع الرئيس رمضان قديروف."
    r = _roles(body, [("محمد بن سلمان", "MBS", "PER"), ("بن عبد العزيز", "tail", "PER"),
                      ("رمضان قديروف", "Kadyrov", "PER")])
    assert r["اجتمع"] == (("MBS",), ("Kadyrov",))


def test_a_label_before_a_colon_is_not_the_actor():
    body = "رابط الخبر بصحيفة الوئام: المملكة وناميبيا توقعان على بروتوكول"
    r = _roles(body, [("الوئام", "Wiam", "ORG"), ("ناميبيا", "Namibia", "LOC")])
    assert "Wiam" not in r["توقعان"][0]


def test_the_visited_place_is_the_target_and_the_visitor_the_actor():
    body = "وزير الخارجية عادل الجبير يزور موسكو الثلاثاء القادم"
    r = _roles(body, [("عادل الجبير", "Jubeir", "PER"), ("موسكو", "Moscow", "LOC")])
    assert r["يزور"] == (("Jubeir",), ("Moscow",))


def test_a_postponed_visit_keeps_the_visitor_as_actor():
    body = "أعلنت وزارة الخارجية التركية تأجيل زيارة وزير الخارجية الإيراني محمد جواد ظريف إلى أنقرة."
    r = _roles(body, [("وزارة الخارجية التركية", "TRmfa", "ORG"), ("محمد جواد ظريف", "Zarif", "PER"),
                      ("أنقرة", "Ankara", "LOC")])
    assert r["تأجيل"][0] == ("Zarif",) and r["زيارة"][0] == ("Zarif",)


# --- stories -------------------------------------------------------------------------------------

_SCHEMA = {"event_date": pl.Date, "actor_entity_ids": pl.List(pl.String), "target_entity_ids": pl.List(pl.String),
           "location_entity_id": pl.String, "date_text": pl.String, "date_precision": pl.String,
           "published_at": pl.Date, "event_mode": pl.String}


def _ev(eid, article, parties, trigger, *, fact="asserted", sentence=0, date=None):
    return {"published_at": dt.date(2022, 1, 12), "event_mode": None, "event_id": eid, "article_id": article,
            "event_type": "CONSULT", "trigger": trigger, "actor_entity_ids": parties[:1],
            "target_entity_ids": parties[1:], "location_entity_id": None, "event_date": date,
            "date_precision": "day" if date else None, "date_text": "اليوم" if date else None,
            "factuality": fact, "story_id": "", "start_char": 100 * sentence, "sentence_index": sentence}


def _stories(rows):
    out = link_stories(pl.DataFrame(rows, schema_overrides=_SCHEMA), None)
    return dict(zip(out["event_id"], out["story_id"]))


def test_one_article_does_not_tell_one_story_both_as_done_and_as_to_come():
    # a tenseless headline يتحدث links to either tense, but not both at once through itself
    s = _stories([_ev("h", "a", ["Biden", "Putin"], "يتحدث"),
                  _ev("p", "a", ["Biden", "Putin"], "مكالمة", fact="planned", sentence=3),
                  _ev("d", "a", ["Biden", "Putin"], "قمة", sentence=5)])
    assert s["p"] != s["d"]
    assert s["h"] in (s["p"], s["d"])


def test_a_verb_without_participants_does_not_open_a_second_report():
    # a page-footer repeat of the headline (يستقبل, no entities read) joins the lead's story
    # (a mention without participants is anaphoric: it joins الاستقبال two sentences before it)
    s = _stories([_ev("lead", "a", ["King", "Carter"], "استقبل", date=dt.date(2022, 1, 12)),
                  _ev("ana", "a", ["Carter"], "الاستقبال", sentence=7),
                  _ev("foot", "a", [], "يستقبل", sentence=9)])
    assert s["lead"] == s["ana"] == s["foot"]
