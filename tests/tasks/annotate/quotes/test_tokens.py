"""The quote rules' tokens, cue scan and speaker search read the same words as the plain code.

``make_doc`` builds parallel lists with ``re.split`` instead of a Match and a Token per word,
and ``find_cues`` tests a set before calling ``_lookup``; these tests compare them with the
straightforward definitions on random text built to hit the edge cases.
"""

from __future__ import annotations

import random

from akhbar.tasks.annotate.quotes.cues import _MAYBE_CUE, _lookup
from akhbar.tasks.annotate.quotes.lexicon import CUES
from akhbar.tasks.annotate.quotes.tokens import _TOKEN_RE, Token, make_doc
from akhbar.tasks.text import match_key

_WORDS = ("وقال", "قال", "إن", "أن", "بأن", "الرئيس", "«الناتو»", "“نحن", "هنا”", "وأضاف:", "سيعلن", "فسيعلن",
          "مشيرا", "إلى", "ـ", "لـ", "3.5", "abc", "'كلمة'", "(", ")", "،", "؟", "…", "أكّد", "يُذكر")
_GLUE = ("", " ", "  ", "\n", "\n\n", "، ", ". ", ": ", "\"", "«", "»", "-", "/")


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_WORDS) + rng.choice(_GLUE) for _ in range(rng.randint(0, 20))) for _ in range(n)]


def test_tokens_match_the_regex_tokens():
    for body in _texts(500, 1) + ["", " ", "«»", "قال"]:
        doc = make_doc(body)
        expected = [Token(m.start(), m.end(), m.group(), match_key(m.group())) for m in _TOKEN_RE.finditer(body)]
        assert list(doc.tokens) == expected
        assert doc.tokens[2:5] == expected[2:5]
        assert [doc.gap(i) for i in range(len(expected))] == [
            body[t.end:(expected[i + 1].start if i + 1 < len(expected) else len(body))] for i, t in enumerate(expected)]


def test_every_cue_key_passes_the_set_test():
    keys = set(CUES) | {p + k for p in ("و", "ف", "س", "وس", "فس", "ب", "ال") for k in CUES}
    keys |= {match_key(w) for body in _texts(200, 2) for w in _TOKEN_RE.findall(body)}
    accepted = {k for k in keys if _lookup(k) is not None}
    assert accepted and accepted <= _MAYBE_CUE
    assert any(k not in _MAYBE_CUE for k in keys)  # the set does reject words
