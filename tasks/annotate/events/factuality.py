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
              "المفترض مفترضا تأجيل تاجيل إلغاء "  # كان من المفترض أن يلتقي؛ تأجيل الزيارة: it did not happen
              "أمل أمله أملها أملهم يأمل تأمل نأمل آمل "  # أعرب عن أمله في أن يقوم بزيارة: hoped for
              "المؤمل المأمول المنتظر")  # v5: "ومن المؤمل/المنتظر أن يجري": the impersonal forms of the same
# قبيل ("shortly before") right before a noun (قال قبيل المكالمة): the sentence's act precedes an
# imminent event. Plain قبل is left out: in captions (قبل اجتماع وزراء الدفاع، 21 أكتوبر) the event
# is usually over by the time of writing (one such error on dev when it was included).
_BEFORE_EVENT = _F("قبيل")
# A meeting that is asked for or proposed has not happened yet (طلب الكرملين إجراء مكالمة، دعا إلى
# عقد اجتماع، اقترح لقاء): the request verb sits within REQUEST_WINDOW words before the noun.
_REQUESTS = _F("طلب طلبت يطلب تطلب دعا دعت يدعو تدعو اقترح اقترحت يقترح تقترح اقتراح")
REQUEST_WINDOW = 3
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
            or any(_is_future_verb(w) for w in before[-4:]) or _subjunctive(before[-2:], tokens, trig) \
            or trig.sense.pos == "noun" and (any(w in _BEFORE_EVENT for w in near)
                                             or _requested(bare[-REQUEST_WINDOW:])
                                             or _future_opening(tokens.texts, sent_first, i)):
        return "planned"
    return "asserted"


OPENING_WINDOW = 15  # tokens: "وسيكون التصاعد الأخير في التوترات ... الموضوع الرئيسي للمناقشات" (11)


def _future_opening(texts: list[str], first: int, i: int) -> bool:
    """A sentence opened by a future verb (وسيكون، ستعقد) puts its nouns in the future."""
    return i - first <= OPENING_WINDOW and i > first and _is_future_verb(texts[first])


def _requested(words: list[str]) -> bool:
    """A request verb before the noun with no preposition between (طلب الكرملين إجراء مكالمة), not one
    whose setting the noun is (دعا خلال المفاوضات إلى …: the talks are under way)."""
    hits = [j for j, w in enumerate(words) if w in _REQUESTS]
    return bool(hits) and not any(w in _SETTINGS for w in words[hits[-1] + 1:])


_SETTINGS = _F("خلال في أثناء اثناء بعد إثر اثر عقب قبل لدى عند")


def _subjunctive(words: list[str], tokens: Tokens, trig: Trigger) -> bool:
    """أن + imperfect governing the trigger (أن يلتقي، أن يقوم بزيارة، أن يعقد اجتماعاً): wished, agreed
    or due, not done. Unvocalised أن right before an imperfect is the subjunctive أنْ (أنّ takes a
    noun or pronoun). Only the trigger itself or the object of a light verb: on 1,500 SaudiNewsNet
    articles any imperfect within 3 words also caught subjects and copulas ("رجح أن يكون الهجوم من
    تنفيذ داعش"، "تخشى أن تستمر الهجمات")."""
    if trig.sense.pos == "verb":
        return words[-1:] == ["ان"] and is_imperfect(tokens, trig)  # بعد أن انسحب is past
    return len(words) >= 2 and words[-2] == "ان" and words[-1].lstrip("وف") in _LIGHT_VERBS


_LIGHT_VERBS = _F("يقوم تقوم نقوم يعقد تعقد نعقد يجري تجري نجري يتم تتم يبدأ تبدأ نبدأ")


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
