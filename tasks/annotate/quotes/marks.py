"""Pair quote marks inside each paragraph and tell quotations from quoted names and titles.

Arabic web text uses “…”, ”…“ (reversed by right-to-left editors), "…", «…», „…“, mixed pairs
(«…” ), broken pairs (»…») and an opening mark that is never closed. Double marks are therefore
paired by order of appearance within a paragraph, whatever their shape, with one exception: a «
met inside an open quote of another shape opens a nested quote that its » closes. A mark left
open runs to the end of the paragraph. Single marks (‘…’, '…') pair only around whole words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from akhbar.tasks.text import match_key

from .lexicon import DOUBLE_MARKS, NAMING_NOUNS
from .tokens import Doc, trim

_DOUBLE_RE = re.compile(f"[{re.escape(DOUBLE_MARKS)}]")
_SINGLE_RE = re.compile(r"(?:(?<=[\s(])|^)['‘]([^'‘’\n]{3,300}?)['’](?=[\s.,،:;؛!?؟)]|$)", re.MULTILINE)
# Words that mark a quoted phrase as a label under discussion, not speech: "حول"/"بشأن" X,
# "ما يسمى" X, X "المزعوم".
_SCARE_BEFORE = frozenset(match_key(w) for w in ("حول", "بشأن", "عن", "يسمى", "تسمى", "يسمي", "بما", "المسمى", "المسماة", "بمسمى"))
_SCARE_AFTER = frozenset(match_key(w) for w in ("المزعوم", "المزعومة", "المزعومين"))


@dataclass(frozen=True)
class Marked:
    """Text between a pair of marks: [start, end) inside the marks, the marks' own offsets."""

    start: int
    end: int
    open_at: int
    close_at: int | None  # None: never closed (runs to the paragraph end)
    n_tokens: int


def _side(body: str, pos: int, lo: int, hi: int) -> str:
    """"open" when a mark hugs the word after it, "close" when it hugs the word before it,
    "" when spacing does not tell (``“word”`` vs ``word” word``); shape is not used because
    right-to-left editors reverse it."""
    before = body[pos - 1] if pos > lo else " "
    after = body[pos + 1] if pos + 1 < hi else " "
    if before in "وبلفـ" and (pos - 1 == lo or body[pos - 2].isspace()):
        before = " "  # a one-letter prefix glued to the mark ("و«…»", "بـ“…”")
    opens = not after.isspace() and after not in ".,،:;؛!?؟)" and (before.isspace() or before in "(:،,؛")
    closes = not before.isspace() and (after.isspace() or after in ".,،:;؛!?؟)")
    return "open" if opens and not closes else "close" if closes and not opens else ""


def _pair_paragraph(body: str, lo: int, hi: int) -> list[tuple[int, int | None]]:
    """(open, close) offsets of double-mark pairs in body[lo:hi]; close None when left open.

    A stack pairs marks in order; a mark whose spacing says "opening" while a quote is open
    starts a nested quote (“… “name” …”) instead of closing the outer one.
    """
    pairs: list[tuple[int, int | None]] = []
    stack: list[int] = []
    for m in _DOUBLE_RE.finditer(body, lo, hi):
        pos = m.start()
        if not stack or _side(body, pos, lo, hi) == "open":
            stack.append(pos)
        else:
            pairs.append((stack.pop(), pos))
    if stack:
        pairs.append((stack[0], None))
    return pairs


def find_marked(doc: Doc) -> list[Marked]:
    """Every marked span of the document (outer and nested), in text order."""
    out = []
    body = doc.body
    for lo, hi in doc.paragraphs:
        for open_at, close_at in _pair_paragraph(body, lo, hi):
            s, e = trim(body, open_at + 1, close_at if close_at is not None else hi, " \n\t")
            if e > s:
                out.append(Marked(s, e, open_at, close_at, _count_tokens(doc, s, e)))
        for m in _SINGLE_RE.finditer(body, lo, hi):
            s, e = trim(body, m.start(1), m.end(1), " \n\t")
            if e > s:
                out.append(Marked(s, e, m.start(), m.end() - 1, _count_tokens(doc, s, e)))
    out.sort(key=lambda q: q.start)
    return out


def _count_tokens(doc: Doc, start: int, end: int) -> int:
    return sum(1 for i in doc.token_range(start, end) if doc.ends[i] <= end)


def _token_before(doc: Doc, offset: int) -> str:
    """Match key of the word before ``offset`` without a one-letter و/ب/ل/ف prefix."""
    i = doc.first_token_from(offset) - 1
    while i >= 0 and doc.ends[i] > offset:
        i -= 1
    if i < 0:
        return ""
    key = doc.keys[i]
    if len(key) <= 2 and i > 0:  # "و»المنجل»", "بـ“…”": look one word further back
        key = doc.keys[i - 1]
    if key[:1] in "وبلف" and key[1:] in NAMING_NOUNS | _SCARE_BEFORE:
        key = key[1:]
    for article in ("ال", "وال", "بال", "لل"):  # "المسرحية “…”", "للمجموعة «…»"
        if key.startswith(article) and key[len(article):] in NAMING_NOUNS:
            return key[len(article):]
    return key


def _token_after(doc: Doc, offset: int) -> str:
    i = doc.first_token_from(offset)
    return doc.keys[i] if i < len(doc.tokens) else ""


def is_label(doc: Doc, q: Marked) -> bool:
    """True when the marks hold a name, title or scare term rather than someone's words.

    One word is a name ("الناتو", "إنترفاكس"); a phrase after a naming noun is a title
    (مسرحية “…”, وكالة “…”); "حول “…”" or "“…” المزعوم" is a scare quote.
    """
    if q.n_tokens <= 1:
        return True
    if q.n_tokens <= 4 and doc.body[max(0, q.open_at - 3):q.open_at].rstrip().endswith(("لـ", " ل")):
        return True  # "قال لـ«الشرق الأوسط»": the addressee, not words
    before = _token_before(doc, q.open_at)
    if before in NAMING_NOUNS:
        return True
    after = _token_after(doc, (q.close_at or q.end) + 1)
    return q.n_tokens <= 4 and (before in _SCARE_BEFORE or after in _SCARE_AFTER)
