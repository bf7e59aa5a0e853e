"""Arabic temporal expressions: find them in folded text and resolve them to dates.

Three kinds of expression are read (all on text folded by ``lexicon.fold``, so offsets are
offsets into the body):

* explicit dates, with or without a year, in the three month-name series of
  ``tasks.text.MONTHS`` (13 يناير، 21 كانون الثاني / يناير 2022، في فبراير، عام 1997);
* weekdays (الثلاثاء، يوم الخميس، الأحد الماضي), resolved to the matching day before or after
  the reference date according to the event's direction (past for asserted events, future
  for planned ones);
* relative expressions (اليوم، أمس، غدا، الأسبوع الماضي، الشهر المقبل، منتصف يناير، نهاية العام
  الفائت، في وقت سابق من هذا الشهر).

A resolution is ``Resolved(date, precision, basis)``: ``basis`` is ``text`` when the expression
carries its own year, ``published_at`` when it was read against the publication date and
``article_anchor`` when the article has no publication date and the latest full date written
in the article was used instead (only for explicit dates without a year; deictic words such
as أمس are left unresolved then, since the anchor is not the time of writing).
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import compress

from akhbar.tasks.text import MONTHS, WEEKDAYS

from .lexicon import fold
from .triggers import Tokens, tokenize

Date = dt.date


@dataclass(frozen=True)
class TimeExpr:
    """A temporal expression: its span in the body, its kind and the values read from it."""

    start: int
    end: int
    kind: str  # full | day_month | month | month_year | year | weekday | relative
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    rel: str | None = None  # relative unit and shift, e.g. "day-1", "week+1", "month0"
    part: str | None = None  # start | mid | end of a month or year
    direction: int = 0  # explicit +1 (المقبل) or -1 (الماضي) written next to a weekday


@dataclass(frozen=True)
class Resolved:
    """A resolved date: first day of the period, its precision and what it was resolved against."""

    date: Date
    precision: str  # day | month | year | range
    basis: str  # text | published_at | article_anchor


def _alt(names) -> str:
    return "|".join(sorted({re.escape(fold(n)) for n in names}, key=len, reverse=True))


_MONTH_OF = {fold(n): m for m, names in MONTHS.items() for n in names}
_MONTH_OF.update({fold(n).replace("ال", "", 1): m for m, names in MONTHS.items() for n in names if " " in n})
_WEEKDAY_OF = {fold(n): d for d, names in WEEKDAYS.items() for n in names}
_M = _alt(_MONTH_OF)
_W = _alt(_WEEKDAY_OF)
_SEP = r"\s*(?:/|-|\(|\)|،|,)?\s*"
_MONTH_PAIR = rf"(?P<m1>{_M})(?:{_SEP}(?P<m2>{_M}))?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_AFTER = r"(?![\u0621-\u064A])"  # the name must end a word (ماي is not ماير)
_BEFORE = r"(?<![\u0621-\u064A])"

_FULL_RE = re.compile(rf"{_BEFORE}(?P<d>[0-3]?\d)\s*(?:من\s+)?(?:شهر\s+)?{_MONTH_PAIR}{_AFTER}"
                      rf"(?:\s*(?:/|،|,)?\s*(?:من\s+)?(?:عام|العام|سنه)?\s*{_YEAR})?")
_MONTH_RE = re.compile(rf"{_BEFORE}(?:(?P<part>منتصف|اواسط|نهايه|اواخر|مطلع|بدايه|اوائل)\s+)?(?:شهر\s+)?"
                       rf"{_MONTH_PAIR}{_AFTER}(?:\s*(?:/|،|,)?\s*(?:من\s+)?(?:عام|العام)?\s*{_YEAR})?")
_YEAR_RE = re.compile(rf"{_BEFORE}(?:عام|العام|سنه)\s+{_YEAR}")
_WEEKDAY_RE = re.compile(rf"{_BEFORE}(?:[وف]?(?:يوم|مساء|صباح|ليله|ظهر|فجر)\s+)?(?:[وفب]?)(?:ال)?(?P<w>{_W}){_AFTER}"
                         rf"(?:\s+(?P<dir>الماضي|المقبل|القادم|المنصرم|الفائت))?")
_UNIT = {"اسبوع": "week", "شهر": "month", "عام": "year", "سنه": "year"}
_PAST = "الماضي|الماضيه|الفائت|الفايت|المنصرم|السابق"
_NEXT = "المقبل|المقبله|القادم|القادمه"
_THIS = "الجاري|الحالي"
# اليوم followed by an ordinal or a named day is "the day", not "today": اليوم الأول للاجتماع،
# اليوم الوطني، اليوم العالمي للمرأة.
_NOT_TODAY = ("الاول|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الاخير|التالي|السابق|الوطني|العالمي|الدولي"
              "|المفتوح|الختامي|الافتتاحي")
_RELATIVE_RE = re.compile(
    rf"{_BEFORE}(?P<prefix>في\s+وقت\s+سابق\s+من\s+|(?:منتصف|اواسط|نهايه|اواخر|مطلع|بدايه|اوائل)\s+)?"
    rf"(?:(?:هذا|هذه)\s+)?(?P<u>ال(?:اسبوع|شهر|عام|سنه))(?:\s+(?P<s>{_PAST}|{_NEXT}|{_THIS}))?{_AFTER}"
    rf"|{_BEFORE}(?P<word>اول\s+امس|امس|الامس|البارحه|اليوم(?!\s+(?:{_NOT_TODAY})){_AFTER}|غدا|الغد|بعد\s+غد){_AFTER}")
_PART = {"منتصف": "mid", "اواسط": "mid", "نهايه": "end", "اواخر": "end", "مطلع": "start", "بدايه": "start",
         "اوائل": "start"}


def find_expressions(folded: str, start: int = 0, end: int | None = None,
                     tokens: Tokens | None = None) -> list[TimeExpr]:
    """All temporal expressions in ``folded[start:end]``, longest first where they overlap.

    ``tokens`` (``triggers.tokenize(folded)``) may be passed when the caller has them; the
    patterns are then tried only where an expression can start (``_starts``).
    """
    end = len(folded) if end is None else end
    whole = start == 0 and end == len(folded)
    if whole and tokens is None:
        tokens = tokenize(folded)
    found: list[TimeExpr] = []
    starts = _starts(folded, tokens) if whole else {}
    for rx, make in ((_FULL_RE, _full), (_MONTH_RE, _month), (_YEAR_RE, _year), (_WEEKDAY_RE, _weekday),
                     (_RELATIVE_RE, _relative)):
        matches = _scan(rx, starts[rx], folded) if whole else rx.finditer(folded, start, end)
        for m in matches:
            expr = make(m)
            if expr and not any(e.start < expr.end and expr.start < e.end for e in found):
                found.append(expr)
    found.sort(key=lambda e: e.start)
    # "أمس الثلاثاء", "اليوم الإثنين": the weekday names the day; the deictic word only its side.
    return [e for k, e in enumerate(found) if not (
        e.kind == "relative" and e.rel and e.rel.startswith("day") and k + 1 < len(found)
        and found[k + 1].kind == "weekday" and found[k + 1].start - e.end <= 2)]


# Where an expression can start. Python's ``re`` tries a pattern at every position of the body:
# the five patterns cost 1.0 s of the events stage's 4.7 s on 2,889 SaudiNewsNet articles
# (benchmarks/annotators/speed.py). An expression starts where a word of a short list starts
# (the first word of every branch of a pattern with the prefixes it allows: a month, a weekday,
# يوم، عام، في ...; two month names may be glued, since _SEP may be empty) or in the last two
# digits of a number. ``_BEFORE`` forbids a letter before the start and each listed word must
# end at a space or a non-letter, so in a word without diacritics only a whole listed word can
# start a match; in a word with diacritics (rare) every position after a diacritic is tried
# too. ``_scan`` then reproduces ``finditer`` from those positions only (test_scan.py checks
# both agree on random text; benchmarks/annotators/check_identical.py on the corpus).
_PART_WORDS = ("منتصف", "اواسط", "نهايه", "اواخر", "مطلع", "بدايه", "اوائل")
_DAY_TIMES = ("يوم", "مساء", "صباح", "ليله", "ظهر", "فجر")
_START_WORDS = {
    _FULL_RE: frozenset(),  # a number: see _starts
    # a month, or two glued ones: _SEP may be empty ("أبريلمارس" reads as a pair)
    _MONTH_RE: frozenset((*_PART_WORDS, "شهر", *(n.split()[0] for n in _MONTH_OF),
                          *(a + b.split()[0] for a in _MONTH_OF if " " not in a for b in _MONTH_OF))),
    _YEAR_RE: frozenset(("عام", "العام", "سنه")),
    _WEEKDAY_RE: frozenset([p + t for p in ("", "و", "ف") for t in _DAY_TIMES]
                           + [p + a + w for p in ("", "و", "ف", "ب") for a in ("", "ال") for w in _WEEKDAY_OF]),
    _RELATIVE_RE: frozenset(("في", *_PART_WORDS, "هذا", "هذه", *("ال" + u for u in _UNIT),
                             "اول", "امس", "الامس", "البارحه", "اليوم", "غدا", "الغد", "بعد")),
}
_ANY_START_WORD = frozenset().union(*_START_WORDS.values())
_DIACRITIC_RE = re.compile("[\u064B-\u0652]")  # the diacritics tokenize keeps inside a word


def _starts(folded: str, tokens: Tokens) -> dict[re.Pattern, list[int]]:
    """Per pattern, sorted offsets where it may match in ``folded`` (a superset of its matches)."""
    texts, starts, ends = tokens.texts, tokens.starts, tokens.ends
    every = range(len(texts))
    listed = list(compress(every, map(_ANY_START_WORD.__contains__, texts)))
    # [0-3]?\d right before the month: one of the last two digits of a number
    numbers = [q for i in compress(every, map(str.isdecimal, texts))
               for q in range(max(starts[i], ends[i] - 2), ends[i])]
    marked: list[int] = []
    if _DIACRITIC_RE.search(folded):  # words written with diacritics, and every position after one
        marked = [starts[i] for i in compress(every, map(int.__ne__, map(len, texts), map(operator.sub, ends, starts)))]
        marked += [m.end() for m in _DIACRITIC_RE.finditer(folded)]
    out = {}
    for rx, words in _START_WORDS.items():
        own = numbers if rx is _FULL_RE else [starts[i] for i in listed if texts[i] in words]
        out[rx] = sorted(set(own).union(marked)) if marked else own
    return out


def _scan(rx: re.Pattern, starts: list[int], folded: str) -> Iterator[re.Match]:
    """``rx.finditer(folded)`` tried only at ``starts`` (sorted, a superset of its match starts)."""
    last = 0
    for p in starts:
        if p >= last:
            m = rx.match(folded, p)  # a lookbehind still sees the text before p
            if m:
                last = m.end()  # no pattern matches the empty string
                yield m


def _full(m: re.Match) -> TimeExpr | None:
    day, month = int(m["d"]), _MONTH_OF[m["m1"]]
    if not 1 <= day <= 31:
        return None
    year = int(m["y"]) if m["y"] else None
    return TimeExpr(m.start(), m.end(), "full" if year else "day_month", day=day, month=month, year=year)


def _month(m: re.Match) -> TimeExpr | None:
    month = _MONTH_OF[m["m1"]]
    year = int(m["y"]) if m["y"] else None
    part = _PART.get(m["part"]) if m["part"] else None
    return TimeExpr(m.start(), m.end(), "month_year" if year else "month", month=month, year=year, part=part)


def _year(m: re.Match) -> TimeExpr:
    return TimeExpr(m.start(), m.end(), "year", year=int(m["y"]))


def _weekday(m: re.Match) -> TimeExpr:
    direction = 0
    if m["dir"]:
        direction = 1 if m["dir"] in ("المقبل", "القادم") else -1
    return TimeExpr(m.start(), m.end(), "weekday", weekday=_WEEKDAY_OF[m["w"]], direction=direction)


def _relative(m: re.Match) -> TimeExpr | None:
    if m["word"]:
        word = " ".join(m["word"].split())
        shift = {"اول امس": -2, "امس": -1, "الامس": -1, "البارحه": -1, "اليوم": 0, "غدا": 1, "الغد": 1,
                 "بعد غد": 2}[word]
        return TimeExpr(m.start(), m.end(), "relative", rel=f"day{shift:+d}")
    unit = _UNIT[m["u"][2:]]
    s = m["s"] or ""
    this = bool(re.search(r"(?:هذا|هذه)\s+$", m.string[max(0, m.start("u") - 5):m.start("u")]))
    if re.fullmatch(_PAST, s):
        shift = -1
    elif re.fullmatch(_NEXT, s):
        shift = 1
    elif s or this:
        shift = 0
    else:
        return None  # "العام" alone is too often generic ("الأمين العام", "الرأي العام")
    prefix = (m["prefix"] or "").split()
    part = "before" if prefix[:1] == ["في"] else (_PART.get(prefix[0]) if prefix else None)
    return TimeExpr(m.start(), m.end(), "relative", rel=f"{unit}{shift:+d}", part=part)


def resolve(expr: TimeExpr, published: Date | None, anchor: Date | None, direction: int) -> Resolved | None:
    """Resolve ``expr`` against the publication date (or the article anchor); None if it cannot be.

    Args:
        expr: the expression.
        published: publication date, or None when unknown.
        anchor: latest full date written in the article, used only when ``published`` is None.
        direction: +1 when the event is planned (future), -1 or 0 otherwise (past or now).
    """
    if expr.kind == "full":
        return _safe(expr.year, expr.month, expr.day, "day", "text")
    if expr.kind == "month_year":
        return _month_period(expr.year, expr.month, expr.part, "text")
    if expr.kind == "year":
        return _safe(expr.year, 1, 1, "year", "text")
    ref, basis = (published, "published_at") if published else (anchor, "article_anchor")
    if ref is None:
        return None
    if expr.kind == "day_month":
        year = _nearest_year(ref, expr.month, expr.day, direction)
        return _safe(year, expr.month, expr.day, "day", basis)
    if expr.kind == "month":
        year = _nearest_year(ref, expr.month, 15, direction)
        return _month_period(year, expr.month, expr.part, basis)
    if published is None:
        return None  # weekdays and "yesterday" are deictic: the anchor is not the time of writing
    if expr.kind == "weekday":
        return Resolved(_weekday_date(published, expr.weekday, expr.direction or direction, bool(expr.direction)),
                        "day", basis)
    return _relative_date(expr, published, basis)


def _safe(year, month, day, precision, basis) -> Resolved | None:
    try:
        return Resolved(dt.date(year, month, day), precision, basis)
    except ValueError:
        return None


def _month_period(year: int, month: int, part: str | None, basis: str) -> Resolved | None:
    if part is None:
        return _safe(year, month, 1, "month", basis)
    return _safe(year, month, {"start": 1, "mid": 11, "end": 21}[part], "range", basis)


# A date without a year is placed in the year that puts it nearest to the reference date, on
# the side the tense points to when that side is within half a year (news reports events of
# the last or next few months; 183 days is half of a year).
_HALF_YEAR = 183


def _nearest_year(ref: Date, month: int, day: int, direction: int) -> int:
    best = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            delta = (dt.date(year, month, min(day, 28)) - ref).days
        except ValueError:
            continue
        penalty = abs(delta)
        if direction > 0 and delta < -3 or direction < 0 and delta > 3:
            penalty += _HALF_YEAR  # against the tense: only if nothing else is near
        if best is None or penalty < best[0]:
            best = (penalty, year)
    return best[1]


def _weekday_date(ref: Date, weekday: int, direction: int, strict: bool) -> Date:
    """The ``weekday`` nearest to ``ref`` on the ``direction`` side (ref itself unless ``strict``)."""
    if direction > 0:
        ahead = (weekday - ref.weekday()) % 7
        return ref + dt.timedelta(days=ahead or (7 if strict else 0))
    back = (ref.weekday() - weekday) % 7
    return ref - dt.timedelta(days=back or (7 if strict else 0))


def _relative_date(expr: TimeExpr, ref: Date, basis: str) -> Resolved | None:
    unit, shift = expr.rel[:-2], int(expr.rel[-2:])
    if unit == "day":
        return Resolved(ref + dt.timedelta(days=shift), "day", basis)
    if unit == "week":
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=shift)
        return Resolved(monday, "range", basis)
    if unit == "month":
        month0 = ref.year * 12 + ref.month - 1 + shift
        year, month = divmod(month0, 12)
        if expr.part == "before":  # في وقت سابق من هذا الشهر: some day of the month before ref
            return Resolved(dt.date(year, month + 1, 1), "range", basis)
        return _month_period(year, month + 1, expr.part, basis)
    year = ref.year + shift
    part = {"start": 1, "mid": 6, "end": 12}.get(expr.part or "")
    if part:
        return Resolved(dt.date(year, part, 1), "month", basis)
    return Resolved(dt.date(year, 1, 1), "year", basis)


def article_anchor(folded_body: str, exprs: list[TimeExpr] | None = None) -> Date | None:
    """Latest full date (day, month and year) written in the article, or None.

    Used when the publication date is unknown: a page's dateline, caption or body usually
    carries the date of the report; the latest one is the closest to the time of writing.
    ``exprs`` are ``find_expressions(folded_body)`` when the caller already has them.
    """
    dates = []
    for expr in find_expressions(folded_body) if exprs is None else exprs:
        if expr.kind == "full":
            r = resolve(expr, None, None, 0)
            if r:
                dates.append(r.date)
    return max(dates) if dates else None
