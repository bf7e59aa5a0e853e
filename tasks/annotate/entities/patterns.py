"""Institution names by their Arabic shape: a head noun followed by a genitive chain.

Arabic news names institutions as head + iḍāfa/adjective chain: وزارة الداخلية، هيئة التحقيق
والادعاء العام، الجهاز المركزي للتعبئة العامة، جامعة برمنغهام. The chain continues over
definite words (ال...), their coordination (وال...), fused ل+ال (للأرصاد) and, right
after the head, a word unknown to the training vocabulary (a foreign name); it stops at
anything else, at punctuation, at time words and after six words. Used as a tagger feature
only: as direct ORG candidates it cost ORG precision on the ANERcorp dev split (RESULTS.md).
"""

from __future__ import annotations

from functools import lru_cache

from akhbar.tasks.annotate.entities.gazetteer import vocab_counts
from akhbar.tasks.annotate.entities.lexicon import WORD_CACHE, match_key
from akhbar.tasks.text import MONTH_BY_KEY, WEEKDAY_BY_KEY

# Heads written without the article open a construct state (وزارة الداخلية).
INDEFINITE_HEADS = frozenset(match_key(w) for w in (
    "وزارة", "هيئة", "مجلس", "جامعة", "شركة", "وكالة", "مكتب", "مديرية", "أمانة", "إمارة", "نادي",
    "بنك", "صندوق", "محكمة", "حزب", "حركة", "منظمة", "اتحاد", "مؤسسة", "جمعية", "لجنة", "مركز",
    "معهد", "جهاز", "رئاسة", "مصرف", "بورصة", "مستشفى", "صحيفة", "جريدة", "مجموعة", "إدارة", "شرطة",
    "قوات", "جيش", "برلمان", "مكتبة", "غرفة", "ديوان", "تنظيم", "جبهة", "تحالف", "حلف",
))
# Heads with the article need a definite adjective after them (الهيئة العامة، البرلمان العربي).
DEFINITE_HEADS = frozenset(match_key(w) for w in (
    "الرئاسة", "الهيئة", "الجهاز", "الاتحاد", "المجلس", "المؤسسة", "المديرية", "الإدارة", "البنك",
    "المكتب", "البرلمان", "الصندوق", "المركز", "الجمعية", "اللجنة", "المنظمة",
))
_TIME_WORDS = frozenset(MONTH_BY_KEY) | frozenset(WEEKDAY_BY_KEY) | frozenset(
    match_key(w) for w in ("اليوم", "الأمس", "أمس", "الماضي", "المقبل", "الحالي", "الجاري")
)
MAX_CHAIN = 6


@lru_cache(maxsize=WORD_CACHE)
def _continues(token: str, right_after_head: bool) -> bool:
    """True when ``token`` can continue an institution name's genitive chain.

    A word unknown to the ANERcorp vocabulary (a foreign name: جامعة برمنغهام) continues
    only right after the head; later in the chain unknown words are mostly verbs.
    """
    key = match_key(token)
    if not token or key in _TIME_WORDS or not token[0].isalpha():
        return False
    if key.startswith(("ال", "وال", "لل")) and len(key) > 3:
        return True
    return right_after_head and len(key) >= 3 and vocab_counts()[0].get(key, 0) == 0


def institution_spans(tokens: list[str]) -> list[tuple[int, int]]:
    """(first, last) token spans of head + chain, at least two words, left to right."""
    out, i, n = [], 0, len(tokens)
    if len(_HEAD_KIND) > WORD_CACHE:  # bounded memo, cleared before (never during) a fill
        _HEAD_KIND.clear()
        _HEADS.clear()
    for token in set(tokens).difference(_HEAD_KIND):
        _head_kind(token)
    if _HEADS.isdisjoint(tokens):  # most sentences: one C-level set test
        return out
    while i < n:
        kind = _HEAD_KIND.get(tokens[i])
        if kind is None:
            kind = _head_kind(tokens[i])
        if not kind:
            i += 1
            continue
        definite = kind == 2
        j = i + 1
        while j < n and j - i <= MAX_CHAIN and _continues(tokens[j], j == i + 1):
            if definite and j == i + 1 and not match_key(tokens[j]).startswith("ال"):
                break
            j += 1
        if j - i >= 2:
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


# token -> 0 (not a head), 1 (indefinite head, possibly after و/ب/ل), 2 (definite head);
# a plain dict because this runs on every token of every sentence.
_HEAD_KIND: dict[str, int] = {}
_HEADS: set[str] = set()  # the tokens of _HEAD_KIND whose kind is not 0
_MEMOS = (_HEAD_KIND, _HEADS)  # what a worker over its memory budget clears (flows/memory.py)


def _head_kind(token: str) -> int:
    key = match_key(token)
    if key in DEFINITE_HEADS:
        kind = 2
    elif key in INDEFINITE_HEADS or (len(key) > 3 and key[0] in "وبل" and key[1:] in INDEFINITE_HEADS):
        kind = 1
    else:
        kind = 0
    _HEAD_KIND[token] = kind
    if kind:
        _HEADS.add(token)
    return kind
