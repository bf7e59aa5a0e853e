"""The fast paths of the events annotator give exactly what the plain ones gave.

Tokens, folding, lexicon hits and temporal expressions are computed without a Python object
or a regex attempt per character; each test compares them with the straightforward
definition on random Arabic-like text built to hit the edge cases (diacritics, tatweel,
dagger alef, glued digits, Latin, marks between words).
"""

from __future__ import annotations

import random
import re

from akhbar.tasks.annotate.events import dates
from akhbar.tasks.annotate.events.lexicon import ENCLITICS, FOLD_TABLE, LEXICON, PROCLITICS, fold
from akhbar.tasks.annotate.events.triggers import _TOKEN_RE, _known, lookup, tokenize
from akhbar.tasks.text import strip_diacritics

_WORDS = ("في", "يوم", "الاثنين", "والاثنين", "بالخميس", "مساء", "شهر", "منتصف", "مارس", "كانون", "الثاني",
          "تشرين", "اول", "الاول", "اب", "ماي", "عام", "العام", "سنه", "اليوم", "امس", "اول", "بعد", "غد", "غدا",
          "الاسبوع", "الماضي", "المقبل", "هذا", "هذه", "من", "وقت", "سابق", "قال", "اجتماع", "الاجتماع", "يلتقي",
          "وزار", "هجوم", "1997", "15", "2021", "٢٠٢٢", "٣", "abc", "أبريل", "إبريل", "الجمعة",
          "ابريلمارس", "مارسكانون", "يونيو1997", "15مارس")
_GLUE = ("", " ", "  ", "\n", "،", "/", "-", "(", ")", ".", "ً", "ٌ", "َ", "ـ", "ٰ", "ٓ", "1", "x", "ب", "و")


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        pieces = []
        for _ in range(rng.randint(0, 14)):
            word = rng.choice(_WORDS)
            if rng.random() < 0.15:  # a diacritic or tatweel inside the word
                k = rng.randint(0, len(word))
                word = word[:k] + rng.choice("ًٌٍَُِّْـ") + word[k:]
            pieces.append(word + rng.choice(_GLUE) + (" " if rng.random() < 0.7 else ""))
        out.append("".join(pieces))
    return out


def test_tokens_match_the_regex_tokens():
    for text in _texts(600, 1) + ["", "   ", "ً", "a١b", "هٰذا مارسً"]:
        folded = fold(text)
        tokens = tokenize(folded)
        expected = [(m.start(), m.end(), strip_diacritics(m.group())) for m in _TOKEN_RE.finditer(folded)]
        assert list(zip(tokens.starts, tokens.ends, tokens.texts)) == expected
        assert [tuple(t) for t in tokens] == expected
        assert [tuple(t) for t in tokens[1:3]] == expected[1:3]


def test_fold_is_translate_for_long_and_odd_text():
    for text in _texts(200, 2) + ["\ud800" + "أ" * 100, "😀ى" * 50, "٠١٢٣٤٥٦٧٨٩" * 10]:
        assert fold(text) == text.translate(FOLD_TABLE)
        assert len(fold(text)) == len(text)


def test_known_words_are_the_lexicon_hits():
    words = tokenize(fold(" ".join(_texts(50, 3)))).texts
    assert _known(words) == [i for i, w in enumerate(words) if lookup(w) is not None]
    assert _known(words)  # the vocabulary holds triggers: the test compares something


def test_expressions_are_found_where_finditer_finds_them():
    hits = 0
    for text in _texts(3000, 4):
        folded = fold(text)
        starts = dates._starts(folded, tokenize(folded))
        for rx, where in starts.items():
            expected = [m.span() for m in rx.finditer(folded)]
            assert [m.span() for m in dates._scan(rx, where, folded)] == expected, (text, rx.pattern[:40])
            hits += len(expected)
    assert hits > 500  # the random texts do contain expressions of every kind


def test_a_range_still_uses_plain_finditer():
    folded = fold("قال يوم الاثنين إن الاجتماع في 15 مارس 2021")
    assert [e.kind for e in dates.find_expressions(folded, 4)] == ["weekday", "full"]
    assert dates.find_expressions(folded, 0, 10) == [e for e in dates.find_expressions(folded) if e.end <= 10]


def _lookup_by_lists(word: str):
    """The definition: first proclitic, then first enclitic (list orders) whose stem is listed."""
    for pro in PROCLITICS:
        if not word.startswith(pro) or len(word) - len(pro) < 3:
            continue
        rest = word[len(pro):]
        for enc in ENCLITICS:
            if enc and not rest.endswith(enc):
                continue
            sense = LEXICON.get(rest[: len(rest) - len(enc)] if enc else rest)
            if sense is not None:
                return sense, pro, enc
    return None


def test_lookup_strips_clitics_in_list_order():
    rng = random.Random(5)
    stems = sorted(LEXICON)
    words = {rng.choice(PROCLITICS) + rng.choice(stems) + rng.choice(ENCLITICS) for _ in range(3000)}
    words |= {rng.choice(stems)[: rng.randint(0, 4)] + rng.choice(ENCLITICS) for _ in range(1000)}
    words |= {"", "ه", "ال", "اله", "وال", "والها"}
    hits = 0
    for word in words:
        assert lookup.__wrapped__(word) == _lookup_by_lists(word), word
        hits += _lookup_by_lists(word) is not None
    assert hits > 1000
