"""Factuality of an event mention from cue words around its trigger in the same sentence.

Order of precedence (the first that applies wins): denied, hypothetical, alleged, planned,
asserted. Cue lists are in README.md; windows are in tokens and were set on the five sample
pages (a cue more than 8 words before the trigger belonged to another clause in every case
looked at).
"""

from __future__ import annotations

import re

from .lexicon import fold
from .triggers import Tokens, Trigger

CUE_WINDOW = 8
NEGATION_WINDOW = 2

_F = lambda words: tuple(fold(w) for w in words.split())  # noqa: E731
_NEGATIONS = _F("لم لن لا ليس ليست عدم دون")
_DENIALS = _F("نفى نفت ينفي تنفي نافيا نافية ينفون نفوا")
_HYPOTHETICAL = _F("إذا اذا لو ربما يمكن إمكانية احتمال حال حالة")
_ALLEGED = _F("اتهم اتهمت يتهم تتهم يتهمون اتهامات يزعم تزعم زعم زعمت ادعاء ادعاءات تفيد يفيد تقارير")
_ALLEGED_AFTER = _F("مزعوم مزعومة المزعوم المزعومة")
_PLANNED = _F("سوف المقرر مقرر المتوقع متوقع يعتزم تعتزم اعتزام يتوقع تتوقع ينوي تنوي يزمع تزمع المزمع "
              "المرتقب المرتقبة مرتقب يرتقب تستعد يستعد لعقد لإجراء سعى يسعى تسعى حدد يحدد موعدا يريد تريد يرغب ترغب "
              "المفترض مفترضا تأجيل تاجيل إلغاء")  # كان من المفترض أن يلتقي؛ تأجيل الزيارة: it did not happen
_PLANNED_AFTER = _F("المقرر المقررة المرتقب المرتقبة المزمع المزمعة المقبل المقبلة القادم القادمة المنتظر المنتظرة")
# س + imperfect verb (سيعقد، ستستمر) marks the future; these common nouns also start with سي/ست/سن.
_FUTURE_RE = re.compile(r"^[وف]?س[يتن][\u0621-\u064A]{2,}$")
_NOT_FUTURE = _F("سياس سيار سيد سنو سنه سيطر سينا ستا سيول سير ستين سنت سيا سيل سين ستر سني")


def factuality(tokens: Tokens, trig: Trigger, sent_first: int) -> str:
    """Factuality of ``trig`` given the sentence's first token index ``sent_first``."""
    i = trig.token
    before = tokens.texts[max(sent_first, i - CUE_WINDOW): i]
    after = tokens.texts[i + 1: i + 3]
    near = [w.lstrip("وف") for w in before[-NEGATION_WINDOW:]]
    bare = [w.lstrip("وف") for w in before]
    if any(w in _NEGATIONS for w in near) or any(w in _DENIALS for w in bare):
        return "denied"
    if _hypothetical(bare):
        return "hypothetical"
    if trig.sense.event_type != "ACCUSE" and any(w in _ALLEGED for w in bare) or \
            any(w in _ALLEGED_AFTER for w in after):
        return "alleged"
    if "س" in trig.proclitic or any(w in _PLANNED for w in bare) or any(w in _PLANNED_AFTER for w in after) \
            or any(_is_future_verb(w) for w in before[-4:]):
        return "planned"
    return "asserted"


def _hypothetical(bare: list[str]) -> bool:
    if any(w in _HYPOTHETICAL for w in bare):
        return True
    # قد + imperfect (قد يلجأ) is "may"; قد + perfect after كان (كان قد دعا) is a past perfect.
    return any(w == "قد" and j + 1 < len(bare) and bare[j + 1][:1] in "يتن" for j, w in enumerate(bare))


def _is_future_verb(word: str) -> bool:
    w = word.lstrip("وف")
    return bool(_FUTURE_RE.match(w)) and not w.startswith(_NOT_FUTURE)


def is_imperfect(tokens: Tokens, trig: Trigger) -> bool:
    """Whether a verb trigger is in the imperfect (يلتقي، تتهم): present or near future in news."""
    word = tokens.texts[trig.token][len(trig.proclitic):]
    return trig.sense.pos == "verb" and word[:1] in "يتن" and len(word) > 3
