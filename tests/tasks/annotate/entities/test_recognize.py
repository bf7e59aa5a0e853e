"""Alias names inside a longer name the tagger found: nasab chains and places in ORG names."""

from __future__ import annotations

from akhbar.tasks.annotate.entities.recognize import Candidate, _yield_to_crf


def _cand(first: int, last: int, etype: str, rows: tuple[int, ...] = ()) -> Candidate:
    return Candidate(first, last, 0, etype, 0.9, rows)


def test_alias_person_after_bin_is_the_father_inside_a_longer_name():
    tokens = "قال حمدان بن محمد بن راشد آل مكتوم إن".split()
    alias = _cand(3, 8, "PER", (1,))
    crf = [_cand(1, 8, "PER")]
    assert _yield_to_crf([alias], crf, tokens) == []


def test_person_span_ending_at_bin_is_extended_over_the_alias_father():
    tokens = "قال حمدان بن محمد بن راشد آل مكتوم إن".split()
    crf = [_cand(1, 3, "PER")]
    assert _yield_to_crf([_cand(3, 8, "PER", (1,))], crf, tokens) == []
    assert (crf[0].first, crf[0].last) == (1, 8)


def test_alias_person_without_bin_keeps_precedence():
    tokens = "قال الرئيس محمد بن راشد آل مكتوم إن".split()
    alias = _cand(2, 7, "PER", (1,))
    assert _yield_to_crf([alias], [_cand(1, 7, "PER")], tokens) == [alias]


def test_place_inside_an_organisation_name_yields():
    tokens = "نشرت صحيفة نيويورك تايمز تقريرا".split()
    assert _yield_to_crf([_cand(2, 3, "LOC", (5,))], [_cand(2, 4, "ORG")], tokens) == []


def test_place_keeps_precedence_when_the_org_span_is_not_a_name():
    cases = [
        ("زار نيويورك ولاس فيغاس".split(), _cand(1, 2, "LOC"), _cand(1, 4, "ORG")),  # coordination
        ("سافر في بلجيكا أمس".split(), _cand(2, 3, "LOC"), _cand(1, 3, "ORG")),  # a preposition
        ("مياه الخليج الفارسي".split(), _cand(1, 2, "LOC"), _cand(1, 3, "ORG")),  # an adjective
    ]
    for tokens, place, host in cases:
        assert _yield_to_crf([place], [host], tokens) == [place]


def test_person_alias_inside_an_org_span_keeps_precedence():
    tokens = "حلف الناتو ينس ستولتنبرغ".split()
    alias = _cand(2, 4, "PER", (3,))
    assert _yield_to_crf([alias], [_cand(0, 4, "ORG")], tokens) == [alias]
