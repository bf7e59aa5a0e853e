"""Find reporting cues in a document and what follows them: a complementiser, a colon or a mark.

A cue is a token whose match key (after the conjunctions و/ف and the future prefix س) is in
``lexicon.CUES``. What comes after it, within the same sentence and at most ``MAX_GAP`` tokens,
decides the construction: "قال X إن ..." (indirect), "قال X: ..." (colon), "قال X “...”" (mark).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

from akhbar.tasks.text import match_key

from .lexicon import AMBIGUOUS_BARE, COMPLEMENTISERS, CUES, NON_REPORTING_BEFORE_AN

# A cue right after these words reports nothing yet said: negation, "that/so that" (expected to
# announce), future negation.
NOT_A_STATEMENT = frozenset(match_key(w) for w in ("لم", "لن", "لا", "أن", "ان", "كي", "لكي", "ولم", "ولن", "ولا"))
from .tokens import Doc, has_mark

# Longest cue-to-complementiser distance (subject + adjuncts) we accept, in tokens. The longest
# gap seen while annotating the dev part of the hand set was 13 tokens ("قال الناطق الإعلامي
# بشرطة منطقة مكة المكرمة العقيد دكتور عاطي بن عطية القرشي بأن"); 16 leaves some slack
# without letting a cue reach an unrelated "أن" two clauses later.
MAX_GAP = 16


@dataclass
class Cue:
    """One reporting cue: token index, lemma, form kind and what follows it.

    ``follow`` is "comp" (complementiser at token ``comp``), "colon", "mark" or "none";
    ``window`` is the token range (lo, hi) between the cue and that follower: the subject.
    """

    index: int
    lemma: str
    form: str
    prefixed: bool
    follow: str
    comp: int | None
    window: tuple[int, int]


@lru_cache(maxsize=1 << 18)
def _lookup(key: str) -> tuple[str, str, bool] | None:
    """(lemma, form, had_conjunction) for a token key, or None when it is no cue."""
    if key in CUES and key not in AMBIGUOUS_BARE:
        return (*CUES[key], False)
    for prefix in ("وس", "فس", "و", "ف", "س"):
        rest = key[len(prefix):]
        if key.startswith(prefix) and len(rest) >= 3 and rest in CUES:
            lemma, form = CUES[rest]
            if prefix.endswith("س") and not rest[0] in "يتنا":  # future only on present verbs
                continue
            return lemma, form, prefix[0] in "وف"
    return None


# Every key ``_lookup`` can accept (a cue, or a cue after و/ف/س): a set test skips the other
# words of a body without a call each.
_MAYBE_CUE = frozenset(CUES) | {p + k for p in ("وس", "فس", "و", "ف", "س") for k in CUES}


def _follower(doc: Doc, i: int, sent_end: int) -> tuple[str, int | None, int]:
    """Scan after cue ``i``: return (kind, complementiser index, window end index)."""
    starts, keys = doc.starts, doc.keys
    last = min(len(keys) - 1, i + MAX_GAP)
    j = i
    while True:
        between = doc.gap(j)
        if ":" in between:
            return "colon", None, j + 1
        if has_mark(between):
            skip = _short_quoted(doc, j, sent_end)
            if skip is None:
                return "mark", None, j + 1
            j = skip - 1  # a quoted name such as «الناتو» inside the subject: read past it
        j += 1
        if j > last or starts[j] >= sent_end:
            return "none", None, j
        if keys[j] in COMPLEMENTISERS and keys[j - 1] not in NON_REPORTING_BEFORE_AN:
            return "comp", j, j
        if _lookup(keys[j]) is not None and j > i + 1:
            return "none", None, j  # another cue starts: this one has no clause of its own


def _short_quoted(doc: Doc, j: int, sent_end: int) -> int | None:
    """Index of the token after a short (<= 3 tokens) marked name that opens after token ``j``.

    None when the mark opens a real quote (longer, or not closed within the sentence).
    """
    starts = doc.starts
    for k in range(j + 1, min(len(starts), j + 4)):
        if starts[k] >= sent_end:
            return None
        if has_mark(doc.gap(k)):
            if ":" in doc.gap(k):
                return None
            return k + 1 if k + 1 < len(starts) and starts[k + 1] < sent_end else None
    return None


def find_cues(doc: Doc) -> list[Cue]:
    """All reporting cues of ``doc`` in text order, with their follower and subject window."""
    cues = []
    keys = doc.keys
    for i in compress(range(len(keys)), map(_MAYBE_CUE.__contains__, keys)):
        hit = _lookup(keys[i])
        if hit is None:
            continue
        lemma, form, prefixed = hit
        if i > 0 and keys[i - 1] in NOT_A_STATEMENT:
            continue  # "لم يكشف"، "من المتوقع أن يعلن": negated or not yet said
        s = doc.sentence_of(doc.starts[i])
        sent_end = doc.sentences[s][1] if doc.sentences else len(doc.body)
        follow, comp, hi = _follower(doc, i, sent_end)
        cues.append(Cue(i, lemma, form, prefixed, follow, comp, (i + 1, hi)))
    return cues
