"""Arabic text primitives shared by every stage: normalisation, digits, months, sentences.

Everything here is pure and deterministic. Two kinds of normalisation are kept apart:
``final_text`` shapes the stored body (NFC, no invisible controls, tidy whitespace) and
``match_key`` folds spelling variants for *matching only*; it is never stored as a surface.
"""

from __future__ import annotations

import re
import unicodedata

# Zero-width and bidi controls seen in scraped Arabic pages (ZWSP, ZWNJ, ZWJ, LRM, RLM,
# ALM, LRE..RLO, LRI..PDI, word joiner, BOM).
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2060\ufeff\u00ad"
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")
_HSPACE_RE = re.compile(r"[^\S\n]+")  # runs of horizontal whitespace (incl. NBSP, thin spaces)
_BLANKS_RE = re.compile(r"\n{3,}")

ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF]")
TATWEEL = "\u0640"
_DIACRITICS_RE = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]")

# Eastern Arabic (U+0660..) and Persian/Urdu (U+06F0..) digits to ASCII.
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

_MATCH_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
                             "ک": "ك", "ی": "ي", "ھ": "ه", "گ": "ك"})


def final_text(text: str) -> str:
    """Return ``text`` as stored: NFC, invisible controls removed, whitespace normalised.

    Line structure is kept (paragraphs are separated by one blank line); spaces inside a line
    are collapsed to one; lines are stripped.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _INVISIBLE_RE.sub("", text)
    lines = [_HSPACE_RE.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS_RE.sub("\n\n", "\n".join(lines)).strip()


def strip_diacritics(text: str) -> str:
    """Remove Arabic diacritics (harakat, shadda, sukun, dagger alef) and tatweel."""
    return _DIACRITICS_RE.sub("", text).replace(TATWEEL, "")


def match_key(text: str) -> str:
    """Fold orthographic variants for matching: diacritics, tatweel, alef/ya/ta-marbuta forms.

    Never store the result as a surface; it only decides whether two strings match.
    """
    return " ".join(strip_diacritics(unicodedata.normalize("NFC", text)).translate(_MATCH_FOLD).split())


def arabic_ratio(text: str) -> float:
    """Share of Arabic letters among all letters in ``text`` (0.0 when it has no letters)."""
    letters = sum(1 for ch in text if ch.isalpha())
    if not letters:
        return 0.0
    return len(ARABIC_LETTER_RE.findall(text)) / letters


# Month names in the three series used in Arabic news, by month number. Spelling variants
# are listed; matching should go through ``match_key``.
MONTHS: dict[int, tuple[str, ...]] = {
    1: ("يناير", "كانون الثاني", "جانفي", "ينير"),
    2: ("فبراير", "شباط", "فيفري", "فبراير"),
    3: ("مارس", "آذار", "اذار"),
    4: ("أبريل", "ابريل", "إبريل", "نيسان", "أفريل", "افريل"),
    5: ("مايو", "أيار", "ايار", "ماي"),
    6: ("يونيو", "حزيران", "جوان", "يونيه", "يونيه"),
    7: ("يوليو", "تموز", "جويلية", "يوليوز", "يوليه"),
    8: ("أغسطس", "اغسطس", "آب", "اب", "أوت", "اوت", "غشت"),
    9: ("سبتمبر", "أيلول", "ايلول", "شتنبر"),
    10: ("أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول", "أكتوبر"),
    11: ("نوفمبر", "تشرين الثاني", "نونبر"),
    12: ("ديسمبر", "كانون الأول", "كانون الاول", "دجنبر"),
}

# match_key(name) -> month number
MONTH_BY_KEY: dict[str, int] = {match_key(n): m for m, names in MONTHS.items() for n in names}

WEEKDAYS: dict[int, tuple[str, ...]] = {  # Python weekday(): Monday == 0
    0: ("الاثنين", "الإثنين", "الأثنين"),
    1: ("الثلاثاء",),
    2: ("الأربعاء", "الاربعاء"),
    3: ("الخميس",),
    4: ("الجمعة",),
    5: ("السبت",),
    6: ("الأحد", "الاحد"),
}
WEEKDAY_BY_KEY: dict[str, int] = {match_key(n): d for d, names in WEEKDAYS.items() for n in names}

# Sentence boundaries: Arabic and Latin full stops, question and exclamation marks, and
# paragraph breaks. A dot between digits (3.5) is not a boundary; one after a number and before
# a space is ("بعد عام 1997. وقالت": a year often ends a sentence in news). A single dot after a
# one-letter word is an abbreviation, not a boundary: titles (د. for doctor, م. for engineer,
# أ. for professor) and Latin initials (J. Biden) stand before names ("استقبل د. الربيعة أمس"
# cut the guest and the date off the trigger's sentence: benchmarks/events, dev2 errors).
_ONE_LETTER_WORD = r"(?<![^\W\d_])[^\W\d_]"
_SENT_END_RE = re.compile(
    rf"(?<!{_ONE_LETTER_WORD})[.!?؟…]+(?=\s|$)|(?<={_ONE_LETTER_WORD})(?:[.!?؟…]{{2,}}|[!?؟…])(?=\s|$)"
    r"|[.!?؟](?=[\"”»’]\s)|\n+"
)


def sentence_spans(body: str) -> list[tuple[int, int]]:
    """Split ``body`` into sentences; return (start, end) code-point spans, end exclusive.

    The one sentence splitter of akhbar: every annotator's ``sentence_index`` is an index into
    this list, so that entities, quotes and events of one sentence share the same index.
    Leading whitespace is excluded from a span; empty sentences are dropped.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END_RE.finditer(body):
        end = m.end() if m.group().strip() else m.start()
        _append_span(body, start, end, spans)
        start = m.end()
    _append_span(body, start, len(body), spans)
    return spans


def _append_span(body: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def sentence_index_of(spans: list[tuple[int, int]], offset: int) -> int:
    """Index of the sentence containing ``offset`` (the last one starting at or before it)."""
    import bisect

    starts = [s for s, _ in spans]
    return max(0, bisect.bisect_right(starts, offset) - 1)
