"""CRF features of a tokenised sentence: word shape, affixes, clitics, gazetteers, context, titles.

The per-word part is memoised (the same word gets the same features anywhere), so the cost
per token is a cache hit plus a few string concatenations for context.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import chain, repeat

import numpy as np

from akhbar.tasks.annotate.entities.gazetteer import given_names, neighbour_classes, vocab_counts, word_clusters
from akhbar.tasks.annotate.entities.lexicon import WORD_CACHE, _proclitic_length, is_nisba, match_key
from akhbar.tasks.annotate.entities.patterns import institution_spans
from akhbar.tasks.annotate.entities.phrases import find_phrases, known_words, type_index

# Words that introduce a person or an organisation in Arabic news (match_key forms).
TITLES = frozenset(match_key(w) for w in (
    "الرئيس", "رئيس", "رئيسة", "الرئيسة", "وزير", "وزيرة", "الوزير", "المتحدث", "المتحدثة", "باسم",
    "الناطق", "الملك", "الأمير", "الأميرة", "الشيخ", "السيد", "السيدة", "الدكتور", "د", "الجنرال",
    "العقيد", "اللواء", "العميد", "الأمين", "السفير", "المبعوث", "مستشار", "المستشار", "المستشارة",
    "نائب", "زعيم", "قائد", "مدير", "المدير", "الإمام", "البابا", "الشيخة", "سمو", "معالي", "فخامة",
    "المهندس", "الأستاذ", "النائب", "السناتور", "المرشح", "ولي", "العهد", "خادم", "الحرمين",
    # v5: roles that introduce a person's name in news (ANERcorp tuning-split misses: الكاردينال
    # بوليكاربو, المذيعة أوبرا وينفري, الشاعرة مايا أنجيلو, سائق فيراري ...)
    "الكاردينال", "المطران", "الحاخام", "القس", "المفتي", "مفتي", "الدكتورة", "المهندسة", "الشيخ",
    "اللاعب", "لاعب", "المدرب", "مدرب", "المهاجم", "الحارس", "المذيع", "المذيعة", "الشاعر",
    "الشاعرة", "الكاتب", "الكاتبة", "الفنان", "الفنانة", "المغني", "المغنية", "الممثل", "الممثلة",
    "السائق", "سائق", "الملاكم", "المصارع", "الروائي", "المخرج", "الصحفي", "الصحافي", "المراسل",
))
# Words that open organisation names (ANERcorp ORG heads).
ORG_HEADS = frozenset(match_key(w) for w in (
    "وزارة", "منظمة", "حزب", "حركة", "جماعة", "تنظيم", "شركة", "مجلس", "وكالة", "هيئة", "جامعة",
    "اتحاد", "الاتحاد", "بنك", "البنك", "صندوق", "لجنة", "اللجنة", "مؤسسة", "جمعية", "حلف", "قوات",
    "جيش", "الجيش", "محكمة", "المحكمة", "صحيفة", "قناة", "مركز", "معهد", "نادي", "فريق", "مجموعة",
))


def _bucket(n: int) -> str:
    return str(n) if n < 6 else "6+"


@lru_cache(maxsize=WORD_CACHE)
def word_features(token: str) -> tuple[str, ...]:
    """Features of one word that do not depend on its neighbours (memoised; see _word_features)."""
    return _word_features(token)


def _word_features(token: str) -> tuple[str, ...]:
    """``word_features`` without the memo: the decoder computes each form once per table fill
    and keeps only the summed weights, so a second per-form cache would only hold memory."""
    key = match_key(token)
    if not token or not token[0].isalnum():
        return ("punct", "w=" + key)
    # the uncached rule: each form is seen once here, so the memo would only fill up
    skip = _proclitic_length(token, known_words(), vocab_counts()[0])
    stem = match_key(token[skip:]) if skip else key
    feats = ["w=" + key, "s=" + stem, "p=" + token[:skip], "pre2=" + stem[:2], "pre3=" + stem[:3],
             "suf2=" + stem[-2:], "suf3=" + stem[-3:], "pre4=" + stem[:4], "suf4=" + stem[-4:],
             "suf1=" + stem[-1:], "len=" + _bucket(len(stem))]
    if token.isdigit():
        feats.append("digit")
    elif token.isascii():
        feats.append("latin")
    if stem.startswith("ال"):
        feats.append("al")
    if stem in TITLES or key in TITLES or (stem.startswith("لل") and "ال" + stem[2:] in TITLES):
        feats.append("title")  # للشيخ: the fused ل+ال form of a title
    if stem in ORG_HEADS:
        feats.append("orghead")
    if is_nisba(token[skip:]):
        feats.append("nisba")
    if stem in given_names():
        feats.append("given")
    if stem in known_words():
        feats.append("known")
    if vocab_counts()[0].get(stem, 0) == 0:
        feats.append("oov")
    cls = neighbour_classes().get(stem) or neighbour_classes().get(key)
    if cls:  # distributional class from unlabeled news (covers names ANERcorp never saw)
        feats.extend(("nl=" + cls[0], "nr=" + cls[1]))
    # v3: nested PPMI-SVD k-means clusters (Brown-cluster stand-in) at three granularities.
    # Chosen on the tuning split (9th tenth of ANERcorp, RESULTS.md): micro F1 0.727 -> 0.747;
    # the clusters of the ±1 / ±2 neighbours as well gave 0.745 / 0.737, so they are not used.
    k = word_clusters().get(stem) or word_clusters().get(key)
    if k:
        feats.extend(("k1=" + k[0], "k2=" + k[1], "k3=" + k[2]))
    return tuple(feats)


def gazetteer_tags(tokens: list[str]) -> list[str]:
    """Per token: 'B-TYPE'/'I-TYPE' of the gazetteer name it belongs to, else ''."""
    tags = [""] * len(tokens)
    for m in find_phrases(tokens, type_index()):
        etype = "|".join(sorted(set(m.value)))
        tags[m.first] = "B-" + etype
        for j in range(m.first + 1, m.last):
            tags[j] = "I-" + etype
    return tags


@lru_cache(maxsize=WORD_CACHE)
def context_features(token: str, d: int) -> tuple[str, ...]:
    """Features a neighbour at offset ``d`` contributes to a token (memoised per word)."""
    return lent_features(word_features(token), d)


def lent_features(w: tuple[str, ...], d: int) -> tuple[str, ...]:
    """``context_features`` of a word from its ``word_features`` ``w`` (no memo)."""
    key = w[1] if w[0] == "punct" else w[0]
    out = [f"{d}:{key}"]
    if "title" in w:
        out.append(f"{d}:title")
    if "given" in w:
        out.append(f"{d}:given")
    if abs(d) == 1:
        out.append(f"{d}:{w[1] if w[0] != 'punct' else 'punct'}")
    return tuple(out)


CONTEXT_OFFSETS = (-2, -1, 1, 2)  # the neighbour window (±3 was measured worse: RESULTS.md)


def institution_tags(tokens: list[str]) -> list[str]:
    """Per token: 'B'/'I' inside an institution shape (head + genitive chain), else ''."""
    inst = [""] * len(tokens)
    for a, b in institution_spans(tokens):
        inst[a] = "B"
        for j in range(a + 1, b):
            inst[j] = "I"
    return inst


def sentence_features(tokens: list[str], codes=None) -> list[list[str]]:
    """CRF feature lists, one per token of a sentence (training; decoder.py mirrors them).

    ``codes``: the tokens' ``document_codes`` (document evidence); none without them.
    """
    out = _sentence_features(tokens)
    if codes is not None:
        for f, c in zip(out, codes.tolist()):
            f.extend(code_features(c))
    return out


# Document evidence (v5): what the other occurrences of a word in the same article say about
# it, as label-free cues (Krishnan and Manning 2006 use a first pass's labels; cues need one
# pass and one model, so the speed stays). ANERcorp marks no article boundaries: in training
# and on its splits a "document" is a block of DOC_SENTENCES consecutive sentences; at run time,
# the article. Tuning split, CRF alone (benchmarks/entities/RESULTS.md): no evidence 0.748,
# blocks of 21 sentences 0.767 (a sliding ±10-sentence window: 0.768), of 41: 0.763.
DOC_SENTENCES = 21
# Cue bits a word lends to its neighbour: a title, a given name or an institution head before
# an occurrence, a nisba adjective after it ("a preposition before" and "a speech verb before"
# as well: 0.765, not kept).
_TITLE, _GIVEN, _HEAD, _NISBA = 1, 2, 4, 8
_PREV_MASK = _TITLE | _GIVEN | _HEAD
_CUE_NAMES = ((_TITLE, "D:t"), (_GIVEN, "D:g"), (_HEAD, "D:o"), (_NISBA, "D:n"))
_COUNT_SHIFT = 4  # code = cue bits | (sentences holding the word: 1, 2, 3+ as 0, 1, 2) << 4
N_CODES = 3 << _COUNT_SHIFT
_FLAG_BITS = {"title": _TITLE, "given": _GIVEN, "orghead": _HEAD, "nisba": _NISBA}
_FLAG_SET = frozenset(_FLAG_BITS)


@lru_cache(maxsize=WORD_CACHE)
def form_cues(token: str) -> tuple[str | None, int]:
    """(stem feature, or None for punctuation and words under 3 letters; cue bits it lends)."""
    return cues_of(word_features(token))


def cues_of(w: tuple[str, ...]) -> tuple[str | None, int]:
    """``form_cues`` from a word's ``word_features``."""
    if w[0] == "punct":
        return None, 0
    bits = sum(map(_FLAG_BITS.__getitem__, _FLAG_SET.intersection(w)))  # C-level, no tuple scans
    return (w[1] if len(w[1]) >= 5 else None), bits  # "s=" + at least 3 letters


def document_codes(sentences: list[list[str]], docs: list[int], cues=None) -> list[np.ndarray]:
    """Per sentence, per token, the code of its document evidence (0: none), vectorised.

    ``docs[i]``: the document of sentence i. A token's code holds the cue bits seen next to
    any occurrence of its stem in the document and how many of the document's sentences hold
    the stem; ``code_features`` turns a code into CRF features. ``cues``: a function from a
    token list to their stem ids (-1: none) and cue bits, two arrays (the decoder reads them
    from its table rows); by default from ``form_cues``.
    """
    lens = np.fromiter(map(len, sentences), dtype=np.intp, count=len(sentences))
    n = int(lens.sum())
    if not n:
        return [np.zeros(k, dtype=np.intp) for k in lens.tolist()]
    flat = list(chain.from_iterable(sentences))
    if cues is None:
        stems, bits = zip(*map(form_cues, flat))
        ids = {s: i for i, s in enumerate(dict.fromkeys(stems)) if s is not None}
        stem = np.fromiter(map(ids.get, stems, repeat(-1)), dtype=np.intp, count=n)
        bits = np.array(bits, dtype=np.intp)
    else:
        stem, bits = cues(flat)
    ends = np.cumsum(lens)
    starts = (ends - lens)[lens > 0]
    prev = np.zeros(n, dtype=np.intp)
    prev[1:] = bits[:-1]
    prev[starts] = 0  # nothing before a sentence's first word
    nxt = np.zeros(n, dtype=np.intp)
    nxt[:-1] = bits[1:]
    nxt[ends[lens > 0] - 1] = 0
    cue = (prev & _PREV_MASK) | (nxt & _NISBA)
    valid = stem >= 0
    sent = np.repeat(np.arange(len(sentences)), lens)
    width = int(stem.max(initial=0)) + 1
    doc = np.asarray(docs, dtype=np.intp)[sent]
    group, inv = np.unique((doc * width + stem)[valid], return_inverse=True)
    gbits = np.zeros(group.size, dtype=np.intp)
    cue = cue[valid]
    for bit in (_TITLE, _GIVEN, _HEAD, _NISBA):  # "any occurrence has it", per group (no ufunc.at)
        gbits |= np.where(np.bincount(inv, weights=(cue & bit) > 0, minlength=group.size) > 0, bit, 0)
    # sentences (not tokens) holding the stem: one count per distinct (sentence, stem)
    _, first_of = np.unique((sent * width + stem)[valid], return_index=True)
    klass = np.minimum(np.bincount(inv[first_of], minlength=group.size), 3) - 1
    codes = np.zeros(n, dtype=np.intp)
    codes[valid] = (gbits | (klass << _COUNT_SHIFT))[inv]
    return np.split(codes, ends[:-1])


@lru_cache(maxsize=None)
def code_features(code: int) -> tuple[str, ...]:
    """CRF features of a ``document_codes`` code: its cues and the count ("D:c2", "D:c3")."""
    feats = [name for bit, name in _CUE_NAMES if code & bit]
    if code >> _COUNT_SHIFT:
        feats.append(f"D:c{(code >> _COUNT_SHIFT) + 1}")
    return tuple(feats)


def _sentence_features(tokens: list[str]) -> list[list[str]]:
    """``sentence_features`` without the document evidence."""
    words = [word_features(t) for t in tokens]
    keys = [w[1] if w[0] == "punct" else w[0] for w in words]  # the "w=<key>" feature
    gaz = gazetteer_tags(tokens)
    inst = institution_tags(tokens)
    n = len(tokens)
    out = []
    for i in range(n):
        f = list(words[i])
        if gaz[i]:
            f.append("gz=" + gaz[i])
        if inst[i]:
            f.append("inst=" + inst[i])
        if i == 0:
            f.append("BOS")
        else:
            f.append(f"-1|0:{keys[i - 1]}|{keys[i]}")
        for d in CONTEXT_OFFSETS:
            j = i + d
            if 0 <= j < n:
                f.extend(context_features(tokens[j], d))
                if gaz[j]:
                    f.append(f"{d}:gz={gaz[j]}")
        out.append(f)
    return out
