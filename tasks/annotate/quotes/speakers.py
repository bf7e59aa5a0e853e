"""Who speaks: the subject of a cue, linked to entity mentions, resolved through earlier cues.

Arabic news puts the subject after the verb (VSO: "وقال وزير الخارجية ... إن"), sometimes before
it ("وكان بوتين قال"، "لكن دريك قال"، "ستولتنبرغ، الذي أعلن"), and drops it when the speaker
was just named ("وأضاف أن"، "مشيرا إلى أن"). A subject that is only a title ("المتحدث باسم
الكرملين") is resolved to the person the article gave that title to.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from akhbar.tasks.text import match_key

from .cues import Cue
from .lexicon import NAMING_NOUNS, PRONOUN_SUBJECTS, SUBJECT_STOPS, TITLE_HEADS
from .tokens import Doc

# Longest subject noun phrase kept, in tokens ("نائب وزير الخارجية الروسي ألكسندر جروشكو" is 6;
# descriptions such as "مدير عام مديرية شرطة محافظة العاصمة المنامة" reach 7).
MAX_NP = 10
# An appositive name after a title ("المتحدث باسم الكرملين، ديميتري بيسكوف،") is short.
MAX_APPOSITION = 4
_LEAD_INS = frozenset(match_key(w) for w in ("كان", "وكان", "لكن", "ولكن", "بينما", "فيما", "و", "قد", "وقد"))
_RELATIVES = frozenset(match_key(w) for w in ("الذي", "التي", "الذين"))


@dataclass(frozen=True)
class Mention:
    """An entity mention of the article (from the entities table)."""

    start: int
    end: int
    entity_id: str
    entity_type: str
    canonical: str


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: the written span it was read from and the linked entity, if any."""

    start: int
    end: int
    entity_id: str | None
    name: str | None
    explicit: bool  # named in the cue's own clause (not inherited from an earlier cue)


_BREAKS = frozenset("،,()[];؛")


def _chunks(doc: Doc, lo: int, hi: int) -> list[list[int]]:
    """Token indices of [lo, hi) split at commas and brackets."""
    out: list[list[int]] = [[]]
    for i in range(lo, hi):
        out[-1].append(i)
        if i + 1 < hi and not _BREAKS.isdisjoint(doc.gap(i)):
            out.append([])
    return [c for c in out if c]


def _np(doc: Doc, chunk: list[int], lam_names: frozenset[int] = frozenset(), lam_ok: bool = False) -> list[int]:
    """The noun phrase opening ``chunk``: cut at the first stop word; [] when it opens with one.

    ``lam_names`` holds offsets where an entity mention starts one letter into a token
    ("لبوتين" = to Putin): such a token opens an adjunct, never the subject.
    """
    np_: list[int] = []
    for i in chunk:
        tok = doc.tokens[i]
        lam = tok.key.startswith("ل") and (_is_lam_adjunct(tok.key) or tok.start + 1 in lam_names)
        if tok.key in SUBJECT_STOPS or (not np_ and lam and not lam_ok):
            break
        np_.append(i)
    return np_[:MAX_NP]


def _is_lam_adjunct(key: str) -> bool:
    """"للصحفيين"، "لوكالة" open an adjunct ("told the press"), not a subject."""
    return key.startswith("لل") or (key.startswith("ل") and key[1:] in NAMING_NOUNS)


def subject_after(doc: Doc, lo: int, hi: int, lam_names: frozenset[int] = frozenset(),
                  lam_ok: bool = False) -> tuple[int, int, int | None, int | None] | None:
    """Subject between a cue and its follower: (first, last) tokens, plus the title's
    (first, last) when the name stands in apposition after it; None when there is none."""
    chunks = _chunks(doc, lo, hi)
    for n, chunk in enumerate(chunks):
        np_ = _np(doc, chunk, lam_names, lam_ok and n == 0)
        if not np_:
            continue
        if len(np_) == 1 and doc.keys[np_[0]] in PRONOUN_SUBJECTS:
            return None
        after_comma = n + 1 < len(chunks) and any(ch in doc.gap(chunk[-1]) for ch in "،,")
        if doc.keys[np_[0]] in TITLE_HEADS and after_comma:
            name = _np(doc, chunks[n + 1], lam_names)
            if name and len(name) == len(chunks[n + 1]) and len(name) <= MAX_APPOSITION:
                return name[0], name[-1], np_[0], np_[-1]  # "TITLE، NAME،": the name is the mention
        return np_[0], np_[-1], None, None
    return None


def subject_before(doc: Doc, cue_index: int, sent_start: int) -> tuple[int, int] | None:
    """Subject written before the verb (SVO, "وكان X قال", relative "X، الذي قال")."""
    toks = doc.tokens
    i = cue_index - 1
    if i >= 0 and toks[i].key in _RELATIVES and toks[i].start >= sent_start:
        j = i - 1  # antecedent: up to 3 words back, not across a stop word or the sentence start
        k = j
        while k - 1 >= 0 and j - (k - 1) < 3 and toks[k - 1].start >= sent_start \
                and toks[k - 1].key not in SUBJECT_STOPS and not any(ch in doc.gap(k - 1) for ch in "،,;؛:"):
            k -= 1
        return (k, j) if j >= 0 and toks[j].start >= sent_start else None
    span: list[int] = []
    while i >= 0 and toks[i].start >= sent_start and len(span) < 6:
        if any(ch in doc.gap(i) for ch in "،,;؛:"):
            break
        span.insert(0, i)
        i -= 1
    while span and toks[span[0]].key in _LEAD_INS:
        span.pop(0)
    if not span or any(toks[k].key in SUBJECT_STOPS for k in span):
        return None
    starts_clause = i < 0 or toks[i].start < sent_start or any(ch in doc.gap(i) for ch in "،,;؛:")
    return (span[0], span[-1]) if starts_clause else None


def link(doc: Doc, first: int, last: int, mentions: list[Mention],
         starts: list[int] | None = None) -> tuple[int, int, Mention | None]:
    """Pick the written speaker span inside tokens [first, last] and the entity it names.

    A person named in the phrase wins (its last mention: the name follows the title); else an
    organisation or place that opens the phrase, unless the phrase opens with a title.
    """
    start, end = doc.starts[first], doc.ends[last]
    if starts is None:
        starts = [m.start for m in mentions]
    lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    inside = [m for m in mentions[lo:hi] if m.end <= end]
    people = [m for m in inside if m.entity_type == "PER" and _at_token_start(doc, m.start)]
    if people:
        m = people[-1]
        return m.start, m.end, m
    if doc.keys[first] not in TITLE_HEADS:
        for m in inside:
            if m.start - start <= 2:
                return start, end, m
    return start, end, None


def _at_token_start(doc: Doc, offset: int) -> bool:
    """False for a name glued to a preposition ("السكرتير الصحفي لبوتين"): a complement, not the speaker."""
    i = doc.first_token_from(offset)
    return i < len(doc.tokens) and doc.starts[i] == offset


class SpeakerMemory:
    """Speakers named so far in one article, for subject-less cues and bare titles."""

    def __init__(self, doc: Doc, mentions: list[Mention]):
        self.doc = doc
        self.mentions = mentions
        self.recent: list[tuple[int, Speaker]] = []  # (token index of cue, speaker)
        self.lam_names = frozenset(m.start for m in mentions)
        self.starts = [m.start for m in mentions]  # mentions arrive sorted by start
        self.by_start = {m.start: m for m in mentions if m.entity_type in ("PER", "ORG", "LOC")}
        self.titles: dict[str, Speaker] = self._titles_from_mentions()

    def _titles_from_mentions(self) -> dict[str, Speaker]:
        """Map "title words" -> person for every "TITLE [،] NAME" written in the article."""
        doc, titles = self.doc, {}
        for m in self.mentions:
            i = bisect.bisect_left(doc.starts, m.start)  # the token starting at the mention, if any
            if m.entity_type != "PER" or i == len(doc.starts) or doc.starts[i] != m.start:
                continue
            for j in range(max(0, i - 6), i):
                if doc.keys[j] in TITLE_HEADS:
                    key = " ".join(doc.keys[j:i])
                    titles.setdefault(key, Speaker(m.start, m.end, m.entity_id, m.canonical, True))
                    break
        return titles

    def last_before(self, cue_index: int) -> Speaker | None:
        """The most recent explicit speaker before token ``cue_index``."""
        for idx, sp in reversed(self.recent):
            if idx < cue_index:
                return sp
        return None

    def remember(self, cue_index: int, title_key: str | None, speaker: Speaker) -> None:
        """Record ``speaker`` (and its title) for later subject-less cues."""
        self.recent.append((cue_index, speaker))
        if title_key:
            self.titles.setdefault(title_key, speaker)

    def by_title(self, key: str) -> Speaker | None:
        """A person given title ``key`` earlier (exact title, or a longer title starting with it)."""
        if key in self.titles:
            return self.titles[key]
        hits = [sp for t, sp in self.titles.items() if t.startswith(key + " ") and len(key.split()) >= 2]
        return hits[0] if len(hits) == 1 else None


def _subject_span(cue: Cue, doc: Doc, sent_start: int, lam_names: frozenset[int]) -> tuple[tuple[int, int] | None, tuple | None]:
    """(subject token span, title token span or None) written for ``cue``, if any."""
    if cue.form == "noun":
        return _masdar_subject(doc, cue.index, sent_start), None
    if cue.form != "verb":
        return None, None  # participles take the subject of the clause they hang on
    found = subject_after(doc, *cue.window, lam_names=lam_names)
    if found is None:
        return (None if cue.prefixed else subject_before(doc, cue.index, sent_start)), None
    span, title = found[:2], (found[2:] if found[2] is not None else None)
    if cue.follow == "none" and title is None and doc.keys[span[0]] not in TITLE_HEADS:
        span = (span[0], min(span[1], span[0] + 2))  # no clause follows: the rest may be an object
    return span, title


def resolve(cue: Cue, memory: SpeakerMemory) -> Speaker | None:
    """The speaker of ``cue``: its own subject, linked and title-resolved, else an earlier one."""
    doc = memory.doc
    sent_start = doc.sentences[doc.sentence_of(doc.starts[cue.index])][0]
    span, title = _subject_span(cue, doc, sent_start, memory.lam_names)
    if span is None and cue.form == "verb":
        shared = _coordinated_subject(doc, cue.index, sent_start, memory.by_start)
        if shared is not None:
            return shared
    if span is None:
        return memory.last_before(cue.index)
    start, end, mention = link(doc, span[0], span[1], memory.mentions, memory.starts)
    keys = lambda a, b: " ".join(doc.keys[a:b + 1])
    if title is None and mention is None and doc.keys[span[0]] in TITLE_HEADS:
        known = memory.by_title(keys(*span))
        if known is not None:  # "وقال المتحدث باسم الكرملين" after "... الكرملين، ديميتري بيسكوف"
            if known.entity_id is None:  # no entity to carry the name: point at the written name
                start, end = known.start, known.end
            speaker = Speaker(start, end, known.entity_id, known.name, True)
            memory.remember(cue.index, None, speaker)
            return speaker
    speaker = Speaker(start, end, mention.entity_id if mention else None, mention.canonical if mention else None, True)
    if cue.follow == "none" and mention is None and title is None and doc.keys[span[0]] not in TITLE_HEADS \
            and span[0] > cue.index:
        return speaker  # a cue with no statement: its "subject" may be an object; don't inherit it
    title_key = keys(*title) if title else None
    if title is None and mention is not None and mention.entity_type == "PER" and mention.start > doc.starts[span[0]]:
        title_key = " ".join(t.key for t in doc.tokens[span[0]:span[1] + 1] if t.end <= mention.start)
    memory.remember(cue.index, title_key, speaker)
    return speaker


def _coordinated_subject(doc: Doc, cue_index: int, sent_start: int, by_start: dict[int, Mention]) -> Speaker | None:
    """"وترفض روسيا الاتهامات؛ وتؤكد أنها ...": a subject-less verb coordinated with an earlier
    clause of its sentence shares that clause's subject, when an entity follows the clause's
    opening verb. Nearest clause first; needs entity mentions to tell a subject from an object."""
    starts = doc.starts
    lo = doc.first_token_from(sent_start)  # tokens before it are outside the sentence
    for first in range(cue_index - 2, lo - 1, -1):  # nearest clause first; first + 1 < cue_index
        # the cheap test (an entity right after) first: most clause openings have none
        if starts[first + 1] in by_start and (first == 0 or starts[first - 1] < sent_start
                                              or any(ch in doc.gap(first - 1) for ch in "،,;؛")):
            m = by_start[starts[first + 1]]
            return Speaker(m.start, m.end, m.entity_id, m.canonical, True)
    return None


def _masdar_subject(doc: Doc, i: int, sent_start: int) -> tuple[int, int] | None:
    """Subject of a speech noun: "نقلت ... عن X قوله" -> X; "اكتفى X بالإشارة" -> X."""
    toks = doc.tokens
    if toks[i].key.startswith("قول"):
        j = i - 1
        while j >= 0 and toks[j].start >= sent_start and toks[j].key != "عن":
            j -= 1
        return (j + 1, i - 1) if j >= 0 and toks[j].key == "عن" and j + 1 <= i - 1 else None
    span = subject_before(doc, i, sent_start)
    if span and span[1] > span[0]:
        return span[0] + 1, span[1]  # drop the governing verb ("اكتفى", "كرر")
    return None
