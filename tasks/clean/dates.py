"""Publication stamps of Arabic news pages: ``parse_published(text) -> (datetime, matched text)``.

Reads the forms Arabic sites print: day + month name + year in the Egyptian/Gulf (يناير),
Levantine (كانون الثاني) and Maghrebi (جانفي) series, mixed forms ("يناير/كانون الثاني",
"21 أكتوبر / تشرين الأول 2021"), "Month day, year" (WordPress: "أغسطس 6, 2015"), Eastern
Arabic digits, a time with ص/م (AM/PM), ISO and "YYYY-MM-DD hh:mm:ss" stamps, and numeric
"dd/mm/yyyy" (day first, the Arabic convention). Relative stamps ("منذ أسبوعين", "آخر
تحديث") and dates without a day or a year give nothing: a dumped page has no trustworthy
"now", and a missing date is never invented. Offsets are kept: Eastern digits are mapped one
character to one, so the matched text is cut from the original string.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from akhbar.tasks.text import DIGITS, MONTH_BY_KEY, MONTHS, match_key

# Letters that ``match_key`` folds together, so that a month name matches its variants.
_VARIANTS = {"ا": "اأإآٱ", "أ": "اأإآٱ", "إ": "اأإآٱ", "آ": "اأإآٱ", "ي": "يىی", "ى": "يىی",
             "ة": "ةه", "ه": "ةهھ", "ك": "كک"}
_YEAR_MIN, _YEAR_MAX = 1990, 2100  # news pages; a year outside is a number, not a stamp


def _name_regex(name: str) -> str:
    parts = []
    for ch in name:
        if ch == " ":
            parts.append(r"\s+")
        elif ch in _VARIANTS:
            parts.append(f"[{_VARIANTS[ch]}]")
        else:
            parts.append(re.escape(ch))
    return "".join(parts)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    names = sorted({n for ns in MONTHS.values() for n in ns}, key=len, reverse=True)
    month = "(?:" + "|".join(_name_regex(n) for n in names) + ")"
    # A second month name of the other series may follow: "أكتوبر / تشرين الأول".
    months = rf"(?P<m1>{month})(?:\s*[/،,\-–]\s*(?P<m2>{month}))?"
    time = (r"(?:\s*[,،\-–|]?\s*(?:الساعة\s*|-\s*)?(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?"
            r"(?:\s*(?P<ap>ص|م|صباحا|صباحًا|مساء|مساءً|am|pm|AM|PM)(?![\u0621-\u064A]))?)?")
    nb = r"(?<!\d)"  # not inside a longer number (a name may be glued before: "نور13 يناير")
    day_first = rf"{nb}(?P<d>\d{{1,2}})\s*(?:من\s+)?{months}\s*[,،]?\s*(?P<y>\d{{4}})(?!\d){time}"
    month_first = rf"{nb}{months}\s+(?P<d>\d{{1,2}})\s*[,،]\s*(?P<y>\d{{4}})(?!\d){time}"
    iso = (r"(?<!\d)(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})"
           r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?(?!\d)")
    dmy = r"(?<![\d/.])(?P<d>\d{1,2})[/.\-](?P<mo>\d{1,2})[/.\-](?P<y>\d{4})(?![\d/])" + time
    ymd = r"(?<![\d/.])(?P<y>\d{4})/(?P<mo>\d{1,2})/(?P<d>\d{1,2})(?![\d/])" + time
    return tuple(re.compile(p) for p in (day_first, month_first, iso, dmy, ymd))


def _hour(m: re.Match[str]) -> int:
    hour = int(m.group("H") or 0)
    ap = (m.groupdict().get("ap") or "").lower()
    if ap.startswith(("ص", "am")) and hour == 12:
        return 0
    if ap.startswith(("م", "pm")) and hour < 12:
        return hour + 12
    return hour


def _to_datetime(m: re.Match[str]) -> datetime | None:
    groups = m.groupdict()
    month = MONTH_BY_KEY.get(match_key(groups["m1"])) if groups.get("m1") else int(groups["mo"])
    year, day = int(groups["y"]), int(groups["d"])
    if month is None or not _YEAR_MIN <= year <= _YEAR_MAX:
        return None
    try:
        return datetime(year, month, day, _hour(m), int(groups.get("M") or 0),
                        int(groups.get("S") or 0))
    except ValueError:  # 31 فبراير, 25:00: not a date
        return None


def find_dates(text: str) -> list[tuple[int, datetime, str]]:
    """All stamps in ``text`` as (offset, datetime, matched text), in order of offset."""
    ascii_text = text.translate(DIGITS)
    found: dict[int, tuple[int, datetime, str]] = {}
    for pattern in _patterns():
        for m in pattern.finditer(ascii_text):
            value = _to_datetime(m)
            if value is not None and m.start() not in found:
                found[m.start()] = (m.start(), value, text[m.start():m.end()].strip())
    return [found[k] for k in sorted(found)]


def parse_published(text: str | None) -> tuple[datetime | None, str | None]:
    """Return the first publication stamp in ``text`` and the exact text it was read from.

    Returns ``(None, None)`` when ``text`` holds no complete date (day, month and year);
    relative stamps ("منذ ساعتين") are not resolved. Times are wall-clock times as printed.
    """
    if not text:
        return None, None
    dates = find_dates(text)
    if not dates:
        return _rfc2822(text)
    _, value, matched = dates[0]
    return value, matched


_RFC2822_RE = re.compile(r"(?:[A-Z][a-z]{2},\s*)?\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?"
                         r"(?:\s*(?:[+-]\d{4}|GMT|UT|UTC|Z))?")


def _rfc2822(text: str) -> tuple[datetime | None, str | None]:
    """RSS/HTTP stamps ("Tue, 04 Jan 2022 10:00:00 GMT"), which feeds put in `published`."""
    from email.utils import parsedate_to_datetime

    m = _RFC2822_RE.search(text)
    if not m:
        return None, None
    try:
        value = parsedate_to_datetime(m.group())
    except (TypeError, ValueError):
        return None, None
    return value.replace(tzinfo=None), m.group()
