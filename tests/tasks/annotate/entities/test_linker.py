"""Linking inside an article, on hand-built mentions (no tagger involved)."""

from __future__ import annotations

from akhbar.tasks.annotate.entities.lexicon import link_key
from akhbar.tasks.annotate.entities.linker import Mention, link_mentions
from akhbar.tasks.annotate.entities.patterns import institution_spans


def _m(surface: str, etype: str = "PER", rows: tuple[int, ...] = (), start: int = 0) -> Mention:
    keys = tuple(link_key(w) for w in surface.split())
    return Mention(start, start + len(surface), surface, etype, keys, rows, 0.9, 0)


def test_unknown_short_form_joins_its_full_form():
    full, short = _m("سامي الفرحان"), _m("الفرحان", start=50)
    link_mentions([full, short])
    assert short.entity_id == full.entity_id
    assert short.canonical_name == "سامي الفرحان"


def test_short_form_shared_by_two_full_forms_stays_apart():
    a, b, short = _m("سامي الفرحان"), _m("خالد الفرحان", start=30), _m("الفرحان", start=60)
    link_mentions([a, b, short])
    assert a.entity_id != b.entity_id
    assert short.entity_id not in {a.entity_id, b.entity_id}


def test_unknown_ids_are_a_function_of_type_and_spelling_folded_name():
    one, two = _m("سيرغي ماكاروف"), _m("سيرجي ماكاروف")
    link_mentions([one])
    link_mentions([two])
    assert one.entity_id == two.entity_id
    org = _m("سيرغي ماكاروف", "ORG")
    link_mentions([org])
    assert org.entity_id != one.entity_id


def test_institution_names_by_shape():
    tokens = "قالت وزارة الداخلية أمس إن هيئة التحقيق والادعاء العام تسلمت الملف".split()
    assert [" ".join(tokens[a:b]) for a, b in institution_spans(tokens)] == [
        "وزارة الداخلية", "هيئة التحقيق والادعاء العام"]
