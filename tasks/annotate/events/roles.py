"""Participants of an event mention: actors, targets and place, read from entity positions.

Arabic news sentences are mostly verb-subject-object (التقى الرئيس X نظيره Y) or, after a
topic, subject-verb (روسيا تحشد قواتها). The rules, in order:

1. A place is a LOC entity written right after في or with an attached ب (بجنيف) in the
   sentence, the nearest to the trigger; it is never also an actor or target.
2. Entities after بين are all actors (اجتماع بين الناتو وروسيا).
3. An entity after the trigger that follows a partner preposition (مع، إلى، ضد، على، لـ، من)
   within ``PREP_GAP`` tokens is a target.
4. Actor: for a verb, the first entity after the trigger without a preposition (VSO) if it is
   within ``SUBJECT_GAP`` tokens, else the nearest entity before the trigger (SVO); for a noun,
   the entity right after it (genitive: زيارة بوريل) else the nearest before it. Entities
   joined to the actor by و are actors too.
5. Transitive types (ACCUSE, THREATEN, REQUEST, ...) take the next entity after the actor as
   their target when rule 3 found none.
6. For استقبل the subject is the host, so PLOVER's recipient: actor and target are swapped.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from .lexicon import Sense, fold
from .parties import nisba_ids
from .triggers import Tokens, Trigger

PREP_GAP = 3  # title words between a preposition and the name (مع الرئيس الأمريكي جو بايدن)
SUBJECT_GAP = 4  # the subject follows the verb within a few words, titles included
_PREPS = tuple(fold(w) for w in "مع إلى الى ضد على علي من لدى تجاه نحو".split())
_ATTACHED_PREPS = ("ل", "ول", "لل", "ولل")
_TRANSITIVE = {"ACCUSE", "THREATEN", "REQUEST", "SUPPORT", "SANCTION", "ASSAULT", "REJECT", "COERCE", "AID",
               "CONSULT"}
DEFINITE_NO_BEFORE = True
# v6: a place may be written behind one place noun (في مدينة X، بمحافظة X، في شمال X): dev2's Sevare,
# Hodeidah and Sirnak attacks had the town read as a participant, so their reports shared no place.
PLACE_NOUNS_BETWEEN = True
SPEAKER_NOT_ACTOR = True  # v6: no actor from before a complementiser (قالت هورن إن الزعيمين سيناقشان)
NISBA_ACTORS = True  # v6: a noun trigger's state adjectives are its actors (الحشد العسكري الروسي)
NISBA_WINDOW = 3  # adjectives after the noun read for them (العسكري الروسي، الأمريكية الروسية)
_COMPLEMENTISERS = tuple(fold(w) for w in "إن أن ان بأن بان انه انها انهم بانه بانها".split())
BAIN_GAP = 3  # tokens from the trigger to its بين (اجتماع بين، المحادثات التي جرت بين: 1–3)
_PLACE_NOUNS = frozenset(fold(w) for w in (
    "مدينة بلدة قرية محافظة ولاية إقليم اقليم منطقة مقاطعة العاصمة عاصمة ريف مخيم شمال جنوب شرق غرب "
    "وسط شمالي جنوبي شرقي غربي").split())
_MEETING = Sense("CONSULT", None, "noun")  # the meeting noun after تأجيل/إلغاء, for its participants
OBJECT_GAP = 20  # tokens from the verb to its object: Saudi protocol news puts long titles and
# "في قصر السلام اليوم" between them (استقبل خادم الحرمين ... اليوم وزير الدفاع الأمريكي)


@dataclass(frozen=True)
class Mention:
    """An entity mention inside the article: span, entity id and type."""

    start: int
    end: int
    entity_id: str
    entity_type: str


@dataclass(frozen=True)
class Roles:
    """Participants of one event mention."""

    actors: tuple[str, ...]
    targets: tuple[str, ...]
    location: str | None


def token_index(tokens: Tokens, offset: int) -> int:
    """Index of the token containing or following ``offset``: the first that ends after it."""
    return bisect.bisect_right(tokens.ends, offset)  # ends strictly increase


def read_roles(body: str, tokens: Tokens, trig: Trigger, mentions: list[Mention]) -> Roles:
    """Actors, targets and place of ``trig`` among the sentence's entity ``mentions``."""
    mentions = _drop_name_tails(body, mentions)
    if trig.sense.mode == "cancel" and trig.token + 1 < len(tokens):
        # تأجيل زيارة ظريف: the participants are the postponed meeting's (the visitor acts).
        trig = Trigger(tokens.starts[trig.token + 1], tokens.ends[trig.token + 1], trig.token + 1, _MEETING,
                       "")
    location = _location(body, tokens, trig, mentions)
    others = [m for m in mentions if m.entity_id != location and not (m.start < trig.end and trig.start < m.end)]
    # A label ending in a colon (رابط الخبر بصحيفة الوئام: …، مصدر:) is not the subject of what follows.
    before = [m for m in others if m.end <= trig.start and ":" not in body[m.end:trig.start]]
    if SPEAKER_NOT_ACTOR:
        # v6: "قالت المتحدثة إميلي هورن إن الزعيمين سيناقشان": the speaker before إن/أن is not the
        # subject of the reported verb (sample 002: the spokeswoman read as the call's actor)
        before = [m for m in before if not any(
            t in _COMPLEMENTISERS for t in tokens.texts[token_index(tokens, m.end - 1) + 1: trig.token])]
    after = [m for m in others if m.start >= trig.end]
    between = _after_bain(tokens, after, trig)
    if between:
        return Roles(_ids(between), (), location)
    prep_after = [m for m in after if _prep_before(body, tokens, m) and _gap(tokens, trig, m) <= 8]
    bare_after = [m for m in after if m not in prep_after]
    visited = []
    if trig.sense.mode == "visit" and not trig.sense.host_subject and trig.sense.pos == "verb":
        # زار/يزور + place: the place is visited (PLOVER target), the visitor is the subject.
        visited = [m for m in bare_after[:1] if m.entity_type == "LOC" and _gap(tokens, trig, m) <= 1]
        bare_after = [m for m in bare_after if m not in visited]
    if trig.sense.pos == "noun" and DEFINITE_NO_BEFORE and ("ال" in trig.proclitic or trig.proclitic.endswith("لل")):
        before = []  # الاجتماع، للمباحثات (لل = ل + ال, v6): a definite noun has no subject before it
        # (v6, dev2: "عن استنكاره للاعتداء": the condemning king read as the attacker)
    actors = _actors(tokens, trig, before, bare_after)
    targets = (visited + prep_after)[:2]
    if not targets and trig.sense.event_type in _TRANSITIVE:
        gap = OBJECT_GAP if trig.sense.pos == "verb" else 8
        rest = [m for m in bare_after if m not in actors and m.end > (actors[-1].end if actors else 0)
                and _gap(tokens, trig, m) <= gap]
        targets = rest[:1]
    a, t = _ids(actors), tuple(i for i in _ids(targets) if i not in _ids(actors))
    definite = "ال" in trig.proclitic or trig.proclitic.endswith("لل")  # الحشد: a noun, whatever the sense
    if NISBA_ACTORS and (trig.sense.pos == "noun" or definite) and not trig.sense.host_subject:
        after_actor = bool(bare_after) and _gap(tokens, trig, bare_after[0]) <= SUBJECT_GAP
        if not a or not after_actor:  # a state adjective beats the nearest name before the noun
            a = tuple(i for i in _nisba_actors(tokens, trig) if i not in t) or a
    if trig.sense.host_subject:
        a, t = t, a
    return Roles(a, t, location)


_NASAB = ("بن ", "ابن ", "بنت ")


def _drop_name_tails(body: str, mentions: list[Mention]) -> list[Mention]:
    """Drop a PER mention that only continues the name right before it (محمد بن سلمان | بن عبد العزيز).

    An Arabic full name chains "بن <father>" links; a recogniser that splits the chain leaves the
    tail as a second person, who then reads as the meeting's other side (seen on the dev set).
    """
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and prev.entity_type == m.entity_type == "PER" and \
                not body[prev.end:m.start].strip() and body[m.start:m.end].startswith(_NASAB):
            continue
        out.append(m)
    return out


def _nisba_actors(tokens: Tokens, trig: Trigger) -> tuple[str, ...]:
    """States named by the definite adjectives right after a noun trigger (الحشد العسكري الروسي →
    Russia; المحادثات الأمريكية الروسية → United States, Russia), up to the first other word."""
    ids = nisba_ids()
    out = []
    for k in range(trig.token + 1, min(len(tokens), trig.token + 1 + NISBA_WINDOW)):
        word = tokens.texts[k]
        if not word.startswith("ال"):
            break
        if word in ids:
            out.append(ids[word])
    return tuple(dict.fromkeys(out))


def _ids(ms: list[Mention]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.entity_id for m in ms))


def _gap(tokens: Tokens, trig: Trigger, m: Mention) -> int:
    return abs(token_index(tokens, m.start) - trig.token)


def _prep_before(body: str, tokens: Tokens, m: Mention) -> bool:
    k = token_index(tokens, m.start)
    tok = tokens[k] if k < len(tokens) else None
    if tok is not None and tok.start < m.start and tok.text[: m.start - tok.start] in _ATTACHED_PREPS:
        return True  # لروسيا: the preposition is glued to the name's first word
    if tok is not None and tok.start == m.start and tok.text.startswith(("لل", "ولل")):
        return True  # "للعراق" tagged whole: no name starts with لل, so it is ل + ال
    words = tokens.texts[max(0, k - PREP_GAP): k]
    return any(w in _PREPS or w.lstrip("و") in _PREPS for w in words)


def _after_bain(tokens: Tokens, after: list[Mention], trig: Trigger) -> list[Mention]:
    """The coordinated entities after a بين that belongs to the trigger (اجتماع بين الناتو وروسيا).
    v6: the بين must follow the trigger within ``BAIN_GAP`` tokens; "كمينا … على الحدود بين سوريا
    والعراق" (dev2) made the two countries the ambush's actors."""
    if not after:
        return []
    k = token_index(tokens, after[0].start)
    at = [j for j in range(max(0, k - 3), k) if tokens.texts[j] == "بين"]
    if not at or at[-1] - trig.token > BAIN_GAP:
        return []
    return _coordinated(tokens, after)


def _coordinated(tokens: Tokens, ms: list[Mention]) -> list[Mention]:
    """``ms[0]`` and the mentions joined to it by و (X وY، X و Y)."""
    out = [ms[0]]
    for m in ms[1:]:
        gap = token_index(tokens, m.start) - token_index(tokens, out[-1].end - 1)
        if gap > 3 or not _joined_by_waw(tokens, out[-1], m):
            break
        out.append(m)
    return out


def _joined_by_waw(tokens: Tokens, a: Mention, b: Mention) -> bool:
    k = token_index(tokens, b.start)
    tok = tokens[k] if k < len(tokens) else None
    return (tok is not None and tok.text.startswith("و")) or (k > 0 and tokens[k - 1].text == "و")


def _actors(tokens: Tokens, trig: Trigger, before: list[Mention], bare_after: list[Mention]) -> list[Mention]:
    if bare_after and _gap(tokens, trig, bare_after[0]) <= SUBJECT_GAP:
        return _coordinated(tokens, bare_after)
    if before:
        rev = list(reversed(before))
        group = [rev[0]]
        for m in rev[1:]:
            if _joined_by_waw(tokens, m, group[-1]) and token_index(tokens, group[-1].start) - \
                    token_index(tokens, m.end - 1) <= 3:
                group.append(m)
            else:
                break
        return list(reversed(group))
    return []


def _location(body: str, tokens: Tokens, trig: Trigger, mentions: list[Mention]) -> str | None:
    best = None
    for m in mentions:
        if m.entity_type != "LOC":
            continue
        k = token_index(tokens, m.start)
        tok = tokens[k] if k < len(tokens) else None
        glued_b = tok is not None and tok.start < m.start and tok.text[: m.start - tok.start] in ("ب", "وب", "في")
        after_fi = k > 0 and tokens[k - 1].text in ("في", "وفي")
        if not (glued_b or after_fi) and PLACE_NOUNS_BETWEEN and k > 0 and tok is not None and tok.start == m.start:
            # v6: "في مدينة الحديدة", "بمدينة حيس", "في وسط مالي", "في محافظة شرناق": one place noun between
            prev = tokens[k - 1].text
            bare = next((prev[len(p):] for p in ("وب", "ب", "وفي", "في", "") if prev.startswith(p)
                         and prev[len(p):] in _PLACE_NOUNS), None)
            after_fi = bare is not None and (prev != bare or (k > 1 and tokens[k - 2].text in ("في", "وفي")))
        if (glued_b or after_fi):
            dist = abs(m.start - trig.start)
            if best is None or dist < best[0]:
                best = (dist, m.entity_id)
    return best[1] if best else None
