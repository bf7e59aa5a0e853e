"""Word-level rules: proclitics, nisba adjectives, linking keys."""

from __future__ import annotations

import pytest

from akhbar.tasks.annotate.entities.gazetteer import vocab_counts
from akhbar.tasks.annotate.entities.lexicon import is_nisba, link_key, proclitic_length
from akhbar.tasks.annotate.entities.phrases import known_words


def _skip(token: str, seen: frozenset[str] = frozenset()) -> int:
    return proclitic_length(token, known_words(), vocab_counts()[0], seen)


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("وروسيا", "روسيا"),
        ("لروسيا", "روسيا"),
        ("وبوتين", "بوتين"),
        ("والكرملين", "الكرملين"),
        ("بالكرملين", "الكرملين"),
        ("ولندن", "لندن"),
        ("للناتو", "للناتو"),  # fused ل+ال stays whole
        ("وللناتو", "للناتو"),
        ("بوتين", "بوتين"),  # ب is part of the name
        ("فلاديمير", "فلاديمير"),
        ("واشنطن", "واشنطن"),
        ("كييف", "كييف"),
        ("وزارة", "وزارة"),  # و is part of the word
        ("وإيهاب", "إيهاب"),  # و before hamza-alef is the conjunction
        ("وأوكرانيا", "أوكرانيا"),
    ],
)
def test_proclitics_are_split_only_with_evidence(token, expected):
    assert token[_skip(token):] == expected


def test_proclitic_split_uses_words_seen_in_the_article():
    assert _skip("وسموتريتش") == 0
    assert _skip("وسموتريتش", frozenset({"سموتريتش"})) == 1


@pytest.mark.parametrize("token", ["الروسي", "الروسية", "الأمريكية", "الأوكرانية", "السعودي", "روسية", "الإسرائيلي"])
def test_nisba_adjectives(token):
    assert is_nisba(token)


@pytest.mark.parametrize("token", ["روسيا", "السعودية", "البحرين", "دبي", "الكرملين", "بوتين"])
def test_names_are_not_nisba(token):
    assert not is_nisba(token)


@pytest.mark.parametrize(
    ("a", "b"),
    [("ديميتري", "دميتري"), ("ستولتنبرغ", "ستولتنبرج"), ("غروشكو", "جروشكو"), ("بلينكن", "بلينكين"),
     ("بيسكوف", "بسكوف"), ("إيران", "ايران"), ("الأمم", "الامم"), ("مكة", "مكه")],
)
def test_link_key_folds_spelling_variants(a, b):
    assert link_key(a) == link_key(b)


@pytest.mark.parametrize(("a", "b"), [("حسن", "حسين"), ("روسيا", "رئيسا")])
def test_link_key_keeps_short_words_apart(a, b):
    assert link_key(a) != link_key(b)


def test_the_future_marker_is_cut_only_before_an_imperfect_verb():
    from akhbar.tasks.annotate.entities.lexicon import future_prefix_fits, proclitic_length

    assert not future_prefix_fits("س", "مير") and future_prefix_fits("وس", "يعقد")
    assert proclitic_length("سمير", frozenset({"مير"}), {}) == 0
    assert proclitic_length("وسمير", frozenset({"سمير"}), {}) == 1
