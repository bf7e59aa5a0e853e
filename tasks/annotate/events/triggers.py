"""Find event triggers in an article: tokens, clitic stripping, lexicon lookup, context rules."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate, compress
from typing import NamedTuple

from akhbar.tasks.text import strip_diacritics

from .lexicon import ENCLITICS, LEXICON, POSSIBLE_WORDS, PROCLITICS, PURPOSE_PREFIXES, Sense

_TOKEN_RE = re.compile(r"[\u0621-\u064A\u064B-\u0652\u0640]+|\d+|[A-Za-z]+")
# The same tokens through ``re.split``: separators and words alternate, so offsets are running
# sums of the pieces' lengths. No Match object per word: ``finditer`` plus a Token per word was
# 1.8 s of the events stage's 4.7 s on 2,889 SaudiNewsNet articles (benchmarks/annotators).
_SPLIT_RE = re.compile(f"({_TOKEN_RE.pattern})")


class Token(NamedTuple):
    """A word of the folded body: span, and its text without diacritics."""

    start: int
    end: int
    text: str


class Tokens(Sequence):
    """The words of one folded body as three parallel lists (``starts``, ``ends``, ``texts``).

    Indexing gives ``Token`` objects (a slice gives a list of them) for the rules that read a
    few words around a trigger; the scans over every word use the lists directly.
    """

    __slots__ = ("starts", "ends", "texts")

    def __init__(self, starts: list[int], ends: list[int], texts: list[str]):
        self.starts, self.ends, self.texts = starts, ends, texts

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return list(map(Token, self.starts[i], self.ends[i], self.texts[i]))
        return Token(self.starts[i], self.ends[i], self.texts[i])


@dataclass(frozen=True)
class Trigger:
    """A trigger found in the body: span (proclitics excluded), token index and sense."""

    start: int
    end: int
    token: int
    sense: Sense
    proclitic: str


_UNBARE_RE = re.compile("[\u064B-\u0652\u0640]")  # what strip_diacritics removes inside a token


def tokenize(folded: str) -> Tokens:
    """Split folded text into word tokens (diacritics kept in the span, dropped from ``text``)."""
    parts = _SPLIT_RE.split(folded)
    ends = list(accumulate(map(len, parts)))
    words = parts[1::2]
    return Tokens(ends[0:-1:2], ends[1::2], _bare_words(folded, words))


def _bare_words(folded: str, words: list[str]) -> list[str]:
    """``strip_diacritics`` of every word, done once on the whole text rather than per word.

    Stripping only deletes characters of the token class, so it can merge or empty tokens but
    never split one: the same number of tokens in the stripped text means they correspond.
    """
    if not _UNBARE_RE.search(folded):
        return words
    bare = _TOKEN_RE.findall(strip_diacritics(folded))
    return bare if len(bare) == len(words) else list(map(strip_diacritics, words))


# Clitic lengths, longest first (as in PROCLITICS / ENCLITICS): a word has at most one clitic of
# each length, so trying the lengths whose clitic is present, in this order, visits the same
# (proclitic, enclitic) pairs as the lists, in the same order, without testing the others.
_PRO_LENGTHS = sorted({len(p) for p in PROCLITICS}, reverse=True)
_ENC_LENGTHS = sorted({len(e) for e in ENCLITICS}, reverse=True)
_PROCLITIC_SET, _ENCLITIC_SET = frozenset(PROCLITICS), frozenset(ENCLITICS)


@lru_cache(maxsize=200_000)
def lookup(word: str) -> tuple[Sense, str, str] | None:
    """Sense of ``word`` after stripping one proclitic and one enclitic; (sense, pro, enclitic).

    The first hit in PROCLITICS order, then ENCLITICS order. Cached per word form: news
    vocabulary is Zipfian, so most tokens are repeats.
    """
    size = len(word)
    encs = [n for n in _ENC_LENGTHS if word[size - n:] in _ENCLITIC_SET] if size else []
    for p in _PRO_LENGTHS:
        pro = word[:p]
        if size - p < 3 or pro not in _PROCLITIC_SET:
            continue
        for n in encs:
            if n and n > size - p:  # the enclitic must lie inside the rest of the word
                continue
            sense = LEXICON.get(word[p:size - n])
            if sense is not None:
                return sense, pro, word[size - n:] if n else ""
    return None


# Word forms already looked up, and those the lexicon knows: two set tests per word instead of
# a cached call per word (news vocabulary is Zipfian). Cleared when large so memory stays bounded.
_SEEN: set[str] = set()
_KNOWN: set[str] = set()
_MAX_SEEN = 1 << 19
_MEMOS = (_SEEN, _KNOWN)  # what a worker over its memory budget clears (flows/memory.py)


def _known(texts: list[str]) -> list[int]:
    """Indices of the words ``lookup`` finds in the lexicon (a few in 1,000)."""
    new = set(texts).difference(_SEEN)
    if new:
        if len(_SEEN) > _MAX_SEEN:
            _SEEN.clear()
            _KNOWN.clear()
            new = set(texts)
        _SEEN.update(new)
        _KNOWN.update(w for w in new if lookup(w) is not None)
    return list(compress(range(len(texts)), map(_KNOWN.__contains__, texts)))


def find_triggers(tokens: Tokens, body: str) -> list[Trigger]:
    """Triggers among ``tokens`` of ``body`` whose context conditions hold (see the README's lexicon)."""
    found = []
    texts = tokens.texts
    for i in _known(texts):
        sense, pro, enc = lookup(texts[i])
        text = texts[i]
        if text[len(pro):].startswith(_NOT_WITH_ARTICLE) and ("ال" in pro or enc in _NOUN_ENDINGS):
            continue  # الطالب، طالباً، طالبات are students, not طالب "demanded"
        if enc == "ات" and sense.pos == "verb" and _imperfect_stem(text[len(pro):len(text) - 2]):
            continue  # v6: an imperfect verb takes no plural -ات: توقعات (expectations) is not توقع (signs)
        if enc == "ات" and text[len(pro):len(text) - len(enc)] in _SINGULAR_ONLY:
            continue  # v6: الاعتداءات is habitual ("الاعتداءات على الأقصى متكررة"), الاعتداء one attack
        if sense.pos == "verb" and enc and (body[tokens.ends[i] - 1] == "ة" or enc == "ي"):
            continue  # a verb never ends in ta marbuta (وزارة is not و+زار+ه) nor takes -ي (بأيدي)
        if enc == "ان" and sense.pos == "verb" and sense.needs == ("مع",):
            sense = _dual(sense)  # يناقشان، سيبحثان: both parties are the subject, no مع follows
        if sense.event_type == "MOBILIZE" and any(w.startswith("مشترك") for w in _following(tokens, i, 3)):
            sense = _JOINT  # PLOVER: joint exercises are COOPERATE, single-country ones MOBILIZE
        if not _context_ok(tokens, i, sense, pro) or _sport_context(tokens, i):
            continue
        # Keep the definite article in the trigger (الاجتماع): it marks an anaphoric mention.
        keep = 2 if pro.endswith("ال") else 0
        found.append(Trigger(tokens.starts[i] + len(pro) - keep, tokens.ends[i], i, sense, pro))
    return found


_NOT_WITH_ARTICLE = ("طالب",)


def _imperfect_stem(stem: str) -> bool:
    """A ي/ن-initial stem, or a ت-initial one whose ي- form is in the lexicon (توقع/يوقع)."""
    return stem.startswith(("ي", "ن")) or (stem.startswith("ت") and lookup("ي" + stem[1:]) is not None)


_SINGULAR_ONLY = frozenset({"اعتداء"})  # v6: its plural names habitual attacks (spot check, README)


@lru_cache(maxsize=64)
def _dual(sense: Sense) -> Sense:
    """A verb sense read with a dual subject (-ان): the condition on a following مع is lifted (v5;
    the lexicon lists يناقشان/يبحثان so, but a lookup strips -ان first and finds يناقش)."""
    return replace(sense, needs=(), licensed_by=())
_NOUN_ENDINGS = ("ا", "ان", "ين", "ات")
_JOINT = Sense("COOPERATE", None, "noun", score=0.8)


# Folded words that only sport reports use around لقاء (a match), الهجوم (the attack line), يزور
# (plays away at): the spot check's sport false positives (RESULTS.md). Left out as ambiguous in
# political news: هدف/أهداف (goals, aims, military targets), الملعب and الكرة ("the ball is in
# Moscow's court"; فكرة also folds to ف+كره), الفريق (team / lieutenant general), فوز, كأس,
# المنتخب (national team / elected), حارس (goalkeeper / guard), البطاقات (cards / ID cards).
SPORT_WORDS = frozenset({"مباراه", "المباراه", "مباريات", "المباريات", "الدوري", "دوري", "المدرب", "مدرب",
                         "لاعب", "اللاعب", "لاعبي", "لاعبين", "اللاعبين", "النادي", "نادي",
                         "البطوله", "بطوله", "الشوط", "ركله", "هداف", "الهداف", "التعادل"})
SPORT_WINDOW = 12  # words each side: a sport report's cue sits in the trigger's clause (spot check)


def _sport_context(tokens: Tokens, i: int) -> bool:
    """A sport word near the trigger: لقاء is a match and الهجوم an attack line, not events."""
    near = _preceding(tokens, i, SPORT_WINDOW) + _following(tokens, i, SPORT_WINDOW)
    return any(w.lstrip("وفبل") in SPORT_WORDS or w in SPORT_WORDS for w in near)


def _following(tokens: Tokens, i: int, n: int) -> list[str]:
    return tokens.texts[i + 1: i + 1 + n]


def _preceding(tokens: Tokens, i: int, n: int) -> list[str]:
    return tokens.texts[max(0, i - n): i]


_DENIAL_OBJECTS = ("اتهام", "الاتهام", "اتهامات", "الاتهامات", "المزاعم", "مزاعم", "الادعاءات", "ادعاءات")
ASSAULT_CONTEXT = 8  # هدد ... بإعدام: the threat verb sat 7 words before the threatened act
_NOT_EVENT_AFTER_ASSAULT = ("محتمل", "محتمله", "اخر", "اضافي")
_PLAN_WORDS = ("خطط", "تخطط", "يخطط", "التخطيط", "تستعد", "يستعد", "استعدادات", "استعدادا", "امكانيه", "احتمال",
               "مخاوف", "خطر", "خطه", "خطط", "نوايا", "تهديد", "يهدد", "هدد", "تهدد", "بعدم", "تهدف", "يهدف", "هدف",
               "الهدف")


def _context_ok(tokens: Tokens, i: int, sense: Sense, pro: str) -> bool:
    after = _following(tokens, i, sense.window)
    if sense.needs and not any(w.startswith(sense.needs) or w.lstrip("وفبل").startswith(sense.needs)
                               for w in after) \
            and not (sense.licensed_by and _preceding(tokens, i, 1)[:1] and
                     _preceding(tokens, i, 1)[0] in sense.licensed_by):
        return False
    if after[:1] == ["الله"]:
        return False  # أيده الله، دعا الله: religious formulas, not events
    if sense.event_type == "REJECT" and any(w.lstrip("و").startswith(_DENIAL_OBJECTS) for w in after[:3]):
        return False  # ترفض هذه الاتهامات is a denial of an accusation, not a rejection event
    if sense.event_type == "ACCUSE" and tokens.texts[i].endswith("اتهامات") and \
            any(w.lstrip("وف").startswith(("رفض", "ترفض", "يرفض", "نفي", "تنفي")) for w in _preceding(tokens, i, 3)):
        return False
    if sense.event_type == "ASSAULT":
        return _assault_happened(tokens, i, pro)
    return True


# Condemnation words: "إدانته للتفجير", "استنكارها للهجوم" condemn an attack that happened, so the
# ل there marks the object of the condemnation, not a purpose (v5; SaudiNewsNet condolence calls).
_CONDEMN = ("ادان", "ادانه", "ادانت", "ادانته", "ادانتها", "استنكار", "استنكر", "شجب", "تنديد", "ندد", "نددت", "يدين",
            "تدين")


_RELATIVE_WORDS = ("التي", "الذي", "اللتين", "اللذين", "الذين", "اللواتي", "والتي", "والذي")


def _condemned(tokens: Tokens, i: int) -> bool:
    """The word before the trigger condemns it (إدانته للتفجير): the attack took place."""
    before = _preceding(tokens, i, 1)
    return bool(before) and before[0].lstrip("و").startswith(_CONDEMN)


def _assault_happened(tokens: Tokens, i: int, pro: str) -> bool:
    """ASSAULT only when it happened: not a purpose (لغزو), a possibility or a threat's content."""
    if pro in PURPOSE_PREFIXES and not _condemned(tokens, i):
        return False
    after = _following(tokens, i, 2)
    if any(w.startswith(POSSIBLE_WORDS + _NOT_EVENT_AFTER_ASSAULT) for w in after):
        return False
    if _preceding(tokens, i, 1)[:1] and _preceding(tokens, i, 1)[0].lstrip("و") in ("وقف", "لوقف", "بوقف"):
        return False  # وقف إطلاق النار is a ceasefire, not an attack
    if (tokens.texts[i].startswith(("يسيطر", "تسيطر")) and _preceding(tokens, i, 1)[:1]
            and _preceding(tokens, i, 1)[0] in _RELATIVE_WORDS):
        return False  # v6: "المدن التي يسيطر عليها داعش" describes control, it is no seizure
    before = [w.lstrip("وفبل") for w in _preceding(tokens, i, ASSAULT_CONTEXT)]
    return not any(w.startswith(_PLAN_WORDS) for w in before)
