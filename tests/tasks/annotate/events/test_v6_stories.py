"""v6: receptions of several guests by one host, deictic slack on one shared party, new trigger forms."""

from __future__ import annotations

import datetime as dt

import polars as pl

from akhbar.tasks.annotate.events import link_stories
from akhbar.tasks.annotate.events.lexicon import fold
from akhbar.tasks.annotate.events.triggers import find_triggers, tokenize

D9, D10, D11 = dt.date(2015, 8, 9), dt.date(2015, 8, 10), dt.date(2015, 8, 11)
_SCHEMA = {"event_date": pl.Date, "actor_entity_ids": pl.List(pl.String), "target_entity_ids": pl.List(pl.String),
           "location_entity_id": pl.String, "date_text": pl.String, "date_precision": pl.String,
           "published_at": pl.Date, "event_mode": pl.String}


def _ev(eid, article, date, parties, trigger, *, sentence=0, pub=None, date_text="أمس", mode="visit"):
    return {"published_at": pub, "event_mode": mode, "event_id": eid, "article_id": article,
            "event_type": "CONSULT", "trigger": trigger, "actor_entity_ids": parties[:1],
            "target_entity_ids": parties[1:], "location_entity_id": None, "event_date": date,
            "date_precision": "day" if date else None, "date_text": date_text if date else None,
            "factuality": "asserted", "story_id": "", "start_char": 100 * sentence, "sentence_index": sentence}


def _stories(rows):
    out = link_stories(pl.DataFrame(rows, schema_overrides=_SCHEMA), None)
    return dict(zip(out["event_id"], out["story_id"]))


def test_a_host_receiving_unrecognised_guests_twice_in_a_day_holds_two_receptions():
    # "استقبل أمير منطقة الرياض … امس مدير … كما استقبل … امس أبناء …": only the host is recognised
    s = _stories([_ev("e1", "a", D9, ["Governor"], "استقبل"),
                  _ev("e2", "a", D9, ["Governor"], "استقبل", sentence=2)])
    assert s["e1"] != s["e2"]


def test_a_reception_is_not_one_visit_retold_when_one_guest_set_contains_the_other():
    s = _stories([_ev("e1", "a", D9, ["Governor"], "استقبل"),
                  _ev("e2", "a", D9, ["Governor", "Envoy"], "استقبل", sentence=2)])
    assert s["e1"] != s["e2"]


def test_one_meeting_told_twice_with_both_sides_named_is_still_one_event():
    s = _stories([_ev("e1", "a", D9, ["Rabeeah", "Madani"], "التقى", mode=None),
                  _ev("e2", "a", D9, ["Rabeeah", "Madani"], "اجتمع", sentence=3, mode=None)])
    assert s["e1"] == s["e2"]


def test_deictic_slack_needs_two_shared_parties():
    # two papers' "أمس" a day apart: one host only (the governor's receptions of 9 and 10 Aug) stay
    # apart; host and guest named in both (one agency text printed a day later) link
    one = _stories([_ev("e1", "a", D9, ["Governor"], "استقبل", pub=D10),
                    _ev("e2", "b", D10, ["Governor"], "استقبل", pub=D11)])
    assert one["e1"] != one["e2"]
    two = _stories([_ev("e1", "a", D9, ["Governor", "Wohaibi"], "استقبل", pub=D10),
                    _ev("e2", "b", D10, ["Governor", "Wohaibi"], "استقبل", pub=D11)])
    assert two["e1"] == two["e2"]


def _types(text: str) -> list[tuple[str, str]]:
    tokens = tokenize(fold(text))
    return [(text[t.start:t.end], t.sense.event_type) for t in find_triggers(tokens, text)]


def test_attack_words_of_v6():
    assert ("اعتداء", "ASSAULT") in _types("أعرب فيه عن استنكاره للاعتداء الآثم الذي وقع في المسجد")
    assert ("استنكاره", "ACCUSE") in _types("أعرب فيه عن استنكاره للاعتداء الآثم الذي وقع في المسجد")
    assert _types("ونصبوا كمينا للقافلة العسكرية") == [("كمينا", "ASSAULT")]
    assert _types("حتى كمين كوم أوشيم الأمني") == []  # a police checkpoint
    assert _types("الاعتداءات على المسجد متكررة") == []  # habitual
    assert _types("أطلقت تركيا حملة جوية على مواقع التنظيم") == [("حملة", "ASSAULT")]
    assert _types("أطلقت الوزارة حملة توعوية للمواطنين") == []
    assert _types("إثر نوبة قلبية داهمت قلبه") == []  # داهم left out (spot check)


def _roles(body: str, ents: list[tuple[str, str, str]]):
    """Rows of annotate_events for ``body`` with entities given as (surface, id, type)."""
    from akhbar.tasks.annotate.events import annotate_events

    rows, at = [], 0
    for surface, eid, etype in ents:
        at = body.index(surface, at)
        rows.append({"article_id": "a", "start_char": at, "end_char": at + len(surface), "entity_id": eid,
                     "entity_type": etype})
        at += len(surface)
    arts = pl.DataFrame({"article_id": ["a"], "body": [body], "published_at": [dt.datetime(2015, 8, 7)]},
                        schema={"article_id": pl.String, "body": pl.String, "published_at": pl.Datetime("us", "UTC")})
    return annotate_events(arts, pl.DataFrame(rows)).sort("start_char").to_dicts()


def test_the_speaker_before_a_complementiser_is_not_the_actor():
    ev = _roles("وقالت المتحدثة إميلي هورن إن الزعيمين سيناقشان الأزمة.", [("إميلي هورن", "horne", "PER")])
    assert ev[0]["actor_entity_ids"] == []


def test_a_condemned_attack_takes_no_actor_from_the_condemner():
    ev = _roles("أعرب الملك حمد عن استنكاره للاعتداء الآثم الذي وقع في المسجد.", [("الملك حمد", "hamad", "PER")])
    attack = [e for e in ev if e["event_type"] == "ASSAULT"][0]
    assert attack["actor_entity_ids"] == []


def test_a_place_behind_a_place_noun_and_a_far_bain():
    body = "نصب مسلحون كمينا للقافلة في ولاية شرناق على الحدود بين سوريا والعراق."
    ev = _roles(body.replace("نصب مسلحون", "نصبوا"), [("شرناق", "sirnak", "LOC"), ("سوريا", "syria", "LOC"), ("العراق", "iraq", "LOC")])
    assert ev[0]["location_entity_id"] == "sirnak"
    assert "syria" not in ev[0]["actor_entity_ids"]
    ev = _roles("عقد اجتماع بين الناتو وروسيا.", [("الناتو", "nato", "ORG"), ("روسيا", "russia", "LOC")])
    assert ev[0]["actor_entity_ids"] == ["nato", "russia"]


def test_state_adjectives_name_a_noun_triggers_actor():
    from akhbar.tasks.annotate.events.parties import nisba_ids

    russia = nisba_ids().get("الروسي")
    if russia is None:  # the entities alias table is absent: nothing to map
        return
    ev = _roles("وأعرب الحلف عن قلقه من الحشد العسكري الروسي على الحدود.", [])
    assert ev[0]["actor_entity_ids"] == [russia]
    ev = _roles("بحث رؤساء الأركان في حلف الناتو تحركات القوات الروسية على الحدود.", [("حلف الناتو", "nato", "ORG")])
    assert ev[-1]["actor_entity_ids"] == [russia]


def test_a_later_date_behind_another_events_trigger_is_that_events():
    ev = _roles("بحث الرؤساء تحركات القوات على الحدود في اجتماع افتراضي مساء الاثنين.", [])
    moves = [e for e in ev if e["event_type"] == "MOBILIZE"][0]
    meeting = [e for e in ev if e["event_type"] == "CONSULT"][-1]
    assert moves["event_date"] is None and meeting["event_date"] is not None


def test_concluded_deals_and_phone_calls_of_v6():
    assert _types("الاتفاق النووي الذي أبرمته مجموعة 5+1 مع إيران") == [("أبرمته", "AGREE")]
    assert _types("اتصل الرئيس الأميركي بنظيره الصيني") == [("اتصل", "CONSULT")]
    assert _types("اتصل بالشرطة فورا") == []


def test_an_imperfect_verb_takes_no_plural_ending():
    assert _types("مع توقعات بزيادة الصادرات بعد الاتفاق") == []  # expectations, not "signs"
    assert _types("اتهامات موسكو للحلف") == [("اتهامات", "ACCUSE")]
    assert _types("تحركات القوات الروسية") == [("تحركات", "MOBILIZE")]


def test_undated_attacks_in_one_place_are_not_one_story_across_articles():
    def att(eid, article, pub, trigger):
        row = _ev(eid, article, None, ["IS"], trigger, pub=pub, mode=None)
        return {**row, "event_type": "ASSAULT", "location_entity_id": "Iraq"}
    s = _stories([att("e1", "a", D9, "الغارات"), att("e2", "b", D10, "مقتل")])
    assert s["e1"] != s["e2"]
    # meetings recalled undated in the same place still link (PLACE_DAYS: the NATO–Russia Council)
    meet = [{**_ev("m1", "a", None, ["NATO", "Russia"], "الاجتماع", pub=D9, mode=None), "location_entity_id": "Brussels"},
            {**_ev("m2", "b", None, ["NATO"], "المحادثات", pub=D11, mode=None), "location_entity_id": "Brussels"}]
    s = _stories(meet)
    assert s["m1"] == s["m2"]


def test_control_described_in_a_relative_clause_is_not_a_seizure():
    assert _types("في المدن التي يسيطر عليها التنظيم") == []
    assert _types("المقاومة تسيطر على المدينة") == [("تسيطر", "ASSAULT")]
