"""Institution-shape ORG candidates (off by default; switched on by the benchmarks' flag)."""

from __future__ import annotations

from akhbar.tasks.annotate.entities.recognize import INSTITUTION_CANDIDATES, _institution_candidates


def _spans(text: str) -> list[tuple[int, int, int]]:
    tokens = text.split()
    return [(c.first, c.last, c.skip) for c in _institution_candidates(tokens, [False] * len(tokens), frozenset())]


def test_head_and_definite_chain_cut_at_relative_pronoun():
    assert _spans("أعلنت وزارة الداخلية التي تتابع القضية") == [(1, 3, 0)]


def test_foreign_name_after_company_or_university_head():
    assert _spans("درس في جامعة برمنغهام") == [(2, 4, 0)]


def test_common_noun_readings_and_generic_chains_are_not_names():
    assert _spans("عمل بأمانة وإخلاص") == []  # أمانة = honesty: no definite genitive after it
    assert _spans("اجتمع مجلس الإدارة") == []  # مجلس is not a head that names a body alone


def test_taken_tokens_block_a_candidate():
    tokens = "أعلنت وزارة الداخلية".split()
    assert _institution_candidates(tokens, [False, False, True], frozenset()) == []


def test_off_by_default():
    assert INSTITUTION_CANDIDATES is False
