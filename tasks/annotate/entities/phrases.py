"""Longest-match lookup of multi-word gazetteer names in a token sequence.

Names are indexed as tuples of ``link_key`` per word, so spelling variants match. The first
word of a match may carry proclitics (وحلف شمال الأطلسي → حلف شمال الأطلسي) or the fused
ل+ال (للناتو, kept whole as written but looked up as الناتو).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from akhbar.tasks.annotate.entities.gazetteer import alias_rows, place_names
from akhbar.tasks.annotate.entities.lexicon import (
    PROCLITIC_FIRST,
    TOKEN_RE,
    WORD_CACHE,
    link_key,
    match_key,
    proclitic_readings,
)


@dataclass(frozen=True)
class PhraseIndex:
    """Names as link-key tuples, with the values they map to and the longest name length."""

    entries: dict[tuple[str, ...], tuple]
    max_len: int
    firsts: frozenset[str]
    # token -> its first-token readings that start a name here: most tokens start none, and
    # this memo makes skipping them one dict lookup (find_phrases runs ~4 times a sentence).
    starts: dict[str, tuple[tuple[str, int], ...]] = field(default_factory=dict, compare=False)
    # The tokens of ``starts`` that do start a name: a sentence with none of them (a C-level
    # set test) is skipped without a per-token Python loop.
    starters: set[str] = field(default_factory=set, compare=False)
    memo: bool = True  # False for short-lived indexes (one article's names): no memo to fill
    # Every proper prefix of every name: a match is extended only while it is still one.
    prefixes: frozenset[tuple[str, ...]] = frozenset()


@dataclass(frozen=True)
class Match:
    """A name found at tokens [first, last) whose first token starts ``skip`` chars in."""

    first: int
    last: int
    skip: int
    value: tuple


def name_keys(name: str) -> tuple[str, ...]:
    """Link-key tuple of a written name (punctuation dropped)."""
    return tuple(link_key(t) for t in TOKEN_RE.findall(name) if t[0].isalnum())


def build_index(pairs, memo: bool = True) -> PhraseIndex:
    """PhraseIndex of (written name, value) pairs; a name maps to all its distinct values."""
    entries: dict[tuple[str, ...], list] = {}
    for name, value in pairs:
        keys = name_keys(name)
        if keys and value not in entries.setdefault(keys, []):
            entries[keys].append(value)
    return PhraseIndex(
        {k: tuple(v) for k, v in entries.items()},
        max(map(len, entries), default=1),
        frozenset(k[0] for k in entries),
        memo=memo,
        prefixes=frozenset(k[:n] for k in entries for n in range(1, len(k))),
    )


@lru_cache(maxsize=1)
def alias_index() -> PhraseIndex:
    """Alias-table names -> tuple of alias row numbers (more than one: an ambiguous name)."""
    return build_index((a, i) for i, row in enumerate(alias_rows()) for a in row.aliases)


@lru_cache(maxsize=1)
def type_index() -> PhraseIndex:
    """Every gazetteer name -> tuple of its types (alias table rows and package place names)."""
    pairs = [(a, row.entity_type) for row in alias_rows() for a in row.aliases]
    pairs += [(n, "LOC") for n in place_names()]
    return build_index(pairs)


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """match_keys of single words of gazetteer names: evidence for proclitic splitting."""
    words = {match_key(w) for row in alias_rows() for a in row.aliases for w in a.split()}
    words.update(match_key(w) for n in place_names() for w in n.split())
    return frozenset(words)


@lru_cache(maxsize=WORD_CACHE)
def first_token_keys(token: str) -> tuple[tuple[str, int], ...]:
    """(link key, chars skipped) readings of a name's first token: as written, after each
    possible proclitic prefix, and with a fused ل+ال read as ال (skip 0: kept whole)."""
    out = [(link_key(token), 0)]
    if token[:1] not in PROCLITIC_FIRST:  # no proclitic, no fused ل+ال (ل و ف are proclitics)
        return tuple(out)
    for skip, _ in proclitic_readings(token):
        out.append((link_key(token[skip:]), skip))
    for skip in (0, 1):
        rest = token[skip:]
        if rest.startswith("لل") and len(rest) > 3 and (skip == 0 or token[0] in "وف"):
            out.append((link_key("ال" + rest[2:]), skip))
    return tuple(out)


def find_phrases(tokens: list[str], index: PhraseIndex) -> list[Match]:
    """Non-overlapping longest matches of ``index`` names in ``tokens``, left to right.

    A proclitic reading of the first token is accepted when it starts a known name: the
    name itself is the evidence (وروسيا → روسيا); the whole token is tried first (بوتين).
    """
    out: list[Match] = []
    starts, end = index.starts, 0
    if index.memo:
        if len(starts) > WORD_CACHE:  # bounded memo, cleared before (never during) a fill
            starts.clear()
            index.starters.clear()
        for token in set(tokens).difference(starts):
            _start_readings(token, index)
        hits = index.starters.intersection(tokens)  # C-level: most sentences have none
        positions = [i for i, t in enumerate(tokens) if t in hits] if hits else []
    else:  # short-lived index (one article's names): its few first words, tested per distinct token
        firsts, hits = index.firsts, set()
        for token in set(tokens):
            for key, _ in first_token_keys(token):  # memoised process-wide
                if key in firsts:
                    hits.add(token)
                    break
        positions = [i for i, t in enumerate(tokens) if t in hits] if hits else []
    for i in positions:
        if i < end:  # inside the previous match
            continue
        readings = starts.get(tokens[i])
        if readings is None:
            readings = _start_readings(tokens[i], index)
        best = None
        for key0, skip in readings:
            found = _longest(tokens, i, key0, index)
            if found and (best is None or found[0] > best.last - best.first):
                best = Match(i, i + found[0], skip, found[1])
        if best:
            out.append(best)
            end = best.last
    return out


# A token that is never part of a name (whitespace: TOKEN_RE never yields it). Sentences joined
# with GAPs are scanned in one ``find_phrases`` call (per article or batch instead of per
# sentence) with the same matches: a name never runs over a GAP.
GAP = " "


def joined(sentences: list[list[str]], gap: int = 1) -> tuple[list[str], list[int]]:
    """The sentences' tokens joined with ``gap`` GAPs after each, and each sentence's offset."""
    flat: list[str] = []
    offsets = []
    for tokens in sentences:
        offsets.append(len(flat))
        flat += tokens
        flat += [GAP] * gap
    return flat, offsets


def split_matches(found: list[Match], offsets: list[int]) -> list[list[Match]]:
    """Matches of a ``joined`` token list, per sentence, in sentence token positions."""
    out: list[list[Match]] = [[] for _ in offsets]
    k = 0
    for m in found:
        while k + 1 < len(offsets) and offsets[k + 1] <= m.first:
            k += 1
        off = offsets[k]
        out[k].append(Match(m.first - off, m.last - off, m.skip, m.value))
    return out


def _longest(tokens: list[str], i: int, key0: str, index: PhraseIndex) -> tuple[int, tuple] | None:
    """(length, value) of the longest name of ``index`` at token ``i`` read as ``key0``."""
    key, found, j = (key0,), None, i + 1
    while True:
        value = index.entries.get(key)
        if value is not None:
            found = (len(key), value)
        if j >= len(tokens) or key not in index.prefixes:
            return found
        key = (*key, link_key(tokens[j]))
        j += 1


def _start_readings(token: str, index: PhraseIndex) -> tuple[tuple[str, int], ...]:
    """The readings of ``token`` (first_token_keys) that start a name of ``index``, memoised."""
    found = tuple(r for r in first_token_keys(token) if r[0] in index.firsts)
    if index.memo:
        index.starts[token] = found
        if found:
            index.starters.add(token)
    return found
