"""Credits of an article: news agencies, authors (bylines) and the outlet naming itself.

Agencies are read from *credit positions* only: a credit line ("(د ب أ)", "رويترز"), the
dateline opening the first paragraph ("موسكو - (أ ف ب) -", "( ... / سبوتنيك - 24 ...)"), and
the JSON ``author`` field, which SaudiNewsNet sites fill with "CITY - AGENCY" credits. An agency
merely cited inside a body sentence ("بحسب ما نقلته وكالة إنترفاكس") is a source of a statement,
not the supplier of the story, and is not listed: ``agencies`` answers "whose copy is this".
Photo credits ("رويترز / photographer") are captions, not story credits.
"""

from __future__ import annotations

import re
from functools import lru_cache

from akhbar.tasks.text import match_key

# Canonical Arabic name -> spellings seen in credits (matched on match_key, case-folded).
# Latin codes that are also English words or menu items (MAP, TAP, SPA, AA) are left out.
AGENCIES: dict[str, tuple[str, ...]] = {
    "وكالة الأنباء الألمانية": ("د ب أ", "د.ب.أ", "د. ب. أ", "دب أ", "الألمانية", "dpa",
                                "وكالة الأنباء الألمانية"),
    "وكالة فرانس برس": ("أ ف ب", "أ.ف.ب", "أ. ف. ب", "اف ب", "فرانس برس", "فرانس برس", "الفرنسية",
                        "afp", "وكالة الصحافة الفرنسية"),
    "رويترز": ("رويترز", "رويتر", "reuters"),
    "أسوشيتد برس": ("أ ب", "أ.ب", "أسوشيتد برس", "أسوشيتدبرس", "ap", "associated press"),
    "سبوتنيك": ("سبوتنيك", "سبوتنك", "sputnik"),
    "إنترفاكس": ("إنترفاكس", "انترفاكس", "interfax"),
    "تاس": ("تاس", "tass"),
    "وكالة الأنباء السعودية": ("واس", "وكالة الأنباء السعودية"),
    "وكالة أنباء الشرق الأوسط": ("أ ش أ", "أ.ش.أ", "وكالة أنباء الشرق الأوسط"),
    "الأناضول": ("الأناضول", "وكالة الأناضول", "anadolu"),
    "وكالة الأنباء الكويتية": ("كونا", "kuna"),
    "وكالة أنباء الإمارات": ("وام", "wam"),
    "وكالة الأنباء القطرية": ("قنا", "qna"),
    "وكالة الأنباء الأردنية": ("بترا",),
    "وكالة الأنباء السورية": ("سانا",),
    "شينخوا": ("شينخوا", "شينخوا", "xinhua"),
    "وكالة الأنباء الإيرانية": ("إرنا", "ارنا", "irna"),
    "يونهاب": ("يونهاب", "yonhap"),
    "وكالة الأنباء العراقية": ("واع",),
    "وكالة الأنباء البحرينية": ("بنا", "bna"),
    "وكالة الأنباء العمانية": ("العمانية",),
    "وكالة المغرب العربي للأنباء": ("لاماب", "ومع", "و م ع", "و.م.ع"),
    "وكالة الأنباء الجزائرية": ("واج",),
    "وكالة تونس أفريقيا للأنباء": ("وات",),
    "وكالة الأنباء الفلسطينية": ("وفا", "wafa"),
    "الوكالة الوطنية للإعلام": ("الوطنية للإعلام",),
    "نوفوستي": ("نوفوستي", "ريا نوفوستي", "ria novosti"),
    "إيفي": ("إيفي",),
    "بلومبرغ": ("بلومبرغ", "بلومبيرغ", "bloomberg"),
}

# A "credit item": the text between separators of a credit line or dateline.
_SEPARATORS = re.compile(r"\s*[-–—ـ/:：،,()\[\]«»\"“”|۔]+\s*")
# "(د ب أ)" / "- رويترز" / "رويترز:" alone on a line: at most 4 tokens of credit.
_MAX_CREDIT_TOKENS = 4


@lru_cache(maxsize=1)
def _agency_by_key() -> dict[str, str]:
    table = {}
    for canonical, spellings in AGENCIES.items():
        for s in spellings:
            table[_credit_key(s)] = canonical
    return table


def _credit_key(item: str) -> str:
    return match_key(item.replace(".", " ")).lower().strip()


def agency_of(item: str) -> str | None:
    """Canonical agency name for one credit item ("أ.ف.ب", "وكالة رويترز"), else None."""
    key = _credit_key(item)
    table = _agency_by_key()
    if key in table:
        return table[key]
    if key.startswith("وكاله "):
        return table.get(key[len("وكاله "):])
    return None


def credit_items(text: str) -> list[str]:
    """Split a credit line or dateline into items ("موسكو - (أ ف ب)" -> ["موسكو", "أ ف ب"])."""
    return [p for p in _SEPARATORS.split(text) if p.strip()]


def agencies_in_credit(text: str) -> list[str]:
    """Agencies named as items of a credit line, dateline or JSON author field."""
    return list(_agencies_in_credit(text))


# Agency names that are also place names ("قنا", a city in Egypt): in a multi-item credit
# ("قنا - أ ش أ") the first item is the dateline city, so they count only elsewhere.
_ALSO_PLACES = {"قنا"}


@lru_cache(maxsize=50_000)
def _agencies_in_credit(text: str) -> tuple[str, ...]:
    items = credit_items(text)
    found = {a for i, item in enumerate(items) if (a := agency_of(item))
             and not (i == 0 and len(items) > 1 and _credit_key(item) in _ALSO_PLACES)}
    return tuple(sorted(found))


@lru_cache(maxsize=50_000)  # credit and menu lines repeat on every page of a site
def is_credit_line(line: str) -> bool:
    """True for a line that only credits agencies: "(د ب أ)", "رويترز", "- واس -", "(أ ف ب، رويترز)"."""
    items = credit_items(line)
    if not items or len(line.split()) > _MAX_CREDIT_TOKENS * max(1, len(items)):
        return False
    return all(agency_of(i) or _credit_key(i) in _CREDIT_WORDS for i in items)


# Words that may stand in a credit line beside agency names: "المصدر: رويترز", "(وكالات)".
_CREDIT_WORDS = {"وكالات", "الوكالات", "agencies", "المصدر", "مصدر", "source", "مصادر"}


# The dateline at the start of a first paragraph: "(CITY / AGENCY - DATE)", "CITY - AGENCY:".
_DATELINE_PAREN = re.compile(r"^\s*\(([^()]{2,120})\)")
_DATELINE_DASH = re.compile(r"^([^.\n،:]{2,60}?)\s*:(?:\s|$)")


def dateline_of(paragraph: str) -> str | None:
    """The dateline that opens ``paragraph``, if any ("( أردو بوینت نتورك ۔ / سبوتنيك - ...)")."""
    m = _DATELINE_PAREN.match(paragraph) or _DATELINE_DASH.match(paragraph)
    if not m:
        return None
    inner = m.group(1)
    return inner if len(inner.split()) <= 12 else None


# Outlet self-names: a network or site word inside a dateline item, or a disclaimer naming it.
_OUTLET_WORD = re.compile(r"(نتورك|نيوز|network|news|شبكة|صحيفة|جريدة|موقع|بوابة)", re.I)
_SELF_DESCRIPTION = [
    re.compile(r"^ينشر\s+(?:برنامج|موقع|صحيفة|شبكة)?\s*(.{2,40}?)\s+(?:مقالات|أخبار|تقارير)"),
    re.compile(r"ليست بالضرورة (?:مواقف|آراء|رأي|موقف)\s+(?:موقع\s+|صحيفة\s+)?(.{2,40}?)[.\s]*$"),
    re.compile(r"لا (?:تعبر|يعبر) بالضرورة عن (?:رأي|موقف|سياسة)\s+(?:موقع\s+|صحيفة\s+)?(.{2,40}?)[.\s]*$"),
]


def outlet_from_dateline(dateline: str) -> str | None:
    """An outlet named in a dateline item ("أردو بوینت نتورك"), else None."""
    for item in credit_items(dateline):
        if agency_of(item) is None and _OUTLET_WORD.search(item) and not re.search(r"\d", item):
            return item.strip(" ۔.")
    return None


def outlet_from_self_description(line: str) -> str | None:
    """The site a page names itself in a "ينشر X مقالات..." line or a disclaimer, else None."""
    for pattern in _SELF_DESCRIPTION:
        m = pattern.search(line)
        if m:
            return m.group(1).strip(" .«»\"")
    return None

