"""Story linking: one ``story_id`` for all mentions of the same real-world event.

Two mentions are linked when all of these hold (thresholds and their sources in README.md,
"Stories"):

* same ``event_type``; places do not conflict (both known and different ⇒ not linked); PLOVER
  modes do not conflict (a visit is not a phone call);
* participants overlap: at least one shared party and Jaccard(actors ∪ targets) ≥
  ``MIN_JACCARD``, comparing a capital or seat of power as its country (``parties.py``);
  across articles, material-conflict types (``SOLO_NEEDS_PLACE``) sharing a single party also
  need the same place; mentions without participants link only inside their article, when
  both carry the same date or the same place and tense;
* in one article, two verb triggers (التقى … اجتمع) of different sentences, both with
  participants, sharing fewer than two parties are two events, and undated statements
  (``STATEMENT_TYPES``) link only with identical participants;
* dates are compatible: the periods overlap (day, ``RANGE_DAYS`` range, month, year), with
  ``DEICTIC_SLACK`` when both days are deictic and as far apart as their papers' dates. An
  undated mention is placed at its report date (``published_at``, else the article's latest
  full date, README "Dates") and links to another article's mention: with the same ≥ 2
  parties within ``UNDATED_DAYS``; of an ongoing type (``ONGOING_TYPES``) within
  ``ONGOING_DAYS``; in the same place within ``PLACE_DAYS`` (both undated) or
  ``UNDATED_DAYS`` (one dated). Across articles a planned report never follows the asserted one;
  an undated imperfect verb read as asserted (headline يتحدث) has no tense and matches either.

Stories are the connected components of that relation, built strongest link first (anaphora,
same article, both dated, one dated, both undated; nearer pairs first) with cannot-links: two
verb reports of one article (above) and two mentions of one article dated on different days
never share a story, even through a third mention; and with story-level (complete-link)
constraints: a story has one place, its day-dated mentions lie within ``STORY_DAYS`` and, from
any one article, its mentions of known tense are all planned or all asserted (``STORY_ONE_TENSE``).
v6: the same-day retelling exception and the deictic slack need both sides named (two parties), a
reception is never "one visit retold", and undated attacks do not link by place alone.
Different rounds of talks on different days do not link. Agency copies (``copies.py``: same
optional ``dup_group_id``, or nearly the same sequence of triggers) link their aligned mentions
even with one party or none.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import polars as pl

from .copies import copy_pairs
from .lexicon import fold
from .parties import party_key
from .triggers import lookup

MIN_JACCARD = 0.5  # one shared party out of two on each side (Biden–Putin vs Putin) links
DEICTIC_SLACK = 1  # SaudiNewsNet: one agency story dated "اليوم" is stamped Jul 21 02:48 in one paper and
# Jul 22 09:53 in another (Chechen president's visit), so deictic days may differ by one
ANAPHORA_SENTENCES = 3  # الاجتماع/اللقاء referred back at most 3 sentences in the SPA reports read
RANGE_DAYS = 10  # a "range" date (week, mid-month) covers at most ten days
UNDATED_DAYS = 1  # SaudiNewsNet: the papers print one agency story within a day of each other
PLACE_DAYS = 14  # undated, same place and party: reported up to two weeks apart (hand set: the 12 Jan
# NATO–Russia Council in Brussels is recalled undated in pages of 13 and 24 Jan); tuned on dev
ONGOING_DAYS = 60  # an undated build-up (MOBILIZE) is one story while reports stay within two months
# (hand set: the Russian build-up is told from 7 Dec to 24 Jan); tuned on dev
# v5: undated statement verbs of different sentences never link, even with the same parties
# ("طالبت روسيا الناتو …" … "طلبت روسيا من الناتو …": two demands); dev story P 0.949 → 0.951.
STATEMENT_VERBS_APART = True
# v6: "same day, same participants: one event told twice" needs the participants of both sides: with
# one party (a host whose guests the entities annotator misses) two receptions of one day merged
# (dev2: the Riyadh governor's two receptions of 9 Aug, al-Rabeeah's meeting and reception of 9 Aug).
ONE_EVENT_MIN_PARTIES = 2
# v6: the one-day deictic slack (one agency text on two papers' days) needs two shared parties: with the
# host alone, "أمس" in papers of 10 and 11 Aug joined the Riyadh governor's receptions of 9 and 10 Aug
# (dev2). Before 1 Aug the crawl stamps lag (corpus README), after it they are publication times.
SLACK_MIN_SHARED = 2
# v6: the undated same-place rule (PLACE_DAYS, made for a meeting recalled undated) is not used for
# material conflict (SOLO_NEEDS_PLACE): on 3,000 SaudiNewsNet articles undated attacks "in Iraq" sharing
# only داعش chained 20 mentions of 11 articles (airstrikes, a suicide bombing in Turkey, the 2003 invasion).
PLACE_NOT_FOR_CONFLICT = True
STATEMENT_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "SUPPORT", "THREATEN"})  # verbal acts
# are repeated many times in one article (each demand is its own event in the hand set); tuned on dev
SOLO_NEEDS_PLACE = frozenset({"ASSAULT", "SANCTION", "COERCE", "PROTEST"})  # material conflict: one
# actor does many on one day (3,000 SaudiNewsNet articles: a 236-mention ASSAULT story chained by IS)
SOLO_MIN_SHARED = 2  # below two shared parties the place must agree (same measurement)
# A whole story's day-dated mentions span at most STORY_DAYS (DEICTIC_SLACK: one agency story on
# two papers' days); 0 splits MBS–Kadyrov (dev story F1 0.717 → 0.651), 2–7 change nothing (sweep.py).
STORY_DAYS = 1
# An undated imperfect verb read as asserted (headline يتحدث، يستقبل) has no tense: dev story F1
# 0.692 → 0.703 (recall 0.61 → 0.64: sample 002's headline "بايدن يتحدث مع بوتين" of a planned call).
TENSELESS_IMPERFECT = True
# A whole story has one place (non-anaphoric mentions; a capital as its country): dev story F1
# 0.703 → 0.717 (P 0.78 → 0.82); refuses 63 of ~2,000 merges on 3,000 SaudiNewsNet articles.
STORY_ONE_PLACE = True
# One article tells a story in one tense (planned or asserted; tenseless headline imperfects
# aside): without this a headline's يتحدث joined a planned call and two past summits (sample 002).
STORY_ONE_TENSE = True
# Aligned mentions of two copies of one agency text are one event (copies.py; v5).
COPY_LINKS = True
ONGOING_TYPES = frozenset({"MOBILIZE"})  # PLOVER types whose events last weeks (troops stay deployed)


@dataclass
class _Row:
    event_id: str
    article_id: str
    event_type: str
    parties: frozenset
    location: str | None
    lo: dt.date | None
    hi: dt.date | None
    published: dt.date | None
    story_id: str | None  # set for published rows only
    start: int = 0
    sentence: int = 0
    planned: bool = False  # planned or hypothetical: not yet happened when written
    # Undated and either a definite/possessed noun (الاجتماع، لقائه) or without participants
    # (تم بحث الأوضاع): it refers back to an event already told in the article.
    anaphoric: bool = False
    deictic: bool = False  # day read from اليوم/أمس/a weekday, so only as exact as published_at
    mode: str | None = None
    verb: bool = False  # the trigger is a verb (التقى، اجتمع), not a noun (الاجتماع، زيارة)
    ref: dt.date | None = None  # when reported: published_at, else the article's latest written date
    tense_known: bool = True  # False for an undated imperfect verb read as asserted (يتحدث، يستقبل)
    trigger: str = ""
    dup_group: str | None = None  # optional ``dup_group_id`` column: the article's near-duplicate group
    host: bool = False  # v6: a reception trigger (استقبل، الاستقبال): the known party is the host


def story_key(event_id: str) -> str:
    """Story id derived from the earliest (smallest) member event id."""
    return "st_" + hashlib.sha1(event_id.encode()).hexdigest()[:16]


def link_stories(new_events: pl.DataFrame, published_events: pl.DataFrame | None) -> pl.DataFrame:
    """Return ``new_events`` with ``story_id`` reassigned by linking to each other and to published stories.

    Published rows are never changed: a new mention that matches one joins its story (the
    smallest story id when it matches several). Other stories get ``story_key`` of their
    smallest event id, so the result does not depend on row order.
    """
    if new_events.height == 0:
        return new_events
    new = _rows(new_events, None)
    old = _rows(published_events, "story_id") if published_events is not None and published_events.height else []
    rows = new + old
    find = _components(rows)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(rows)):
        members[find(i)].append(i)
    story = {}
    for group in members.values():
        published = sorted({rows[i].story_id for i in group if rows[i].story_id})
        sid = published[0] if published else story_key(min(rows[i].event_id for i in group))
        for i in group:
            story[rows[i].event_id] = sid
    ids = [story[r.event_id] for r in new]
    return new_events.with_columns(pl.Series("story_id", ids, dtype=pl.String))


def _components(rows: list[_Row]):
    """Union-find over the links, strongest first, never joining two reports of one article that
    ``_two_reports`` keeps apart (a cannot-link: one wrong link must not merge two stories) nor
    two stories whose union ``_Summary.merge`` refuses. Returns ``find``: row index → its root."""
    parent = list(range(len(rows)))
    apart: dict[int, set[int]] = defaultdict(set)  # root → rows that may not join its component
    for i, j in _two_reports_pairs(rows):
        apart[i].add(j)
        apart[j].add(i)

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    links = [(0, i, j) for i, j in _anaphora_pairs(rows)]
    links += [(_strength(rows[i], rows[j]), i, j) for i, j in _candidate_pairs(rows) if _linked(rows[i], rows[j])]
    if COPY_LINKS:  # agency copies (copies.py): ranked with the links of two dated mentions
        links += [(2, i, j) for i, j in copy_pairs(rows)]
    links.sort(key=lambda t: _order(rows[t[1]], rows[t[2]], t[0]))
    summary = {i: _Summary.of(r) for i, r in enumerate(rows)}
    for _, i, j in links:
        a, b = find(i), find(j)
        if a == b or any(find(k) == b for k in apart[a]):
            continue
        merged = summary[a].merge(summary[b])
        if merged is None:
            continue
        parent[a] = b
        apart[b] |= apart.pop(a, set())
        summary[b] = merged
        del summary[a]
    return find


@dataclass(frozen=True)
class _Summary:
    """What a whole story must agree on (complete-link constraints, not only the linked pair):
    one place, and its day-dated mentions within ``STORY_DAYS`` of each other."""

    places: frozenset
    lo: dt.date | None
    hi: dt.date | None
    ongoing: bool
    tenses: frozenset = frozenset()  # (article_id, planned) of the mentions whose tense is known

    @staticmethod
    def of(r: _Row) -> "_Summary":
        day = r.lo is not None and r.lo == r.hi
        placed = r.location and not r.anaphoric and STORY_ONE_PLACE
        return _Summary(frozenset([party_key(r.location)]) if placed else frozenset(),
                        r.lo if day else None, r.hi if day else None,
                        r.event_type in ONGOING_TYPES,
                        frozenset([(r.article_id, r.planned)]) if r.tense_known and STORY_ONE_TENSE else frozenset())

    def merge(self, other: "_Summary") -> "_Summary | None":
        """The merged summary, or None when the two stories cannot be one event."""
        places = self.places | other.places
        if len(places) > 1:
            return None
        los = [d for d in (self.lo, other.lo) if d is not None]
        his = [d for d in (self.hi, other.hi) if d is not None]
        lo, hi = (min(los), max(his)) if los else (None, None)
        if lo is not None and not self.ongoing and (hi - lo).days > STORY_DAYS:
            return None
        tenses = self.tenses | other.tenses
        if len({a for a, _ in tenses}) < len(tenses):
            return None  # one article tells one event either as done or as to come, not both
        return _Summary(places, lo, hi, self.ongoing, tenses)


def _order(a: _Row, b: _Row, strength: int) -> tuple:
    """Sort key of a link: strength, then (within an article) the nearer pair first, as in
    closest-first coreference, then event ids so that the result does not depend on row order."""
    near = abs(a.sentence - b.sentence) if strength <= 1 else 0
    return strength, near, min(a.event_id, b.event_id), max(a.event_id, b.event_id)


def _strength(a: _Row, b: _Row) -> int:
    """Link order: within an article, then both dated, one dated, both undated (README)."""
    if a.article_id == b.article_id:
        return 1
    return 2 + (a.lo is None) + (b.lo is None)


def _two_reports(a: _Row, b: _Row) -> bool:
    """Two verb triggers of one type in different sentences of one article sharing fewer than two
    parties open two reports (SPA digests: MBS met Kadyrov; MBS met Geagea). A verb with no
    participant read (a page footer repeating the headline) is no evidence of a second report."""
    if (a.lo is not None and a.lo == b.lo and a.hi == b.hi
            and ((a.parties == b.parties and len(a.parties) >= ONE_EVENT_MIN_PARTIES) or _one_visit(a, b))):
        return False  # same day, same participants: one event told twice (يزور … يوم الثلاثاء)
    return (a.article_id == b.article_id and a.event_type == b.event_type and a.verb and b.verb
            and a.sentence != b.sentence and len(a.parties & b.parties) < 2 and bool(a.parties and b.parties))


def _one_visit(a: _Row, b: _Row) -> bool:
    """Two visit verbs of one day, the participants of one within the other's: the visit retold
    (v5: "يزور الجبير موسكو يوم الثلاثاء … يزور موسكو الثلاثاء القادم"). A visit names its
    destination, a place the entities annotator knows, so a subset is a name left out, not an
    unrecognised second guest (the MBS–Kadyrov / MBS–Geagea meetings have no mode). v6: not
    for receptions (استقبل): a host receives guest after guest on one day, and the guests are
    the names the entities annotator misses (dev2: "استقبل … امس مدير … كما استقبل … امس أبناء")."""
    if a.host or b.host:
        return False
    return a.mode == b.mode == "visit" and (a.parties <= b.parties or b.parties <= a.parties)


def _different_days(a: _Row, b: _Row) -> bool:
    """Two day-dated mentions of one article on different days: two rounds, two events."""
    return (a.article_id == b.article_id and a.event_type == b.event_type and a.lo is not None
            and b.lo is not None and a.lo == a.hi and b.lo == b.hi and a.lo != b.lo)


def _two_reports_pairs(rows: list[_Row]):
    """Cannot-link pairs: ``_two_reports`` or ``_different_days``, within (article, type) groups."""
    by_article: dict[tuple, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        if r.verb or r.lo is not None:
            by_article[(r.article_id, r.event_type)].append(i)
    for idx in by_article.values():
        for x in range(len(idx)):
            for y in range(x + 1, len(idx)):
                a, b = rows[idx[x]], rows[idx[y]]
                if _two_reports(a, b) or _different_days(a, b):
                    yield idx[x], idx[y]


def _rows(df: pl.DataFrame, story_col: str | None) -> list[_Row]:
    has_pub = "published_at" in df.columns
    out = []
    anchor = _anchors(df)
    for r in df.iter_rows(named=True):
        lo, hi = _period(r["event_date"], r["date_precision"])
        pub = r["published_at"] if has_pub else None
        out.append(_Row(r["event_id"], r["article_id"], r["event_type"],
                        frozenset(map(party_key, (r["actor_entity_ids"] or []) + (r["target_entity_ids"] or []))),
                        r["location_entity_id"], lo, hi, pub.date() if isinstance(pub, dt.datetime) else pub,
                        r[story_col] if story_col else None, r["start_char"], r["sentence_index"],
                        r["factuality"] in ("planned", "hypothetical"),
                        r["event_date"] is None and (is_anaphoric(r["trigger"]) or not (
                            (r["actor_entity_ids"] or []) + (r["target_entity_ids"] or []))),
                        r["date_precision"] == "day" and not any(c.isdigit() for c in (r["date_text"] or "0")),
                        r.get("event_mode")))
        out[-1].ref = out[-1].published or anchor.get(r["article_id"])
        out[-1].verb = _is_verb(r["trigger"])
        out[-1].trigger = r["trigger"]
        out[-1].host = _is_host(r["trigger"])
        out[-1].dup_group = r.get("dup_group_id")
        out[-1].tense_known = (out[-1].planned or lo is not None or not TENSELESS_IMPERFECT
                               or not _is_imperfect(r["trigger"]))
    return out


@lru_cache(maxsize=4096)
def _is_verb(trigger: str) -> bool:
    """Whether the trigger's first word is a verb form of the lexicon."""
    hit = lookup(fold(trigger.split()[0])) if trigger.strip() else None
    return hit is not None and hit[0].pos == "verb"


@lru_cache(maxsize=4096)
def _is_host(trigger: str) -> bool:
    """Whether the trigger is a reception (استقبل، يستقبل، الاستقبال): its subject is the host."""
    hit = lookup(fold(trigger.split()[0])) if trigger.strip() else None
    return hit is not None and hit[0].host_subject


@lru_cache(maxsize=4096)
def _is_imperfect(trigger: str) -> bool:
    """Whether the trigger's first word is an imperfect verb (يتحدث، تلتقي): a ي/ن-initial verb stem,
    or a ت-initial one whose ي- form is in the lexicon too (تلتقي/يلتقي, not the perfect تحدث)."""
    word = fold(trigger.split()[0]) if trigger.strip() else ""
    hit = lookup(word)
    if hit is None or hit[0].pos != "verb":
        return False
    _, pro, enc = hit
    stem = word[len(pro): len(word) - len(enc)]
    return stem.startswith(("ي", "ن")) or (stem.startswith("ت") and lookup("ي" + stem[1:]) is not None)


def _same_tense(a: _Row, b: _Row) -> bool:
    """Same tense (planned vs asserted), or one of them carries no tense (an undated imperfect verb:
    a headline's يتحدث is news-present, told of a call both before and after it)."""
    return not (a.tense_known and b.tense_known) or a.planned == b.planned


def _anchors(df: pl.DataFrame) -> dict[str, dt.date]:
    """Article → latest day written in full in it (``date_basis`` text or article_anchor): when
    an undated page was written, at the earliest (README "Dates": the article anchor)."""
    if "date_basis" not in df.columns:
        return {}
    full = df.filter(pl.col("date_basis").is_in(["text", "article_anchor"]) & (pl.col("date_precision") == "day"))
    return dict(full.group_by("article_id").agg(pl.col("event_date").max()).iter_rows())


_POSSESSIVE = ("ه", "ها", "هم", "هما")


def is_anaphoric(trigger: str) -> bool:
    """A definite (الاجتماع) or possessed (لقائه، زيارته) noun trigger: it names an event already told."""
    t = trigger.lstrip("وفبل")
    return t.startswith("ال") or (len(t) > 4 and t.endswith(_POSSESSIVE) and not t.startswith(("ي", "ت", "ن")))


def _period(date: dt.date | None, precision: str | None) -> tuple[dt.date | None, dt.date | None]:
    if date is None:
        return None, None
    if precision == "month":
        nxt = dt.date(date.year + date.month // 12, date.month % 12 + 1, 1)
        return date, nxt - dt.timedelta(days=1)
    if precision == "year":
        return date, dt.date(date.year, 12, 31)
    if precision == "range":
        return date, date + dt.timedelta(days=RANGE_DAYS - 1)
    return date, date


def _candidate_pairs(rows: list[_Row]):
    """Pairs that could be linked (blocking): same type and article, or same type and entity
    with overlapping periods, or undated with the same participants. Yields each pair once."""
    blocks: dict[tuple, list[int]] = defaultdict(list)
    coarse: list[int] = []
    seen: set = set()
    days: dict[tuple, dict[dt.date, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, r in enumerate(rows):
        blocks[(r.event_type, "a", r.article_id)].append(i)
        if r.lo is None:
            if len(r.parties) >= 2:  # undated across articles: the same two or more parties
                blocks[(r.event_type, "u", r.parties)].append(i)  # (_undated_across; ongoing
                # types and places are paired in _undated_pairs, one article in its "a" block)
        elif r.lo == r.hi:
            for p in r.parties:
                days[(r.event_type, p)][r.lo].append(i)
        else:
            coarse.append(i)
            for p in r.parties:
                blocks[(r.event_type, "c", p)].append(i)
    for by_day in days.values():
        for day, idx in by_day.items():
            blocks[("day", id(idx))] = idx
            for i in idx:  # next day too: deictic dates may be one day off between papers
                for j in by_day.get(day + dt.timedelta(days=1), []):
                    if (rows[i].deictic or rows[j].deictic) and not _both_published(rows[i], rows[j]):
                        yield from _once(i, j, seen)
    for idx in blocks.values():
        yield from _block_pairs(rows, idx, seen)
    yield from _undated_pairs(rows, seen)
    for i in coarse:
        r = rows[i]
        for p in r.parties:
            for day, idx in days.get((r.event_type, p), {}).items():
                if r.lo <= day <= r.hi:
                    for j in idx:
                        if not _both_published(r, rows[j]):
                            yield from _once(i, j, seen)


def _both_published(a: _Row, b: _Row) -> bool:
    """Two published mentions are never linked again (``_linked``): their pair is not a candidate.
    Skipping them keeps linking a part proportional to the part, not to the archive (measured:
    5.9 M candidate pairs, 21 s, for 1,313 new mentions against 42k published candidates)."""
    return bool(a.story_id and b.story_id)


def _block_pairs(rows: list[_Row], idx: list[int], seen: set):
    """Every pair of a block with at least one new mention."""
    new = [i for i in idx if not rows[i].story_id]
    old = [i for i in idx if rows[i].story_id]
    for a, i in enumerate(new):
        for j in new[a + 1:]:
            yield from _once(i, j, seen)
        for j in old:
            yield from _once(i, j, seen)


def _undated_pairs(rows: list[_Row], seen: set):
    """Pairs for the undated rules across articles: blocks (type, place, party) and, for ongoing
    types, (type, party), each scanned in time order within its window (no all-pairs scan)."""
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        if _when(r) is None:
            continue
        for p in r.parties:
            if r.location:
                blocks[(r.event_type, r.location, p)].append(i)
            if r.lo is None and r.event_type in ONGOING_TYPES:
                blocks[(r.event_type, None, p)].append(i)
    for key, idx in blocks.items():
        days = PLACE_DAYS if key[1] is not None else ONGOING_DAYS
        idx.sort(key=lambda i: _when(rows[i]))
        for a, i in enumerate(idx):  # from each new mention, both ways within the window
            if rows[i].story_id:
                continue
            for step in (1, -1):
                b = a + step
                while 0 <= b < len(idx) and abs((_when(rows[idx[b]]) - _when(rows[i])).days) <= days:
                    j = idx[b]
                    if rows[i].lo is None or rows[j].lo is None:
                        yield from _once(i, j, seen)
                    b += step


def _anaphora_pairs(rows: list[_Row]):
    """(mention, antecedent): an anaphoric mention and the nearest earlier mention of its type."""
    by_article: dict[tuple, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_article[(r.article_id, r.event_type)].append(i)
    for idx in by_article.values():
        idx.sort(key=lambda i: rows[i].start)
        for a in range(1, len(idx)):
            r, prev = rows[idx[a]], rows[idx[a - 1]]
            # Participants are not compared: those read around "حضر الاستقبال" are attendees.
            if (r.anaphoric and not (r.story_id and prev.story_id) and _same_tense(r, prev)
                    and r.sentence - prev.sentence <= ANAPHORA_SENTENCES):
                yield idx[a], idx[a - 1]


def _once(i: int, j: int, seen: set):
    key = (min(i, j), max(i, j))
    if key not in seen:
        seen.add(key)
        yield key


def _coarse(r: _Row) -> bool:
    return r.lo is not None and (r.hi - r.lo).days > RANGE_DAYS


def _linked(a: _Row, b: _Row) -> bool:
    """Whether two mentions report the same event (the rule of the module docstring)."""
    if a.event_type != b.event_type or (a.story_id and b.story_id):
        return False
    if a.location and b.location and a.location != b.location:
        return False
    if a.mode and b.mode and a.mode != b.mode:  # a visit is not a phone call (PLOVER modes)
        return False
    same_article = a.article_id == b.article_id
    if _two_reports(a, b):
        return False
    if not a.parties or not b.parties:
        if not same_article:
            return False
        if a.location and a.location == b.location and _same_tense(a, b):
            return True  # same article, place and tense: the participants were just not named again
        return a.lo is not None and a.lo == b.lo and a.hi == b.hi
    shared = len(a.parties & b.parties)
    if shared == 0 or shared / len(a.parties | b.parties) < MIN_JACCARD:
        return False
    if (not same_article and shared < SOLO_MIN_SHARED and a.event_type in SOLO_NEEDS_PLACE
            and not (a.location and a.location == b.location)):
        return False  # one shared party (داعش) on one day is many attacks: demand the same place
    if a.lo is not None and b.lo is not None:
        if (_coarse(a) or _coarse(b)) and not (a.parties == b.parties and len(a.parties) >= 2):
            return False  # a month overlaps every day in it: demand the very same two or more parties
        slack = DEICTIC_SLACK if (_same_offset(a, b) and not same_article
                                  and shared >= SLACK_MIN_SHARED) else 0
        return a.lo <= b.hi + dt.timedelta(days=slack) and b.lo <= a.hi + dt.timedelta(days=slack)
    if same_article:  # an undated mention in one article: the same event only in the same tense
        if (STATEMENT_VERBS_APART and a.event_type in STATEMENT_TYPES and a.verb and b.verb
                and a.sentence != b.sentence):
            return False  # v5: two statement verbs of different sentences are two speech acts
        return _same_tense(a, b) and (a.event_type not in STATEMENT_TYPES or a.parties == b.parties)
    return _undated_across(a, b)


def _same_offset(a: _Row, b: _Row) -> bool:
    """Both days read from deictic words (اليوم، أمس) and as far apart as the papers' dates: one
    agency story printed a day later, not two events on consecutive days."""
    if not (a.deictic and b.deictic and a.published and b.published):
        return False
    return (a.lo - b.lo).days == (a.published - b.published).days


def _when(r: _Row) -> dt.date | None:
    """The event's day if dated, else when it was reported."""
    return r.lo if r.lo is not None else r.ref


def _undated_across(a: _Row, b: _Row) -> bool:
    """Two mentions of different articles, at least one undated, participants already compatible."""
    ta, tb = _when(a), _when(b)
    if ta is None or tb is None:
        return False
    gap = abs((ta - tb).days)
    # Announced, then held: a planned report after the asserted one is a new round.
    if a.planned != b.planned and a.tense_known and b.tense_known:
        plan, done = (a, b) if a.planned else (b, a)
        if _when(plan) > _when(done):
            return False
    if a.lo is None and b.lo is None:
        if (a.parties == b.parties and len(a.parties) >= 2 and not a.anaphoric and not b.anaphoric
                and gap <= UNDATED_DAYS):
            return True
        if a.event_type in ONGOING_TYPES and gap <= ONGOING_DAYS:
            return True
    if PLACE_NOT_FOR_CONFLICT and a.event_type in SOLO_NEEDS_PLACE:
        return False  # v6: "undated, same place" is no evidence for attacks: one country, many a week
    window = PLACE_DAYS if a.lo is None and b.lo is None else UNDATED_DAYS
    return bool(a.location and a.location == b.location) and gap <= window
