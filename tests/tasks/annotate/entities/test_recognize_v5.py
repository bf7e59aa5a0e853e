"""v5 recognition rules: title words alone, nasab and آل continuations, the outlet credit line."""

from __future__ import annotations

from akhbar.tasks.annotate.entities.recognize import (
    Candidate,
    _drop_outlet_credit,
    _join_nasab,
    is_title_form,
)


def _cand(first: int, last: int, etype: str, rows: tuple[int, ...] = ()) -> Candidate:
    return Candidate(first, last, 0, etype, 0.9, rows)


def test_title_words_with_clitics_or_in_the_dual_are_not_names():
    for word in ("كرئيسين", "الرئيسان", "والوزيرين", "كالسفير", "وزيرات", "رئيس"):
        assert is_title_form(word), word
    for word in ("بوتين", "حسين", "سلمان", "رئيسي", "ياسين"):
        assert not is_title_form(word), word


def test_person_starting_with_bin_after_a_person_continues_it():
    tokens = "التقى محمد بن سلمان بن عبد العزيز أمس".split()
    alias = _cand(1, 4, "PER", (7,))
    joined = _join_nasab(tokens, [alias, _cand(4, 7, "PER")])
    assert [(c.first, c.last, c.rows) for c in joined] == [(1, 7, (7,))]


def test_bin_after_a_place_or_with_a_gap_is_left_alone():
    tokens = "في الرياض بن عبد العزيز و بن علي".split()
    cands = [_cand(1, 2, "LOC"), _cand(2, 5, "PER"), _cand(6, 8, "PER")]
    assert [(c.first, c.last) for c in _join_nasab(tokens, cands)] == [(1, 2), (2, 5), (6, 8)]


def test_family_name_after_a_person_belongs_to_it():
    tokens = "استقبل الشيخ حمد بن خليفة آل ثاني أمير البلاد".split()
    assert [(c.first, c.last) for c in _join_nasab(tokens, [_cand(2, 5, "PER")])] == [(2, 7)]
    # not over another mention, nor over punctuation
    taken = [_cand(2, 5, "PER"), _cand(6, 7, "LOC")]
    assert [(c.first, c.last) for c in _join_nasab(tokens, taken)] == [(2, 5), (6, 7)]
    tokens = "قال حمد بن خليفة آل .".split()
    assert [(c.first, c.last) for c in _join_nasab(tokens, [_cand(1, 4, "PER")])] == [(1, 4)]


def test_outlet_credit_name_is_dropped_the_headline_kept():
    tokens = "رابط الخبر بصحيفة الوئام : ولي العهد يستقبل رئيس الشيشان".split()
    cands = [_cand(3, 4, "ORG"), _cand(10, 11, "LOC")]
    assert [(c.first, c.last) for c in _drop_outlet_credit(tokens, cands)] == [(10, 11)]
    plain = "نشرت صحيفة الوئام تقريرا".split()
    assert _drop_outlet_credit(plain, [_cand(2, 3, "ORG")]) == [_cand(2, 3, "ORG")]
