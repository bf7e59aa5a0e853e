"""Find event triggers in an article: tokens, clitic stripping, lexicon lookup, context rules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from akhbar.tasks.text import strip_diacritics

from .lexicon import ENCLITICS, LEXICON, POSSIBLE_WORDS, PROCLITICS, PURPOSE_PREFIXES, Sense

_TOKEN_RE = re.compile(r"[\u0621-\u064A\u064B-\u0652\u0640]+|\d+|[A-Za-z]+")


@dataclass(frozen=True)
class Token:
    """A word of the folded body: span, text without diacritics, and its proclitic if stripped."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Trigger:
    """A trigger found in the body: span (proclitics excluded), token index and sense."""

    start: int
    end: int
    token: int
    sense: Sense
    proclitic: str


def tokenize(folded: str) -> list[Token]:
    """Split folded text into word tokens (diacritics kept in the span, dropped from ``text``)."""
    return [Token(m.start(), m.end(), strip_diacritics(m.group())) for m in _TOKEN_RE.finditer(folded)]


@lru_cache(maxsize=200_000)
def lookup(word: str) -> tuple[Sense, str, str] | None:
    """Sense of ``word`` after stripping one proclitic and one enclitic; (sense, pro, enclitic).

    Cached per word form: news vocabulary is Zipfian, so most tokens are repeats (profiled:
    800k calls for 2k articles were the events stage's top cost).
    """
    for pro in PROCLITICS:
        if not word.startswith(pro) or len(word) - len(pro) < 3:
            continue
        rest = word[len(pro):]
        for enc in ENCLITICS:
            if enc and not rest.endswith(enc):
                continue
            stem = rest[: len(rest) - len(enc)] if enc else rest
            sense = LEXICON.get(stem)
            if sense is not None:
                return sense, pro, enc
    return None


def find_triggers(tokens: list[Token], body: str) -> list[Trigger]:
    """Triggers among ``tokens`` of ``body`` whose context conditions hold (see the README's lexicon)."""
    found = []
    for i, tok in enumerate(tokens):
        hit = lookup(tok.text)
        if hit is None:
            continue
        sense, pro, enc = hit
        if tok.text[len(pro):].startswith(_NOT_WITH_ARTICLE) and ("ال" in pro or enc in _NOUN_ENDINGS):
            continue  # الطالب، طالباً، طالبات are students, not طالب "demanded"
        if sense.pos == "verb" and enc and (body[tok.end - 1] == "ة" or enc == "ي"):
            continue  # a verb never ends in ta marbuta (وزارة is not و+زار+ه) nor takes -ي (بأيدي)
        if sense.event_type == "MOBILIZE" and any(w.startswith("مشترك") for w in _following(tokens, i, 3)):
            sense = _JOINT  # PLOVER: joint exercises are COOPERATE, single-country ones MOBILIZE
        if not _context_ok(tokens, i, sense, pro) or _sport_context(tokens, i):
            continue
        # Keep the definite article in the trigger (الاجتماع): it marks an anaphoric mention.
        keep = 2 if pro.endswith("ال") else 0
        found.append(Trigger(tok.start + len(pro) - keep, tok.end, i, sense, pro))
    return found


_NOT_WITH_ARTICLE = ("طالب",)
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


def _sport_context(tokens: list[Token], i: int) -> bool:
    """A sport word near the trigger: لقاء is a match and الهجوم an attack line, not events."""
    near = _preceding(tokens, i, SPORT_WINDOW) + _following(tokens, i, SPORT_WINDOW)
    return any(w.lstrip("وفبل") in SPORT_WORDS or w in SPORT_WORDS for w in near)


def _following(tokens: list[Token], i: int, n: int) -> list[str]:
    return [t.text for t in tokens[i + 1: i + 1 + n]]


def _preceding(tokens: list[Token], i: int, n: int) -> list[str]:
    return [t.text for t in tokens[max(0, i - n): i]]


_DENIAL_OBJECTS = ("اتهام", "الاتهام", "اتهامات", "الاتهامات", "المزاعم", "مزاعم", "الادعاءات", "ادعاءات")
ASSAULT_CONTEXT = 8  # هدد ... بإعدام: the threat verb sat 7 words before the threatened act
_NOT_EVENT_AFTER_ASSAULT = ("محتمل", "محتمله", "اخر", "اضافي")
_PLAN_WORDS = ("خطط", "تخطط", "يخطط", "التخطيط", "تستعد", "يستعد", "استعدادات", "استعدادا", "امكانيه", "احتمال",
               "مخاوف", "خطر", "خطه", "خطط", "نوايا", "تهديد", "يهدد", "هدد", "تهدد", "بعدم", "تهدف", "يهدف", "هدف",
               "الهدف")


def _context_ok(tokens: list[Token], i: int, sense: Sense, pro: str) -> bool:
    after = _following(tokens, i, sense.window)
    if sense.needs and not any(w.startswith(n) or w.lstrip("وفبل").startswith(n)
                               for w in after for n in sense.needs) \
            and not (sense.licensed_by and _preceding(tokens, i, 1)[:1] and
                     _preceding(tokens, i, 1)[0] in sense.licensed_by):
        return False
    if after[:1] == ["الله"]:
        return False  # أيده الله، دعا الله: religious formulas, not events
    if sense.event_type == "REJECT" and any(w.lstrip("و").startswith(d) for w in after[:3] for d in _DENIAL_OBJECTS):
        return False  # ترفض هذه الاتهامات is a denial of an accusation, not a rejection event
    if sense.event_type == "ACCUSE" and tokens[i].text.endswith("اتهامات") and \
            any(w.lstrip("وف").startswith(("رفض", "ترفض", "يرفض", "نفي", "تنفي")) for w in _preceding(tokens, i, 3)):
        return False
    if sense.event_type == "ASSAULT":
        return _assault_happened(tokens, i, pro)
    return True


def _assault_happened(tokens: list[Token], i: int, pro: str) -> bool:
    """ASSAULT only when it happened: not a purpose (لغزو), a possibility or a threat's content."""
    if pro in PURPOSE_PREFIXES:
        return False
    after = _following(tokens, i, 2)
    if any(w.startswith(POSSIBLE_WORDS + _NOT_EVENT_AFTER_ASSAULT) for w in after):
        return False
    if _preceding(tokens, i, 1)[:1] and _preceding(tokens, i, 1)[0].lstrip("و") in ("وقف", "لوقف", "بوقف"):
        return False  # وقف إطلاق النار is a ceasefire, not an attack
    before = [w.lstrip("وفبل") for w in _preceding(tokens, i, ASSAULT_CONTEXT)]
    return not any(w.startswith(p) for w in before for p in _PLAN_WORDS)
