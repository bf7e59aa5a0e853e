"""Tokens, sentences and paragraphs of one body, with code-point offsets (shared by the rules)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from akhbar.tasks.text import match_key, sentence_spans

from .lexicon import ALL_MARKS

# A token is a run of characters that are neither space, punctuation nor a quote mark; the
# tatweel in "لـ" stays inside the token (match_key removes it).
_TOKEN_RE = re.compile(r"[^\s\"“”„«»‟‘’'‚،,:;؛!?؟.()\[\]{}<>/\\|*–—…-]+")


class Token(NamedTuple):
    """One word: offsets into the body, the surface and its match key (a tuple: built per word)."""

    start: int
    end: int
    text: str
    key: str


@dataclass
class Doc:
    """A body split once into tokens, sentences and paragraphs, with lookup helpers."""

    body: str
    tokens: list[Token]
    sentences: list[tuple[int, int]]
    paragraphs: list[tuple[int, int]]
    _sent_starts: list[int] = field(default_factory=list)
    _par_starts: list[int] = field(default_factory=list)
    _tok_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._sent_starts = [s for s, _ in self.sentences]
        self._par_starts = [s for s, _ in self.paragraphs]
        self._tok_starts = [t.start for t in self.tokens]

    def first_token_from(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset`` (len(tokens) if none)."""
        return bisect.bisect_left(self._tok_starts, offset)

    def token_range(self, start: int, end: int) -> range:
        """Indices of the tokens that start in [start, end)."""
        return range(self.first_token_from(start), self.first_token_from(end))

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (the last one starting at or before it)."""
        return max(0, bisect.bisect_right(self._sent_starts, offset) - 1)

    def paragraph_of(self, offset: int) -> tuple[int, int]:
        """(start, end) of the paragraph holding ``offset``."""
        return self.paragraphs[max(0, bisect.bisect_right(self._par_starts, offset) - 1)]

    def gap(self, i: int) -> str:
        """The characters between token ``i`` and token ``i + 1`` (punctuation, marks, space)."""
        end = self.tokens[i + 1].start if i + 1 < len(self.tokens) else len(self.body)
        return self.body[self.tokens[i].end:end]


@lru_cache(maxsize=1 << 18)
def word_key(word: str) -> str:
    """``match_key`` of one word, cached: news vocabulary repeats, and this is the hot path."""
    return match_key(word)


def make_doc(body: str) -> Doc:
    """Tokenise ``body`` and split it into sentences (``sentence_spans``) and paragraphs."""
    tokens = [Token(m.start(), m.end(), m.group(), word_key(m.group())) for m in _TOKEN_RE.finditer(body)]
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", body) if m.group().strip()]
    return Doc(body, tokens, sentence_spans(body), paragraphs or [(0, len(body))])


def has_mark(text: str) -> bool:
    """True when ``text`` holds any quote mark."""
    return any(ch in ALL_MARKS for ch in text)


def trim(body: str, start: int, end: int, chars: str = " \n\t.،,؛;:") -> tuple[int, int]:
    """Shrink [start, end) past leading/trailing ``chars``."""
    while start < end and body[start] in chars:
        start += 1
    while end > start and body[end - 1] in chars:
        end -= 1
    return start, end
