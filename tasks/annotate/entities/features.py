"""CRF features of a tokenised sentence: word shape, affixes, clitics, gazetteers, context, titles.

The per-word part is memoised (the same word gets the same features anywhere), so the cost
per token is a cache hit plus a few string concatenations for context.
"""

from __future__ import annotations

from functools import lru_cache

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
    if stem in TITLES or key in TITLES:
        feats.append("title")
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


def sentence_features(tokens: list[str]) -> list[list[str]]:
    """CRF feature lists, one per token of a sentence (training; decoder.py mirrors them)."""
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
