"""Entity linking inside one article, with ids that do not depend on the rest of the batch.

An entity id is a hash of the alias-table identity (Wikidata id, else canonical name) when
the name is in the curated table, else of type + link keys of the longest full form in the
article. So the same article always gets the same ids, whatever else is in the run.

Short forms: a mention whose words are a contiguous part of a longer mention of the same type
in the article (بوتين in فلاديمير بوتين) joins that mention's entity, but only when all such
longer mentions are the same entity. A name the table gives to several entities (كلينتون) is
linked only when another mention in the article settles which one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from akhbar.tasks.annotate.entities.gazetteer import alias_rows


@dataclass
class Mention:
    """A named mention of one article, ready for linking."""

    start: int
    end: int
    surface: str
    entity_type: str
    keys: tuple[str, ...]  # link keys of its words (fused ل+ال read as ال)
    rows: tuple[int, ...]
    score: float
    sentence_index: int
    follows_bracket_of: int | None = None  # index of the mention just before "(" it sits in
    entity_id: str = ""
    canonical_name: str = ""
    row: int | None = field(default=None)
    full_surface: str = ""  # the longer form a short form was linked to


def hash_id(*parts: object) -> str:
    """Deterministic 16-hex-digit id of ``parts``."""
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def row_entity_id(row: int) -> str:
    """Entity id of an alias-table row: from its Wikidata id, else its canonical name."""
    r = alias_rows()[row]
    return hash_id("wd", r.wikidata_id) if r.wikidata_id else hash_id("alias", r.canonical)


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return len(longer) > n and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def _resolve_rows(mentions: list[Mention]) -> None:
    """Set ``row`` where the table names one entity, or the article settles an ambiguous name."""
    unique = {m.rows[0] for m in mentions if len(m.rows) == 1}
    for m in mentions:
        if len(m.rows) == 1:
            m.row = m.rows[0]
        elif len(m.rows) > 1:
            hits = [r for r in m.rows if r in unique]
            m.row = hits[0] if len(hits) == 1 else None


def _parent(m: Mention, mentions: list[Mention]) -> Mention | None:
    """The longest mention containing ``m``'s words, if all containing ones are one entity."""
    longer = [o for o in mentions if o.entity_type == m.entity_type and _contains(o.keys, m.keys)]
    identities = {o.row if o.row is not None else o.keys for o in longer}
    if len(identities) != 1:
        return None
    return max(longer, key=lambda o: (len(o.keys), len(o.surface)))


def link_mentions(mentions: list[Mention]) -> None:
    """Fill ``entity_id`` and ``canonical_name`` of an article's named mentions in place."""
    _resolve_rows(mentions)
    for m in mentions:  # unknown short forms join a longer form of the article
        if m.row is None and not m.rows:
            parent = _parent(m, mentions)
            if parent is not None:
                m.row, m.keys, m.full_surface = parent.row, parent.keys, parent.surface
    _link_brackets(mentions)
    rows = alias_rows()
    for m in mentions:
        if m.row is not None:
            m.entity_id, m.canonical_name = row_entity_id(m.row), rows[m.row].canonical
            m.entity_type = rows[m.row].entity_type
        else:
            m.entity_id = hash_id(m.entity_type, " ".join(m.keys))
            m.canonical_name = _definite(m.full_surface or m.surface)


def _link_brackets(mentions: list[Mention]) -> None:
    """A name and its bracketed abbreviation are one entity: copy the table link across."""
    for m in mentions:
        if m.follows_bracket_of is None:
            continue
        full = mentions[m.follows_bracket_of]
        if full.row is not None and m.row is None and len(m.rows) != 1:
            m.row, m.entity_type = full.row, full.entity_type
        elif m.row is not None and full.row is None:
            full.row = m.row
        elif m.row is None and full.row is None:
            m.keys, m.entity_type = full.keys, full.entity_type
            m.full_surface = full.full_surface or full.surface


def _definite(surface: str) -> str:
    """A surface written with fused ل+ال (للأمم) as its ال form (الأمم), for display."""
    return "ال" + surface[2:] if surface.startswith("لل") and len(surface) > 3 else surface
