"""Character-level normalisation of article text, in Python and as vectorised polars expressions.

Two steps, always in this order: ``fold_presentation_forms`` (legacy Arabic presentation forms,
U+FB50–U+FDFF and U+FE70–U+FEFF, to ordinary letters) and then ``final_text`` from
``akhbar.tasks.text``, applied last so that the stored body is final.

Why fold presentation forms: about 0.1% of SaudiNewsNet articles (measured: alriyadh, alweeam)
are typed in presentation forms (``ﻛﺸﻔﺖ`` for ``كشفت``); they look right but match no Arabic
regex, so they would be rejected as ``not_arabic`` and would defeat every annotator.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import polars as pl

from akhbar.tasks.text import final_text

# Rust-regex twins of the patterns in tasks/text.py. Python's str.isspace also counts the
# information separators U+001C..U+001F, which Unicode White_Space (Rust's \s) does not.
_INVISIBLE_CLASS = (
    "[\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\u2060\ufeff\u00ad]"
)
_HSPACE_CLASS = r"[[\s\x1c-\x1f]&&[^\n]]+"


@lru_cache(maxsize=1)
def _presentation_map() -> dict[str, str]:
    """Presentation-form code point -> NFKC letters (ligatures of whole words excluded)."""
    table: dict[str, str] = {}
    for lo, hi in ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF)):
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            folded = unicodedata.normalize("NFKC", ch)
            # Keep the word ligatures (ﷺ, ﷲ) as they are: NFKC expands them into phrases.
            if folded != ch and len(folded.replace(" ", "")) <= 3 and unicodedata.name(ch, ""):
                table[ch] = folded.strip() or folded
    return table


@lru_cache(maxsize=1)
def _presentation_table() -> dict[int, str]:
    return str.maketrans(_presentation_map())


def fold_presentation_forms(text: str) -> str:
    """Replace Arabic presentation forms by the ordinary letters they display."""
    return text.translate(_presentation_table())


def normalize_text(text: str) -> str:
    """Return the stored form of ``text``: presentation forms folded, then ``final_text``."""
    return final_text(fold_presentation_forms(text))


def normalize_expr(col: pl.Expr) -> pl.Expr:
    """Vectorised ``normalize_text`` over a string column (tested equal on SaudiNewsNet)."""
    mapping = _presentation_map()
    folded = col.str.replace_many(list(mapping), list(mapping.values()))
    return (
        folded.str.replace_all("\r\n", "\n", literal=True)
        .str.replace_all("\r", "\n", literal=True)
        .str.normalize("NFC")
        .str.replace_all(_INVISIBLE_CLASS, "")
        .str.replace_all(_HSPACE_CLASS, " ")
        .str.replace_all(r"(?m)^ | $", "")
        .str.replace_all(r"\n{3,}", "\n\n")
        .str.strip_chars()
    )


def n_words_expr(col: pl.Expr) -> pl.Expr:
    """Number of whitespace-separated tokens, as int32 (``len(body.split())``)."""
    return col.str.count_matches(r"\S+").cast(pl.Int32)
