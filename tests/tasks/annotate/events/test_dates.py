"""Temporal expressions: finding them and resolving them against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from akhbar.tasks.annotate.events.dates import article_anchor, find_expressions, resolve
from akhbar.tasks.annotate.events.lexicon import fold

TUESDAY = dt.date(2021, 12, 7)


def _one(text: str):
    exprs = find_expressions(fold(text))
    assert len(exprs) == 1, exprs
    return exprs[0]


@pytest.mark.parametrize("text, direction, expected, precision", [
    ("يلتقي مع بايدن الثلاثاء", 1, "2021-12-07", "day"),  # publication day itself
    ("قال يوم الاثنين", -1, "2021-12-06", "day"),
    ("سيتحدث يوم الخميس", 1, "2021-12-09", "day"),
    ("تحدث يوم الخميس", -1, "2021-12-02", "day"),
    ("الأحد الماضي", 1, "2021-12-05", "day"),  # explicit direction wins over tense
    ("في 13 يناير", 1, "2022-01-13", "day"),  # next year: nearest in the tense's direction
    ("في 21 كانون الثاني / يناير", 1, "2022-01-21", "day"),
    ("٤ يناير", 1, "2022-01-04", "day"),  # Eastern Arabic digits
    ("في 30 نوفمبر", -1, "2021-11-30", "day"),
    ("أمس", -1, "2021-12-06", "day"),
    ("اليوم", -1, "2021-12-07", "day"),
    ("غدا", 1, "2021-12-08", "day"),
    ("الأسبوع الماضي", -1, "2021-11-29", "range"),
    ("الشهر المقبل", 1, "2022-01-01", "month"),
    ("منتصف يناير", 1, "2022-01-11", "range"),
    ("نهاية العام الفائت", -1, "2020-12-01", "month"),
    ("في وقت سابق من هذا الشهر", -1, "2021-12-01", "range"),
    ("في حزيران/ يونيو", -1, "2021-06-01", "month"),
    ("عام 1997", -1, "1997-01-01", "year"),
    ("7 ديسمبر 2021", -1, "2021-12-07", "day"),
])
def test_resolves_against_publication_date(text, direction, expected, precision):
    res = resolve(_one(text), TUESDAY, None, direction)
    assert (res.date.isoformat(), res.precision) == (expected, precision)


def test_basis_says_what_the_date_was_read_against():
    assert resolve(_one("13 يناير 2022"), TUESDAY, None, 1).basis == "text"
    assert resolve(_one("13 يناير"), TUESDAY, None, 1).basis == "published_at"
    assert resolve(_one("13 يناير"), None, dt.date(2021, 11, 30), 1).basis == "article_anchor"


def test_without_publication_date_deictic_words_stay_unresolved():
    anchor = dt.date(2021, 11, 30)
    assert resolve(_one("يوم الثلاثاء"), None, anchor, 1) is None
    assert resolve(_one("أمس"), None, anchor, -1) is None
    assert resolve(_one("4 يناير"), None, None, 1) is None  # no anchor either: never invent


def test_anchor_is_the_latest_full_date_in_the_article():
    body = fold("صورة في 21 أكتوبر / تشرين الأول 2021. مؤتمر في 30 نوفمبر 2021. ثم يوم الثلاثاء (4 يناير).")
    assert article_anchor(body) == dt.date(2021, 11, 30)
    assert article_anchor(fold("لا تاريخ هنا")) is None


def test_generic_words_are_not_dates():
    assert find_expressions(fold("قال الأمين العام إن الرأي العام لا يريد أحداً")) == []


def test_offsets_point_into_the_unfolded_text():
    text = "وسيعقد اجتماع المجلس في بروكسل يوم 12 يناير بعد أن"
    e = find_expressions(fold(text))[0]
    assert text[e.start:e.end] == "12 يناير"


def test_weekday_after_yesterday_names_the_day():
    # Published just after midnight on Thursday, about Tuesday: "أمس الثلاثاء" is Tuesday.
    exprs = find_expressions(fold("قام بزيارة أمس الثلاثاء"))
    assert [e.kind for e in exprs] == ["weekday"]
    assert resolve(exprs[0], dt.date(2015, 8, 6), None, -1).date == dt.date(2015, 8, 4)
