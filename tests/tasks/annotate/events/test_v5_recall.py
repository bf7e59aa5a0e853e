"""v5: general trigger forms and a factuality cue that the hand set's unmatched mentions showed."""

from __future__ import annotations

import datetime as dt

import polars as pl

from akhbar.tasks.annotate.events import annotate_events
from akhbar.tasks.annotate.events.lexicon import fold
from akhbar.tasks.annotate.events.triggers import find_triggers, tokenize


def _types(text: str) -> list[tuple[str, str]]:
    tokens = tokenize(fold(text))
    return [(text[t.start:t.end], t.sense.event_type) for t in find_triggers(tokens, text)]


def test_exchanging_views_is_a_consultation_other_exchanges_are_not():
    assert _types("وتبادل الوزيران وجهات النظر حول الأوضاع") == [("تبادل", "CONSULT")]
    assert _types("ويتبادل أطراف الحديث مع الأمير") == [("يتبادل", "CONSULT")]
    assert _types("أجرى الوزير تبادلاً للآراء مع نظيره")[0][1] == "CONSULT"
    assert _types("تبادل الطرفان إطلاق النار") == [("إطلاق", "ASSAULT")]  # an exchange of fire
    assert _types("تبادل الأسرى بين الجانبين") == []


def test_troop_movements_are_mobilisation_political_moves_are_not():
    assert _types("تحركات القوات الروسية على الحدود") == [("تحركات", "MOBILIZE")]
    assert _types("تحركات دبلوماسية مكثفة") == []


def test_a_condemned_attack_happened_a_purpose_did_not():
    assert _types("أعرب عن إدانته للتفجير الإرهابي الذي استهدف المسجد") == [("إدانته", "ACCUSE"), ("تفجير", "ASSAULT")]
    assert ("تفجير", "ASSAULT") not in _types("خطط التنظيم للتفجير في المدينة")


def test_impersonal_hope_marks_a_planned_event():
    body = "ومن المؤمل أن يجري وزير الخارجية خلال زيارته محادثات مع نظيره."
    arts = pl.DataFrame({"article_id": ["a"], "body": [body], "published_at": [dt.datetime(2015, 8, 7)]},
                        schema={"article_id": pl.String, "body": pl.String, "published_at": pl.Datetime("us", "UTC")})
    ents = pl.DataFrame(schema={"article_id": pl.String, "entity_id": pl.String, "entity_type": pl.String,
                                "start_char": pl.Int32, "end_char": pl.Int32})
    ev = annotate_events(arts, ents)
    assert ev.height >= 1 and set(ev["factuality"]) == {"planned"}


def test_a_dual_verb_needs_no_following_ma():
    assert _types("الزعيمين سيناقشان مجموعة من الموضوعات") == [("يناقشان", "CONSULT")]
    assert _types("سيناقش الموضوعات الاقتصادية") == []  # singular بحث/ناقش still needs مع (a topic is discussed)
