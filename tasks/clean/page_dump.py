"""Plain-text page dumps: split a dumped page into header, article body and footer.

A dump is the visible text of a news page, one block per line: the headline first (sometimes
after menu words, sometimes a shortened variant, often repeated), metadata lines (section,
byline, date, icon words), the article, then widgets and the site footer. The article is found
structurally: it runs from the first *paragraph line* (a long Arabic sentence) to the last one
before the first closing widget (share bar, comment form, tags...). Inside it, chrome, captions,
Latin-only lines and credit lines are dropped; short Arabic lines stay (subheadings). Metadata
is read from the header zone first: a date in a photo caption or a body sentence is not the
publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import datetime

from akhbar.tasks.clean import authors as au
from akhbar.tasks.clean import boilerplate as bp
from akhbar.tasks.clean import metadata as md
from akhbar.tasks.clean.dates import find_dates
from akhbar.tasks.clean.normalize import normalize_text
from akhbar.tasks.text import ARABIC_LETTER_RE, match_key

# A paragraph line: an Arabic sentence of at least 12 words that ends like a sentence, or any
# Arabic line of 25+ words. Measured on 10k SaudiNewsNet articles (42.5k non-empty body
# lines, 10k titles): body lines have a median of 42 words, 86% have >= 12 and 74% >= 25;
# titles have a median of 8 words, 99th percentile 14, maximum 23 (so no title reaches 25),
# and only 0.14% end with a full stop. Lines under 12 words inside the article (subheadings,
# "وأضاف:") are kept as body; they just cannot open or close it.
PARA_MIN_WORDS = 12
PARA_ANY_WORDS = 25
_SENTENCE_END = re.compile(r"[.!?؟…:\"”»)]\s*$")
# Titles: first line that is not chrome and has at least this many words (menu and section
# words above a headline are 1–2 words: "الدفاع", "تواصل معنا"; 1% of SaudiNewsNet titles
# have 2 words or fewer, handled by a fallback in find_title).
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 40


@dataclass
class Parsed:
    """What a page yields before the final normalisation and reject rules."""

    title: str | None = None
    published_at: datetime | None = None
    published_text: str | None = None
    outlet: str | None = None
    agencies: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    body: str = ""


_LETTER_RE = re.compile(r"[^\W\d_]")  # a Unicode letter, as str.isalpha (faster than a loop)


def is_latin_line(line: str) -> bool:
    """True for a line with no Arabic letter (English captions, icon rows, bullets)."""
    return not ARABIC_LETTER_RE.search(line)


def is_paragraph(line: str) -> bool:
    """True for a line that reads as article prose (see PARA_MIN_WORDS)."""
    n = len(line.split())
    if n < PARA_MIN_WORDS:
        return False
    letters = len(_LETTER_RE.findall(line))
    if not letters or len(ARABIC_LETTER_RE.findall(line)) / letters < 0.5:
        return False
    return n >= PARA_ANY_WORDS or bool(_SENTENCE_END.search(line))


@dataclass
class Line:
    """One non-empty line of a dump with its classification, computed once."""

    text: str
    droppable: bool  # widget, caption, Latin-only or credit line
    paragraph: bool
    key: str  # match_key, for comparisons with the headline

    @classmethod
    def of(cls, text: str) -> Line:
        if len(text) <= bp.MAX_WIDGET_CHARS:
            return cls(text, *_classify_short(text))
        # Long lines are never widgets, and never need their key (no headline is that long).
        return cls(text, False, is_paragraph(text), "")


# Menus, share bars and footers repeat on every page of a site: classify each short line once
# per process. Bounded: 50k lines of at most MAX_WIDGET_CHARS are ~35 MB at worst.
@lru_cache(maxsize=50_000)
def _classify_short(text: str) -> tuple[bool, bool, str]:
    droppable = (is_latin_line(text) or bp.is_chrome(text) or bp.is_caption(text)
                 or md.is_credit_line(text))
    return droppable, not droppable and is_paragraph(text), match_key(text)


def find_title(lines: list[Line]) -> tuple[int | None, str | None]:
    """Index and text of the headline, looked for above the first paragraph.

    The first line of 3+ words that is not a widget, a date or prose; failing that, the first
    non-widget line (one- and two-word headlines exist: "عاد عيدكم"). A later header line that
    starts with it and is longer is the full headline (a short variant shown first).
    """
    start = next((i for i, ln in enumerate(lines) if not ln.droppable), len(lines))
    # The first content line may read as prose by length and still be the headline
    # ("... بشأن الأزمة الأوكرانية؟"): headlines do not end with a full stop or a colon.
    skip = start + 1 if start < len(lines) and _headline_like(lines[start].text) else start
    end = next((i for i in range(skip, len(lines)) if lines[i].paragraph), len(lines))
    header = list(enumerate(lines[:end]))
    candidates = [(i, ln) for i, ln in header if not ln.droppable and not find_dates(ln.text)]
    first = next((i for i, ln in candidates
                  if TITLE_MIN_WORDS <= len(ln.text.split()) <= TITLE_MAX_WORDS),
                 candidates[0][0] if candidates else None)
    if first is None:
        return None, None
    title, key = lines[first].text, lines[first].key
    for _, ln in header[first + 1:]:
        if ln.key.startswith(key) and len(ln.text) > len(title):
            title = ln.text
    return first, title


def _headline_like(text: str) -> bool:
    return len(text.split()) < PARA_ANY_WORDS and not re.search(r"[.:،,]\s*$", text)


def split_zones(lines: list[Line], title_keys: set[str]) -> tuple[int, int] | None:
    """(first, last) line index of the article body, or None when no paragraph is found."""
    paras = [i for i, ln in enumerate(lines) if ln.paragraph and ln.key not in title_keys]
    if not paras:
        return None
    first = paras[0]
    stop = next((i for i in range(first + 1, len(lines)) if bp.is_stop(lines[i].text)), len(lines))
    last = max((i for i in paras if i < stop), default=first)
    return first, last


def parse_dump(text: str, known_title: str | None = None) -> Parsed:
    """Parse a page dump into title, date, credits and body (body is normalised).

    Args:
        text: the page's visible text, one block per line.
        known_title: a headline from the page's metadata (HTML); when given, it is the title
            and only lines repeating it are taken out of the text.
    """
    lines = [Line.of(ln) for ln in normalize_text(bp.strip_code(text)).split("\n") if ln.strip()]
    out = Parsed()
    if known_title:
        key = match_key(known_title)
        out.title = known_title
        title_idx = next((i for i, ln in enumerate(lines) if ln.key == key), None)
    else:
        title_idx, out.title = find_title(lines)
    title_keys = {match_key(out.title)} if out.title else set()
    if title_idx is not None:
        title_keys.add(lines[title_idx].key)
    zones = split_zones(lines, title_keys)
    if zones is None:
        # No Arabic prose: keep every line that is not a widget (headline and Latin lines
        # included) so that the reject rules say why (too_short, not_arabic) instead of no_text.
        out.body = "\n\n".join(ln.text for ln in lines
                                if not (bp.is_chrome(ln.text) or bp.is_caption(ln.text)))
        return out
    first, last = zones
    header = [ln.text for ln in lines[:first]]
    footer = [ln.text for ln in lines[last + 1:]]
    body = _body_lines(lines[first:last + 1], title_keys, out)
    out.body = "\n\n".join(body)
    _read_header(header, title_keys, title_idx, out)
    if footer and au.is_person_name(footer[0]):
        out.authors = au.dedup_names(out.authors + [footer[0]])  # a columnist's signature line
    _read_credits(header + footer, body[0] if body else "", out)
    if out.published_at is None:
        _read_date(body[:1], out, dateline_only=True)
    if out.published_at is None:
        _read_date([ln for ln in footer if len(ln.split()) < PARA_MIN_WORDS], out)
    return out


def _body_lines(lines: list[Line], title_keys: set[str], out: Parsed) -> list[str]:
    kept = []
    for ln in lines:
        if ln.paragraph:
            kept.append(ln.text)
        elif md.is_credit_line(ln.text):
            out.agencies.extend(md.agencies_in_credit(ln.text))
        elif names := au.byline_names(ln.text):
            out.authors.extend(names)
        elif not (ln.droppable or ln.key in title_keys):
            kept.append(ln.text)
    return kept


def _read_header(header: list[str], title_keys: set[str], title_idx: int | None,
                 out: Parsed) -> None:
    """Date, bylines and lone name lines from the lines above the article.

    The date is the first one in a header line that is neither a caption nor the headline;
    a stamp on an "updated" line is used only when no other line has one.
    """
    content = [ln for ln in header if not bp.is_caption(ln) and match_key(ln) not in title_keys]
    published = [ln for ln in content if not _UPDATE_RE.search(ln)]
    _read_date(published, out)
    if out.published_at is None:
        _read_date(content, out)
    for i, ln in enumerate(header):
        out.authors.extend(au.byline_names(ln))
        dates = find_dates(ln)
        if dates and dates[0][0] > 0:  # "نور السبكي13 يناير 2022": a name glued to the date
            prefix = ln[:dates[0][0]].strip(" -–|،,:")
            if au.is_person_name(prefix):
                out.authors.append(prefix)
        if title_idx is not None and i == title_idx + 1 and au.is_person_name(ln):
            out.authors.append(ln)  # a lone name line right under the headline
    out.authors = au.dedup_names(out.authors)


# Lines that carry a modification stamp rather than the publication stamp.
_UPDATE_RE = re.compile(r"(تحديث|تعديل|عُدّل|عدل في|updated|modified)", re.IGNORECASE)


def _read_date(lines: list[str], out: Parsed, dateline_only: bool = False) -> None:
    for ln in lines:
        text = md.dateline_of(ln) if dateline_only else ln
        dates = find_dates(text) if text else []
        if dates:
            _, out.published_at, out.published_text = dates[0]
            return


def _read_credits(outer: list[str], first_para: str, out: Parsed) -> None:
    """Agencies from credit lines and the opening dateline; outlet when the page names itself."""
    for ln in outer:
        if md.is_credit_line(ln):
            out.agencies.extend(md.agencies_in_credit(ln))
        out.outlet = out.outlet or md.outlet_from_self_description(ln)
    dateline = md.dateline_of(first_para)
    if dateline:
        out.agencies.extend(md.agencies_in_credit(dateline))
        out.outlet = out.outlet or md.outlet_from_dateline(dateline)
    out.agencies = sorted(set(out.agencies))
