"""Tokens, matching keys, proclitics and nisba forms: the word-level rules of the entity tagger.

Tokens keep their code-point offsets into the text so every span maps back exactly
(``body[start:end] == surface``). Keys fold spelling variants for matching only:
``match_key`` (tasks/text.py) for orthography, ``link_key`` on top of it for the
transliteration variants of foreign names seen in Arabic news (غ/ج, an inserted or dropped ي).
"""

from __future__ import annotations

import re
from functools import lru_cache

from akhbar.tasks.text import match_key as _match_key

# Per-word memo size. benchmarks/entities/speed.py on 2000 SaudiNewsNet articles: 300k-entry
# memos peaked at 561 MB RSS, 100k at 480 MB, at the same speed (145 articles/s).
WORD_CACHE = 100_000

# match_key is the hot spot of tagging (every token, several times): memoise it.
match_key = lru_cache(maxsize=WORD_CACHE)(_match_key)

# A word is a run of letters/digits plus Arabic marks and tatweel; any other non-space
# character is a token of its own (punctuation never belongs to a mention).
TOKEN_RE = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]+|[^\w\s]")

# Proclitic letter sequences (conjunction, then preposition), longest first. ل+ال is fused in
# writing (للناتو) and is never split: see ``proclitic_length``.
PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "وس", "فس", "و", "ف", "ب", "ك", "ل", "س")
_AL_PREFIX_RE = re.compile(r"^(?:[وف]?[بك]|[وف])(?=ال)")
# و/ف before a hamza-alef (وإيهاب، وأوكرانيا) is the conjunction: no Arabic or transliterated
# name starts with وأ/وإ/وآ.
_HAMZA_PREFIX_RE = re.compile(r"^[وف][بكل]?(?=[أإآ])")

NISBA_SUFFIXES = ("يين", "يون", "يان", "يه", "ي")
# Nisba adjectives that are not derived from a gazetteer name (regions, blocs, eras).
EXTRA_NISBA = ("سوفيتي", "سوفياتي", "غربي", "عربي", "شرقي", "اسلامي", "دولي", "اقليمي",
               "اطلسي", "اوروبي", "اوربي", "افريقي", "اسيوي", "خليجي", "امريكي", "اميركي")


def is_word(token: str) -> bool:
    """True when ``token`` is a word (letters or digits), not punctuation."""
    first = token[:1]
    return bool(first) and (first.isalnum() or first == "_" or "\u0610" <= first <= "\u06ED")


@lru_cache(maxsize=WORD_CACHE)
def link_key(token: str) -> str:
    """Fold one token for linking: match_key, then غ→ج and ي dropped inside long words.

    ي is dropped only inside words of six or more letters (ديميتري/دميتري, بلينكين/بلينكن):
    in shorter words it separates real names (حسن/حسين) and common words (رئيسا ~ روسيا).
    """
    key = match_key(token).replace("غ", "ج")
    if len(key) >= 6:
        key = key[0] + key[1:-1].replace("ي", "") + key[-1]
    return key


def definite_key(token: str) -> str:
    """match_key of ``token`` with a fused ل+ال (للناتو) read as ال (الناتو)."""
    key = match_key(token)
    if key.startswith("لل") and len(key) > 3:
        return "ال" + key[2:]
    return key


def proclitic_length(
    token: str, known: frozenset[str], counts: dict[str, int], seen: frozenset[str] = frozenset()
) -> int:
    """Number of leading characters of ``token`` that are attached proclitics (0 if none).

    See ``_proclitic_length``; the part that does not depend on ``seen`` is memoised.
    """
    ck = (token, id(known), id(counts))  # the gazetteers are process-wide constants
    skip = _PROCLITIC_CACHE.get(ck)
    if skip is None:
        if len(_PROCLITIC_CACHE) > WORD_CACHE:
            _PROCLITIC_CACHE.clear()
        skip = _PROCLITIC_CACHE[ck] = _proclitic_length(token, known, counts, names=True)
    if skip or not seen or match_key(token) in known:
        return skip
    for p, rest in proclitic_readings(token):
        if rest in seen:
            return p
    return 0


_PROCLITIC_CACHE: dict[tuple[str, int, int], int] = {}


# First letters of the proclitics: a token starting with none of them has no proclitic
# reading (most tokens: a C-level set test instead of 14 startswith calls).
PROCLITIC_FIRST = frozenset(p[0] for p in PROCLITICS)


@lru_cache(maxsize=WORD_CACHE)
def proclitic_readings(token: str) -> tuple[tuple[int, str], ...]:
    """(prefix length, match_key of the rest) for each proclitic prefix ``token`` could carry."""
    if token[:1] not in PROCLITIC_FIRST:
        return ()
    key = match_key(token)
    return tuple(
        (len(p), key[len(p) :])
        for p in PROCLITICS
        if token.startswith(p) and len(token) - len(p) >= 2 and future_prefix_fits(p, key[len(p):])
    )


def future_prefix_fits(prefix: str, rest: str) -> bool:
    """Whether ``prefix`` can be split off ``rest``: the future marker س attaches only to an
    imperfect verb (سيعقد، ستبحث، سنعمل، سأزور), so it is never cut from a name (سمير stays
    whole instead of becoming مير). ``rest`` is a match_key (أ folded to ا)."""
    return not prefix.endswith("س") or rest[:1] in "يتنا"


def _proclitic_length(token: str, known: frozenset[str], counts: dict[str, int], names: bool = False) -> int:
    """Number of leading characters of ``token`` that are attached proclitics (0 if none).

    A prefix is split off only with evidence that the rest is a word of its own: the rest
    starts with ال (وبالكرملين → الكرملين), or it is a known name (``known``: gazetteer
    tokens) or a word seen alone in the same article while the whole token is not a known
    name, or it is
    clearly more frequent than the whole token in the training vocabulary (``counts``).
    Fused ل+ال (للناتو) stays whole, as written. With ``names`` (cutting a mention's span, not
    the tagger's stem feature, which the trained model was built with) the future marker is cut
    only where ``future_prefix_fits``.
    """
    m = _AL_PREFIX_RE.match(token)
    if m and len(token) - m.end() >= 4:
        return m.end()
    m = _HAMZA_PREFIX_RE.match(token)
    if m and len(token) - m.end() >= 3:
        return m.end()
    if token.startswith(("لل", "ولل", "فلل")):
        return 1 if token[0] in "وف" else 0
    key = match_key(token)
    if key in known:
        return 0
    whole = counts.get(key, 0)
    best, best_count = 0, 0
    for p in PROCLITICS:
        if not token.startswith(p) or len(token) - len(p) < 2:
            continue
        rest = key[len(p):]
        if names and not future_prefix_fits(p, rest):
            continue
        if rest in known:
            return len(p)
        # Frequency evidence (ANERcorp vocabulary): the rest is a common word and at least
        # three times as frequent as the whole form (وزارة stays: زارة is never seen).
        c = counts.get(rest, 0)
        if c >= 2 and c >= 3 * whole and c > best_count:
            best, best_count = len(p), c
    return best


@lru_cache(maxsize=1)
def nisba_keys() -> frozenset[str]:
    """match_keys of nisba adjectives (الروسي، أمريكية) derived from place names."""
    from akhbar.tasks.annotate.entities.gazetteer import place_keys

    stems: set[str] = set(EXTRA_NISBA)
    for key in place_keys():
        if " " in key:
            continue
        base = key[2:] if key.startswith("ال") else key
        for tail in ("يه", "يا", "ا", "ه", ""):
            if tail and base.endswith(tail) and len(base) - len(tail) >= 2:
                stems.add(base[: -len(tail)] + "ي")
        stems.add(base + "ي")
    out: set[str] = set()
    for stem in stems:
        root = stem[:-1]
        for suffix in NISBA_SUFFIXES:
            out.add(root + suffix)
            out.add("ال" + root + suffix)
    return frozenset(out - place_keys())


def is_nisba(token: str) -> bool:
    """True when ``token`` (clitics already stripped) is a nisba adjective of a place."""
    return match_key(token) in nisba_keys()
