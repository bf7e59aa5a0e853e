"""Quotes of one article: direct (marked, colon-introduced, post-quote) and indirect (cue + أن).

Pure function of (body, entity mentions) -> list of ``QuoteSpan``; ``annotate.py`` batches it
over a frame. Scores are rule confidences (ordinal, not calibrated): see README.md.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .cues import Cue, find_cues
from .lexicon import ACCORDING_TO
from .marks import Marked, find_marked, is_label
from .speakers import Mention, Speaker, SpeakerMemory, link, resolve, subject_after
from .tokens import Doc, make_doc, trim

# Rule confidences (ordinal): a marked quote with its cue in the same sentence is the most
# reliable reading; inherited or missing attributions and unmarked speech less so.
SCORE = {"marked": 0.9, "partial": 0.75, "continued": 0.7, "colon": 0.7, "unattributed": 0.5,
         "indirect": 0.8, "post_unmarked": 0.6}
UNRESOLVED_PENALTY = 0.1
# Marked phrases up to this many tokens count only when a cue attributes them ("الردع المضاد");
# longer ones are taken as speech even without a cue (unseen headlines, captions).
SHORT_PHRASE = 4


@dataclass(frozen=True)
class QuoteSpan:
    """One extracted quotation before it becomes a QUOTES row."""

    kind: str
    start: int
    end: int
    speaker: Speaker | None
    cue: str | None
    score: float
    sentence_index: int = 0


def extract(body: str, mentions: list[Mention]) -> list[QuoteSpan]:
    """All direct and indirect quotes of ``body``, speakers linked to ``mentions``."""
    doc = make_doc(body)
    cues = find_cues(doc)
    memory = SpeakerMemory(doc, mentions)
    speakers = {c.index: _speaker_of(c, memory, doc) for c in cues}
    outer = _outer(find_marked(doc))
    quotes = _direct(doc, outer, cues, speakers, memory)
    quotes += _colon_quotes(doc, cues, speakers, outer)
    quotes += _post_unmarked(doc, cues, speakers, outer)
    quotes += _indirect(doc, cues, speakers)
    return [replace(q, sentence_index=doc.sentence_of(q.start)) for q in _dedupe(quotes)]


def _speaker_of(cue: Cue, memory: SpeakerMemory, doc: Doc) -> Speaker | None:
    """Resolve a cue's speaker, skipping impersonal "يذكر أن"/"يشار إلى أن" openings."""
    if _impersonal(doc, cue):
        return None
    return resolve(cue, memory)


def _impersonal(doc: Doc, cue: Cue) -> bool:
    """Sentence-initial present verb with no subject before أن: "ويذكر أن ..." (it is noted)."""
    tok = doc.tokens[cue.index]
    sent = doc.sentences[doc.sentence_of(tok.start)]
    first = tok.start == sent[0] or doc.body[sent[0]:tok.start].strip() == ""
    present = tok.key.lstrip("وف")[:1] == "ي"
    return first and present and cue.follow == "comp" and subject_after(doc, *cue.window) is None


def _outer(marked: list[Marked]) -> list[Marked]:
    """Drop marked spans that sit inside another one (nested quotes belong to the outer)."""
    return [q for q in marked if not any(o is not q and o.start <= q.start and q.end <= o.end for o in marked)]


def _inside(pos: int, spans: list[Marked]) -> bool:
    return any(q.start <= pos < q.end for q in spans)


def _direct(doc: Doc, outer: list[Marked], cues: list[Cue], speakers: dict, memory: SpeakerMemory) -> list[QuoteSpan]:
    """Marked quotations with their attribution (see ``_attribute``)."""
    out = []
    free = [c for c in cues if not _inside(doc.starts[c.index], outer)]
    for q in outer:
        if is_label(doc, q):
            continue
        cue, how = _attribute(doc, q, free, outer)
        if q.n_tokens <= SHORT_PHRASE and how not in ("cue", "post"):
            continue  # a short phrase in marks with no speaker is a label, not a quote
        speaker = speakers.get(cue.index) if cue else None
        if cue is None and how == "continued":
            speaker = memory.last_before(_token_index(doc, q.open_at))
        elif cue is None and how == "according":
            speaker = _according_speaker(doc, q, memory)
        attributed = "partial" if q.n_tokens <= SHORT_PHRASE else "marked"
        rule = {"cue": attributed, "post": attributed}.get(how, how)
        score = SCORE.get(rule, SCORE["unattributed"]) - (UNRESOLVED_PENALTY if speaker is None else 0)
        out.append(QuoteSpan("direct", q.start, q.end, speaker, _cue_text(doc, cue), round(score, 2)))
    return out


def _attribute(doc: Doc, q: Marked, cues: list[Cue], outer: list[Marked]) -> tuple[Cue | None, str]:
    """Find the cue of a marked quote: before it in its sentence, right after it, or a colon.

    Returns (cue, how) with how in cue | post | colon | according | continued | unattributed.
    """
    sent = doc.sentences[doc.sentence_of(q.open_at)]
    before = [c for c in cues if sent[0] <= doc.starts[c.index] < q.open_at]
    if before:
        return before[-1], "cue"
    close = q.close_at if q.close_at is not None else q.end
    par = doc.paragraph_of(q.open_at)
    after = [c for c in cues if close < doc.starts[c.index] < par[1] and not c.prefixed]
    if after and _words_between(doc, close, doc.starts[after[0].index]) == 0 and after[0].follow != "comp":
        return after[0], "post"
    lead = doc.body[:q.open_at].rstrip()
    colon_cues = [c for c in cues if c.follow == "colon" and doc.starts[c.index] < q.open_at]
    if lead.endswith(":") and colon_cues:
        return colon_cues[-1], "cue"
    if any(doc.keys[i] in ACCORDING_TO for i in doc.token_range(*sent)):
        return None, "according"
    if doc.body[par[0]:q.open_at].strip() == "" and q.n_tokens > SHORT_PHRASE:
        return None, "continued"
    return None, "unattributed"


def _words_between(doc: Doc, a: int, b: int) -> int:
    return sum(1 for i in doc.token_range(a + 1, b) if doc.ends[i] <= b)


def _token_index(doc: Doc, offset: int) -> int:
    return doc.first_token_from(offset)


def _according_speaker(doc: Doc, q: Marked, memory: SpeakerMemory) -> Speaker | None:
    """Speaker named after "وفقا لـ / بحسب / نقلا عن" in the quote's sentence."""
    sent = doc.sentences[doc.sentence_of(q.open_at)]
    idx = [i for i in doc.token_range(*sent) if doc.keys[i] in ACCORDING_TO]
    if not idx:
        return None
    i = idx[0] + 1
    if i < len(doc.tokens) and doc.keys[i] in ("ل", "لـ", "ما", "عن"):
        i += 1
    end = doc.first_token_from(sent[1])
    span = subject_after(doc, i, end, memory.lam_names, lam_ok=True)
    if span is None:
        return None
    start, stop, mention = link(doc, span[0], span[1], memory.mentions, memory.starts)
    return Speaker(start, stop, mention.entity_id if mention else None, mention.canonical if mention else None, True)


def _colon_quotes(doc: Doc, cues: list[Cue], speakers: dict, outer: list[Marked]) -> list[QuoteSpan]:
    """Unmarked speech after "cue X:" up to the end of that sentence."""
    out = []
    for c in cues:
        if c.follow != "colon" or _inside(doc.starts[c.index], outer):
            continue
        colon = doc.body.index(":", doc.ends[c.window[1] - 1])
        sent = doc.sentences[doc.sentence_of(colon)]
        par = doc.paragraph_of(colon)
        start, end = trim(doc.body, colon + 1, min(sent[1], par[1]))
        if end - start < 2 or doc.body[start] in "\"“”«»„'‘’" or _inside(start, outer):
            continue
        sp = speakers.get(c.index)
        score = SCORE["colon"] - (UNRESOLVED_PENALTY if sp is None else 0)
        out.append(QuoteSpan("direct", start, end, sp, _cue_text(doc, c), round(score, 2)))
    return out


def _post_unmarked(doc: Doc, cues: list[Cue], speakers: dict, outer: list[Marked]) -> list[QuoteSpan]:
    """"…sentences. قال المسؤول ..." : a bare cue opening a later sentence of a paragraph
    attributes the unmarked sentences before it (the English-style "..., an official said")."""
    out = []
    for c in cues:
        tok = doc.tokens[c.index]
        sent = doc.sentences[doc.sentence_of(tok.start)]
        par = doc.paragraph_of(tok.start)
        if c.prefixed or c.form != "verb" or c.follow == "comp" or tok.start != sent[0] or sent[0] == par[0]:
            continue
        start, end = trim(doc.body, par[0], sent[0])
        text = doc.body[start:end]
        if end - start < 10 or any(ch in text for ch in "\"“”«»„") or any(
                start <= doc.starts[o.index] < end for o in cues):
            continue
        sp = speakers.get(c.index)
        out.append(QuoteSpan("direct", start, end, sp, _cue_text(doc, c), SCORE["post_unmarked"]))
    return out


def _indirect(doc: Doc, cues: list[Cue], speakers: dict) -> list[QuoteSpan]:
    """"cue X أن/إن/بأن clause": the clause up to the sentence end or the next cue's clause."""
    out = []
    for n, c in enumerate(cues):
        if c.follow != "comp" or c.comp is None or c.form == "noun" and c.lemma.startswith("قول"):
            continue
        if _impersonal(doc, c) or c.comp + 1 >= len(doc.tokens):
            continue
        start = doc.starts[c.comp + 1]
        sent = doc.sentences[doc.sentence_of(doc.starts[c.comp])]
        end = min(sent[1], doc.paragraph_of(start)[1])
        end = _clause_end(doc, cues[n + 1:], start, end)
        start, end = trim(doc.body, start, end)
        if end - start < 3:
            continue
        sp = speakers.get(c.index)
        score = SCORE["indirect"] - (UNRESOLVED_PENALTY if sp is None else 0)
        out.append(QuoteSpan("indirect", start, end, sp, _cue_text(doc, c), round(score, 2)))
    return out


def _clause_end(doc: Doc, later: list[Cue], start: int, end: int) -> int:
    """Cut the reported clause before the next cue or "according to" in the sentence."""
    body = doc.body
    stops = [doc.starts[c.index] for c in later
             if start < doc.starts[c.index] < end and _opens_clause(doc, c)]
    stops += [doc.starts[i] for i in doc.token_range(start + 1, end) if doc.keys[i] in ACCORDING_TO]
    if not stops:
        return end
    stop = min(stops)
    comma = max(body.rfind(p, start, stop) for p in "،,؛;.")
    return comma if comma > start else stop


def _opens_clause(doc: Doc, cue: Cue) -> bool:
    """A later cue starts a new statement: a participle ("، مشيرا"), a cue after a comma
    ("، لكن دريك قال إن") or with و/ف and its own clause ("وأوضح أن")."""
    if cue.form == "participle":
        return True
    if cue.follow not in ("comp", "colon", "mark"):
        return False
    lo = max(0, cue.index - 3)
    comma_near = any(ch in doc.gap(k) for k in range(lo, cue.index) for ch in "،,؛;.")
    return cue.prefixed or comma_near


def _cue_text(doc: Doc, cue: Cue | None) -> str | None:
    """The written cue word without a leading conjunction (و/ف)."""
    if cue is None:
        return None
    text = doc.texts[cue.index]
    return text[1:] if cue.prefixed and text[:1] in "وف" else text


def _dedupe(quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    """One row per (start, end, kind), keeping the best-scored reading, in text order."""
    best: dict[tuple[int, int, str], QuoteSpan] = {}
    for q in quotes:
        key = (q.start, q.end, q.kind)
        if key not in best or q.score > best[key].score:
            best[key] = q
    return sorted(best.values(), key=lambda q: (q.start, q.end, q.kind))
