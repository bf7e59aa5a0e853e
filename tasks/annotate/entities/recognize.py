"""Mention recognition in one tokenised sentence: CRF spans merged with alias-table names.

Rules applied on top of the tagger, all from Arabic news conventions:
- spans never cross punctuation (a bracketed abbreviation is its own mention);
- a single-word span that is a nisba adjective (الروسي، الأمريكية) is not a mention, and
  titles or nisbas at the start of a person span are trimmed (الروسي فلاديمير بوتين);
- alias-table names take precedence; a CRF span running into one is cut (see ``recognize``);
  except where the alias is only part of a longer name the tagger found: the father in a
  nasab chain (X بن <alias person>) or a place inside an organisation's name (نيويورك تايمز);
- currencies and الله are not names (NOT_NAMES).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from akhbar.tasks.annotate.entities.features import ORG_HEADS, TITLES
from akhbar.tasks.annotate.entities.gazetteer import alias_rows, vocab_counts
from akhbar.tasks.annotate.entities.lexicon import is_nisba, is_word, match_key, proclitic_length
from akhbar.tasks.annotate.entities.patterns import institution_spans
from akhbar.tasks.annotate.entities.phrases import (
    Match,
    PhraseIndex,
    alias_index,
    build_index,
    find_phrases,
    known_words,
)
from akhbar.tasks.annotate.entities.tagger import bio_spans, tag_tokens

TYPES = ("PER", "ORG", "LOC")
# Words the ANERcorp-trained tagger marks as names in Gulf news although they are not
# (currencies after ريال مدريد, الله after عبد الله): seen among the most frequent
# single-word mentions of SaudiNewsNet articles 2000-3000 (not the hand-annotated set).
NOT_NAMES = frozenset(match_key(w) for w in (
    "ريال", "الريال", "دولار", "الدولار", "يورو", "اليورو", "جنيه", "الجنيه", "دينار", "الدينار",
    "درهم", "الدرهم", "روبل", "الروبل", "ليرة", "الليرة", "الله", "الإله",
))
NISBA_KEEP_PROB = 0.8  # ANERcorp dev: lone nisbas tagged above this were team nicknames
# Fixed confidence of a curated name (no model probability exists for it); its measured
# precision on the hand-annotated set is reported in benchmarks/entities/RESULTS.md.
ALIAS_SCORE = 0.95


@dataclass
class Candidate:
    """A mention over tokens [first, last); the first token's span starts ``skip`` chars in."""

    first: int
    last: int
    skip: int
    entity_type: str
    score: float
    rows: tuple[int, ...]  # alias-table rows the name maps to (empty: not in the table)


def _crf_candidates(tokens: list[str], seen: frozenset[str], tagged=None) -> list[Candidate]:
    """PER/ORG/LOC spans of the CRF after the punctuation, title, nisba and stop-word rules."""
    labels, probs = tagged if tagged is not None else tag_tokens(tokens)
    out = []
    for first, last, etype in bio_spans(labels):
        if etype not in TYPES:
            continue
        for a, b in _split_at_punct(tokens, first, last):
            a = _trim_person_start(tokens, a, b) if etype == "PER" else a
            if a >= b:
                continue
            skip = proclitic_length(tokens[a], known_words(), vocab_counts()[0], seen)
            if b - a == 1 and match_key(tokens[a][skip:]) in NOT_NAMES:
                continue
            if b - a == 1 and etype == "PER" and is_title_form(tokens[a]):
                continue  # كرئيسين "as two presidents": a role, not a person
            # A lone nisba is an adjective unless the tagger is sure (team nicknames: العنابي).
            if b - a == 1 and is_nisba(tokens[a][skip:]) and probs[a] < NISBA_KEEP_PROB:
                continue
            out.append(Candidate(a, b, skip, etype, sum(probs[a:b]) / (b - a), ()))
    return out


_NUMBER_SUFFIXES = ("ين", "ان", "ون", "ات")
_TITLE_CLITICS = "وفبكل"


def is_title_form(token: str) -> bool:
    """A title word alone, with a proclitic or a dual/plural ending (كرئيسين، والوزيرين).

    Such a word is a role, never a person's name on its own ("as two presidents").
    """
    key = match_key(token)
    forms = [key] + ([key[1:]] if key[:1] in _TITLE_CLITICS and len(key) > 3 else [])
    for form in list(forms):
        forms += [form[:-2] for suf in _NUMBER_SUFFIXES if form.endswith(suf) and len(form) > 4]
    return any(f in TITLES for f in forms)


def _split_at_punct(tokens: list[str], first: int, last: int) -> list[tuple[int, int]]:
    """The runs of words of tokens [first, last) between punctuation tokens."""
    parts, start = [], first
    for i in range(first, last + 1):
        if i == last or not is_word(tokens[i]):
            if i > start:
                parts.append((start, i))
            start = i + 1
    return parts


def _trim_person_start(tokens: list[str], first: int, last: int) -> int:
    """Skip titles and definite nisbas (الرئيس الروسي) at the start of a person span.

    Indefinite nisba-shaped words are kept: they are often given names (كوفي، كيني).
    """
    while first < last - 1:
        key = match_key(tokens[first])
        if key in TITLES or (key.startswith("ال") and is_nisba(tokens[first])):
            first += 1
        else:
            break
    return first


def _alias_candidates(tokens: list[str], found: list[Match] | None = None) -> list[Candidate]:
    """Alias-table names in the sentence; the table's type (first row's when rows disagree).

    ``found``: the sentence's ``find_phrases`` matches of ``alias_index()`` when the caller
    scanned a whole article at once (faster); scanned here otherwise.
    """
    rows = alias_rows()
    out = []
    for m in find_phrases(tokens, alias_index()) if found is None else found:
        types = {rows[r].entity_type for r in m.value}
        etype = types.pop() if len(types) == 1 else rows[m.value[0]].entity_type
        out.append(Candidate(m.first, m.last, m.skip, etype, ALIAS_SCORE, m.value))
    return out


def recognize(
    tokens: list[str], seen: frozenset[str] = frozenset(), tagged: tuple | None = None,
    aliases: list[Match] | None = None,
) -> list[Candidate]:
    """Flat, longest-match mentions of one sentence, sorted by position.

    ``tagged``: the sentence's (labels, probabilities) from ``tag_sentences`` when the caller
    tagged a whole article at once (faster); tagged here otherwise.
    ``aliases``: the sentence's alias-table matches (``find_phrases``), likewise.

    Alias-table names come first (curated, and their extent is known); CRF spans fill the
    rest, cut where they run into an alias name (حلف الناتو | ينس ستولتنبرغ). Among CRF
    spans the longer wins.
    """
    crf = _crf_candidates(tokens, seen, tagged)
    kept = _yield_to_crf(_alias_candidates(tokens, aliases), crf, tokens)
    taken = [False] * len(tokens)
    for c in kept:
        taken[c.first : c.last] = [True] * (c.last - c.first)
    for c in sorted(crf, key=lambda c: -(c.last - c.first)):
        for part in _free_parts(c, taken, tokens):
            taken[part.first : part.last] = [True] * (part.last - part.first)
            if not part.rows:
                part.rows = _contained_alias(tokens, part)
            kept.append(part)
    if INSTITUTION_CANDIDATES:
        kept += _institution_candidates(tokens, taken, seen)
    kept.sort(key=lambda c: c.first)
    return _drop_outlet_credit(tokens, _join_nasab(tokens, kept))


def _join_nasab(tokens: list[str], cands: list[Candidate]) -> list[Candidate]:
    """A person span that starts with بن/بنت right after another person span continues it.

    محمد بن سلمان | بن عبد العزيز: the alias table knows the first part, the tagger tags the
    whole chain, and the cut would leave "بن عبد العزيز" as a person of its own.
    """
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if (prev is not None and prev.entity_type == "PER" and c.entity_type == "PER"
                and c.first == prev.last and match_key(tokens[c.first]) in SON_OF):
            prev.last = c.last
            continue
        out.append(c)
    for k, c in enumerate(out):  # حمد بن خليفة + آل ثاني: the family name belongs to the person
        nxt = out[k + 1].first if k + 1 < len(out) else len(tokens)
        if (c.entity_type == "PER" and c.last + 2 <= nxt and match_key(tokens[c.last]) == FAMILY
                and is_word(tokens[c.last + 1])):
            c.last += 2
    return out


FAMILY = match_key("آل")


# SaudiNewsNet's outlet credit line "رابط الخبر بصحيفة الوئام: <headline>": the name after it is
# the publishing paper crediting itself, not a name the article is about (an events actor).
CREDIT = tuple(match_key(w) for w in ("رابط", "الخبر", "بصحيفة"))


def _drop_outlet_credit(tokens: list[str], cands: list[Candidate]) -> list[Candidate]:
    """``cands`` without the name that follows a "رابط الخبر بصحيفة" credit."""
    if "رابط" not in tokens or not cands:
        return cands
    credited = {i + 3 for i in range(len(tokens) - 3)
                if tuple(match_key(t) for t in tokens[i : i + 3]) == CREDIT}
    return [c for c in cands if c.first not in credited] if credited else cands


# Off: measured in benchmarks/entities/RESULTS.md (hand set ORG recall 0.175 -> 0.247, but
# precision falls on both the hand set and ANERcorp dev, whose guidelines leave ministries
# untagged). The dev and hand-set scripts switch it on with --institutions.
INSTITUTION_CANDIDATES = False
INSTITUTION_SCORE = 0.6  # not a probability: below the CRF's confident spans (0.8)


def _institution_candidates(tokens: list[str], taken: list[bool], seen: frozenset[str]) -> list[Candidate]:
    """ORG names by shape (وزارة الداخلية) where neither the tagger nor the table found anything.

    Only heads that name a body on their own (ministries, authorities, universities,
    municipalities, companies, banks, courts), and the chain is cut at a relative pronoun or a
    word that makes the phrase generic (الجهاز الفني, مجلس الإدارة): the false positives of
    the unrestricted shape on the ANERcorp dev split.
    """
    out = []
    for a, b in institution_spans(tokens):
        head = match_key(tokens[a])
        if head[:1] in "وبل" and head[1:] in INSTITUTION_HEADS:
            head = head[1:]
        if head not in INSTITUTION_HEADS:
            continue
        end = a + 1
        while end < b and match_key(tokens[end]) not in GENERIC_CHAIN:
            end += 1
        if end - a < 2 or any(taken[a:end]):
            continue
        if head not in FOREIGN_NAME_HEADS and not match_key(tokens[a + 1]).startswith(("ال", "لل")):
            continue  # بأمانة وإخلاص: a common noun, not أمانة + a definite genitive
        skip = proclitic_length(tokens[a], known_words(), vocab_counts()[0], seen)
        out.append(Candidate(a, end, skip, "ORG", INSTITUTION_SCORE, ()))
    return out


INSTITUTION_HEADS = frozenset(match_key(w) for w in (
    "وزارة", "هيئة", "الهيئة", "جامعة", "أمانة", "شركة", "الرئاسة", "مصرف", "بنك", "محكمة",
    "المحكمة", "مكتب", "مؤسسة", "جمعية", "مديرية", "وكالة", "صندوق", "الصندوق", "معهد",
))
# Heads that take a bare foreign name (جامعة أوكسفورد، شركة سياك); the others need ال after them.
FOREIGN_NAME_HEADS = frozenset(match_key(w) for w in ("جامعة", "شركة", "بنك", "مصرف", "معهد", "مؤسسة"))
GENERIC_CHAIN = frozenset(match_key(w) for w in (
    "الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "الفني", "الإدارة", "الادارة",
    "الاحتلال", "الثاني", "الثالث", "الأول", "الاول", "الرابع", "الخامس", "الأخير", "الأخيرة",
))


# "son/daughter of": a person name before it and the father's name after it form one name.
SON_OF = frozenset(match_key(w) for w in ("بن", "ابن", "بنت", "ابنة"))


def _yield_to_crf(aliases: list[Candidate], crf: list[Candidate], tokens: list[str]) -> list[Candidate]:
    """Alias names that are only part of a longer name the tagger found, dropped.

    Two Arabic naming patterns put a known name inside another one (ANERcorp dev split: 15
    correct CRF spans were cut by alias names, 9 of them these two): a nasab chain, where
    the alias person is the father (حمدان بن محمد بن راشد آل مكتوم), and a place inside an
    organisation's name (دينامو كييف، جامعة القاهرة). A CRF person span that stops at بن
    right before an alias person is extended over it.
    """
    out = []
    for a in aliases:
        nasab = a.entity_type == "PER" and a.first > 0 and match_key(tokens[a.first - 1]) in SON_OF
        host = [c for c in crf if c.first <= a.first and a.last <= c.last and c.last - c.first > a.last - a.first]
        if any((c.entity_type == "PER" and nasab and c.first < a.first - 1)
               or (c.entity_type == "ORG" and a.entity_type == "LOC" and _names_org(tokens, c, a)) for c in host):
            continue
        father = [c for c in crf if nasab and c.entity_type == "PER" and c.last == a.first and c.last - c.first >= 2]
        if father:
            father[0].last = a.last
            continue
        out.append(a)
    return out


def _names_org(tokens: list[str], host: Candidate, place: Candidate) -> bool:
    """True when the words of ``host`` around ``place`` make an organisation's name.

    Not when they are only short function words (في بلجيكا), nisba adjectives (الخليج
    الفارسي is a place), or a coordinated second name (نيويورك ولاس فيغاس): the false
    merges seen on 600 SaudiNewsNet articles.
    """
    before, after = tokens[host.first : place.first], tokens[place.last : host.last]
    if after and after[0].startswith("و"):
        return False
    extra = [match_key(t) for t in before + after if len(match_key(t)) >= 3]
    return bool(extra) and not all(is_nisba(t) or _NISBA_SHAPE.match(t) for t in extra)


# A definite nisba-shaped adjective (الفارسي، العربية): the place names of is_nisba miss many.
_NISBA_SHAPE = re.compile(r"^ال\w{2,}(?:ي|يه|ية)$")


def _free_parts(c: Candidate, taken: list[bool], tokens: list[str]) -> list[Candidate]:
    """The untaken runs of a CRF span; a run of only titles or institution heads is dropped."""
    parts, i = [], c.first
    while i < c.last:
        if taken[i]:
            i += 1
            continue
        j = i
        while j < c.last and not taken[j]:
            j += 1
        if (i, j) == (c.first, c.last):
            return [c]
        if any(match_key(t) not in TITLES and match_key(t) not in ORG_HEADS for t in tokens[i:j]):
            skip = c.skip
            if i != c.first:
                skip = proclitic_length(tokens[i], known_words(), vocab_counts()[0])
            parts.append(Candidate(i, j, skip, c.entity_type, c.score, ()))
        i = j
    return parts


def _contained_alias(tokens: list[str], cand: Candidate) -> tuple[int, ...]:
    """Alias rows of a CRF span that is exactly an alias name (after its first token's clitics)."""
    found = find_phrases(tokens[cand.first : cand.last], alias_index())
    if len(found) == 1 and found[0].first == 0 and found[0].last == cand.last - cand.first:
        return found[0].value
    return ()


# A repeat scores below the tagger's own spans (not tuned). CONFIDENT: CRF span score above
# which a name is propagated through the article; v5 measured it on the ANERcorp tuning split
# with blocks of 21 sentences as articles (full recogniser micro F1: 0.3-0.6 -> 0.787, 0.7-0.9
# -> 0.782-0.783, 0.95 -> 0.783; v4's untuned 0.8 -> 0.782): the highest value at the maximum.
REPEAT_SCORE = 0.7
CONFIDENT = 0.6


def article_names(sentences: list[tuple[list[str], list[Candidate]]]) -> PhraseIndex:
    """Names the tagger found confidently in an article, and the surnames of its persons.

    Label consistency within a document (Krishnan and Manning 2006): a name is the same
    kind of entity everywhere in one article, so later unmarked repeats are tagged too, and
    a person's last name alone (وقال الغامدي) refers to that person.
    """
    counts, ents = vocab_counts()
    pairs = []
    for tokens, cands in sentences:
        for c in cands:
            if c.rows or c.score < CONFIDENT:
                continue  # alias-table names are matched everywhere already
            words = [tokens[c.first][c.skip :], *tokens[c.first + 1 : c.last]]
            pairs.append((" ".join(words), c.entity_type))
            last = match_key(words[-1])
            common = counts.get(last, 0) >= 3 and ents.get(last, 0) < 0.5 * counts[last]
            if c.entity_type == "PER" and len(words) >= 2 and len(last) >= 3 and not common:
                pairs.append((words[-1], "PER"))
    return build_index(pairs, memo=False)


def add_repeats(
    tokens: list[str], cands: list[Candidate], names: PhraseIndex, found: list[Match] | None = None
) -> list[Candidate]:
    """``cands`` plus non-overlapping occurrences of the article's names, by position.

    ``found``: the sentence's ``find_phrases`` matches of ``names`` when the caller scanned
    the whole article at once; scanned here otherwise.
    """
    if not names.entries:
        return cands
    if found is None:
        found = find_phrases(tokens, names)
    if not found:
        return cands
    taken = [False] * len(tokens)
    for c in cands:
        taken[c.first : c.last] = [True] * (c.last - c.first)
    extra = []
    for m in found:
        if not any(taken[m.first : m.last]) and len(set(m.value)) == 1:
            extra.append(Candidate(m.first, m.last, m.skip, m.value[0], REPEAT_SCORE, ()))
    return sorted(cands + extra, key=lambda c: c.first) if extra else cands
