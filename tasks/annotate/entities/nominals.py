"""Nominal mentions: definite descriptions (الحلف، التحالف، المجلس) that stand for a named ORG.

A description is emitted only when a named organisation mentioned *earlier in the same
article* has a name containing one of the description's head nouns (الحلف → حلف شمال
الأطلسي); it takes that entity's id. The most recent such organisation wins (Arabic news
refers back to the last one named). A description followed by a definite adjective
(المجلس الأعلى) is a different, longer description and is skipped.
"""

from __future__ import annotations

from functools import lru_cache

from akhbar.tasks.annotate.entities.gazetteer import alias_rows
from akhbar.tasks.annotate.entities.lexicon import WORD_CACHE, definite_key, match_key
from akhbar.tasks.annotate.entities.linker import Mention

NOMINAL_SCORE = 0.6  # below named mentions: a description's antecedent is a heuristic choice

# Description (match_key, definite) -> head nouns one of which the antecedent's name contains.
# الحلف/التحالف refer back to alliances (NATO is حلف), التكتل to blocs and unions (the EU).
# الاتحاد is left out: in Gulf news it is mostly the name of a football club (Al-Ittihad).
NOMINAL_HEADS: dict[str, frozenset[str]] = {
    match_key(k): frozenset(match_key(h) for h in v)
    for k, v in {
        "الحلف": ("حلف", "الحلف", "ناتو", "الناتو"),
        "التحالف": ("تحالف", "حلف", "الحلف", "ناتو", "الناتو"),
        "التكتل": ("تكتل", "اتحاد", "الاتحاد"),
        "المجلس": ("مجلس",),
        "المنظمة": ("منظمة", "الامم", "الأمم"),
        "الوكالة": ("وكالة", "الوكالة"),
        "الجامعة": ("جامعة", "الجامعة"),
        "الحركة": ("حركة",),
        "الجماعة": ("جماعة",),
        "التنظيم": ("تنظيم",),
        "الحزب": ("حزب",),
    }.items()
}
_CLITICS = ("و", "ف", "ب", "ك", "وب", "فب", "وك")


@lru_cache(maxsize=WORD_CACHE)
def _nominal_at(token: str) -> tuple[int, str] | None:
    """(chars to skip, description key) when ``token`` is a nominal head, else None."""
    for skip in (0, 1, 2):
        if skip and token[:skip] not in _CLITICS:
            continue
        key = definite_key(token[skip:])
        if key in NOMINAL_HEADS:
            return skip, key
    return None


def _entity_words(mentions: list[Mention]) -> dict[str, set[str]]:
    """entity_id -> match_keys of the words of all its names (article surfaces and aliases)."""
    words: dict[str, set[str]] = {}
    rows = alias_rows()
    for m in mentions:
        ws = words.setdefault(m.entity_id, set())
        ws.update(match_key(w) for w in m.surface.split())
        if m.row is not None:
            ws.update(match_key(w) for a in rows[m.row].aliases for w in a.split())
    return words


# Every description key contains ل and match_key never makes one: a token without it is no
# head (a C-level test that keeps most tokens out of the _nominal_at memo).
assert all("ل" in k for k in NOMINAL_HEADS)


def find_nominals(body: str, sents, mentions: list[Mention], tokens=None) -> list[Mention]:
    """Nominal mentions of ORG entities already named earlier in the article.

    ``tokens``: the words of each sentence (``body`` sliced at its spans) when the caller has
    them; sliced here otherwise.
    """
    orgs = [m for m in mentions if m.entity_type == "ORG"]
    if not orgs:
        return []
    if tokens is None:
        tokens = [[body[a:b] for a, b in spans] for _, spans in sents]
    heads = {w for w in set().union(*tokens) if "ل" in w and _nominal_at(w) is not None}
    if not heads:
        return []
    words = _entity_words(orgs)
    covered = [(m.start, m.end) for m in mentions]
    out = []
    for (idx, spans), toks in zip(sents, tokens):
        if heads.isdisjoint(toks):
            continue
        for i, (a, b) in enumerate(spans):
            if toks[i] not in heads:
                continue
            hit = _nominal_at(toks[i])
            if hit is None or any(s < b and a < e for s, e in covered):
                continue
            if i + 1 < len(spans) and match_key(body[slice(*spans[i + 1])]).startswith("ال"):
                continue  # المجلس الأعلى: a longer description
            nouns = NOMINAL_HEADS[hit[1]]
            earlier = (m for m in reversed(orgs) if m.end <= a and words[m.entity_id] & nouns)
            ante = next(earlier, None)
            if ante is not None:
                out.append(_nominal(body, a + hit[0], b, idx, ante))
    return out


def _nominal(body: str, start: int, end: int, sentence_index: int, ante: Mention) -> Mention:
    """A nominal mention at [start, end) standing for ``ante``'s entity."""
    return Mention(
        start, end, body[start:end], "ORG", ante.keys, ante.rows, NOMINAL_SCORE, sentence_index,
        entity_id=ante.entity_id, canonical_name=ante.canonical_name, row=ante.row,
    )
