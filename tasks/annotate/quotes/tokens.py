"""Tokens, sentences and paragraphs of one body, with code-point offsets (shared by the rules)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import NamedTuple

from akhbar.tasks.text import match_key, sentence_spans

from .lexicon import ALL_MARKS

# A token is a run of characters that are neither space, punctuation nor a quote mark; the
# tatweel in "لـ" stays inside the token (match_key removes it).
_TOKEN_RE = re.compile(r"[^\s\"“”„«»‟‘’'‚،,:;؛!?؟.()\[\]{}<>/\\|*–—…-]+")


# The same tokens through ``re.split``: separators and words alternate, so offsets are running
# sums of the pieces' lengths and no Match object nor Token is built per word (``finditer``
# and a Token per word were 2.5 s of the 3.5 s quotes stage on 2,889 SaudiNewsNet articles,
# benchmarks/annotators/speed.py).
_SPLIT_RE = re.compile(f"({_TOKEN_RE.pattern})")
_LINE_RE = re.compile(r"[^\n]+")


class Token(NamedTuple):
    """One word: offsets into the body, the surface and its match key."""

    start: int
    end: int
    text: str
    key: str


class TokenView(Sequence):
    """The words of a ``Doc`` read as ``Token`` objects, built on access from its lists."""

    __slots__ = ("doc",)

    def __init__(self, doc: Doc):
        self.doc = doc

    def __len__(self) -> int:
        return len(self.doc.starts)

    def __getitem__(self, i):
        d = self.doc
        if isinstance(i, slice):
            return list(map(Token, d.starts[i], d.ends[i], d.texts[i], d.keys[i]))
        return Token(d.starts[i], d.ends[i], d.texts[i], d.keys[i])


@dataclass
class Doc:
    """A body split once into tokens, sentences and paragraphs, with lookup helpers.

    Tokens are four parallel lists (``starts``, ``ends``, ``texts``, ``keys``); ``tokens``
    shows them as ``Token`` objects for the rules that read a few words at a time.
    """

    body: str
    starts: list[int]
    ends: list[int]
    texts: list[str]
    keys: list[str]
    sentences: list[tuple[int, int]]
    paragraphs: list[tuple[int, int]]
    _sent_starts: list[int] = field(default_factory=list)
    _par_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._sent_starts = [s for s, _ in self.sentences]
        self._par_starts = [s for s, _ in self.paragraphs]
        self.tokens = TokenView(self)

    def first_token_from(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset`` (len(tokens) if none)."""
        return bisect.bisect_left(self.starts, offset)

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
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.body)
        return self.body[self.ends[i]:end]


# match_key per word form seen so far: one set difference and one dict read per word instead
# of a cached call per word. Cleared when large so that a long-running worker stays bounded.
_KEYS: dict[str, str] = {}
_MAX_KEYS = 1 << 19
_MEMOS = (_KEYS,)  # what a worker over its memory budget clears (flows/memory.py)


def _word_keys(words: list[str]) -> list[str]:
    """``match_key`` of every word (news vocabulary is Zipfian: almost every form is a repeat)."""
    new = set(words).difference(_KEYS)
    if new:
        if len(_KEYS) > _MAX_KEYS:
            _KEYS.clear()
            new = set(words)
        _KEYS.update((w, match_key(w)) for w in new)
    return list(map(_KEYS.__getitem__, words))


def make_doc(body: str) -> Doc:
    """Tokenise ``body`` and split it into sentences (``sentence_spans``) and paragraphs."""
    parts = _SPLIT_RE.split(body)
    ends = list(accumulate(map(len, parts)))
    words = parts[1::2]
    paragraphs = [(m.start(), m.end()) for m in _LINE_RE.finditer(body) if m.group().strip()]
    return Doc(body, ends[0:-1:2], ends[1::2], words, _word_keys(words), sentence_spans(body),
               paragraphs or [(0, len(body))])


_MARKS = frozenset(ALL_MARKS)


def has_mark(text: str) -> bool:
    """True when ``text`` holds any quote mark."""
    return not _MARKS.isdisjoint(text)


def trim(body: str, start: int, end: int, chars: str = " \n\t.،,؛;:") -> tuple[int, int]:
    """Shrink [start, end) past leading/trailing ``chars``."""
    while start < end and body[start] in chars:
        start += 1
    while end > start and body[end - 1] in chars:
        end -= 1
    return start, end
