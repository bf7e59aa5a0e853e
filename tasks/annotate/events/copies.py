"""Agency copies: two articles that tell one agency text link their aligned mentions.

Papers print one agency (SPA, AFP) text with small edits, often on the same day. Their
mentions come out in the same order with the same triggers, but a mention with one party or
none (Hadi's demand, "the aid") cannot link across articles by the participant rule of
``stories.py``. Two articles are copies when either

* they carry the same ``dup_group_id`` (optional column: the articles table's near-duplicate
  group, joined in by the caller), or
* their sequences of (event_type, trigger) are nearly the same (``COPY_MIN_RATIO``), each has
  at least ``COPY_MIN_MENTIONS`` mentions, they were reported within ``COPY_DAYS`` and they
  share a (type, party) somewhere, which keeps the candidate pre-filter exact (candidates.py
  returns every published article sharing a type and a party with a new event).

Mentions aligned by the longest matching blocks of the two sequences then link, provided no
aligned pair can be two events: the parties of one are a subset of the other's (a copy may
drop a name, not change it: "the King received X" and "the King received Y" are two events),
places and dates do not conflict and the tense agrees. One such conflict shows two formulaic
texts (SPA's daily "استقبل … الاستقبال" reports), not one text copied, and vetoes the whole pair.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from functools import lru_cache

from .lexicon import fold

# Minimum mentions per article: a one-mention article ("زيارة") aligns with any other one.
# Hand set (dev): the copies missed by v4 have 2 (اتصالاً، إدانته) to 8 mentions.
COPY_MIN_MENTIONS = 2
# difflib ratio 2·matches / (len a + len b) of the two sequences. Dev copies: 1.0 (identical
# sequences after the papers' edits) and 0.8 (Jubeir's visit: one paper repeats the visit verb);
# 0.8 lets one mention in five differ. See RESULTS.md v5 for the SaudiNewsNet check of its links.
COPY_MIN_RATIO = 0.8
COPY_DAYS = 1  # SaudiNewsNet: the papers print one agency story within a day of each other


@lru_cache(maxsize=8192)
def _key_word(trigger: str) -> str:
    return fold(trigger.split()[0]) if trigger.strip() else ""


def copy_pairs(rows: list):
    """Yield (i, j) pairs of aligned mentions of two copy articles (module docstring), over the
    ``stories._Row`` list (new and published mentions; ``trigger`` and ``dup_group`` set)."""
    arts: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        arts[r.article_id].append(i)
    for idx in arts.values():
        idx.sort(key=lambda i: rows[i].start)
    seqs = {a: [(rows[i].event_type, _key_word(rows[i].trigger)) for i in idx] for a, idx in arts.items()}
    bags = {a: Counter(seq) for a, seq in seqs.items()}
    for a, b, same_group in _article_pairs(rows, arts):
        ia, ib, sa, sb = arts[a], arts[b], seqs[a], seqs[b]
        if not same_group and not _may_copy(sa, sb, bags[a], bags[b]):
            continue  # cheap bounds first: 17,776 article pairs on 3,000 SaudiNewsNet articles
        sm = SequenceMatcher(None, sa, sb, autojunk=False)
        if not same_group and sm.ratio() < COPY_MIN_RATIO:
            continue
        aligned = [(ia[m.a + k], ib[m.b + k]) for m in sm.get_matching_blocks() for k in range(m.size)]
        # One aligned pair that cannot be one event (the King received X / received Y) shows two
        # formulaic texts, not one text copied: then none of their mentions are linked this way.
        if all(_compatible(rows[i], rows[j]) for i, j in aligned):
            yield from aligned


def _may_copy(sa: list, sb: list, ca: Counter, cb: Counter) -> bool:
    """Necessary conditions of ``ratio ≥ COPY_MIN_RATIO``: matches ≤ the shorter length and ≤ the
    shared multiset (difflib's quick ratios), with ``COPY_MIN_MENTIONS`` mentions on each side."""
    la, lb = len(sa), len(sb)
    need = COPY_MIN_RATIO * (la + lb) / 2
    return min(la, lb) >= COPY_MIN_MENTIONS and min(la, lb) >= need and sum((ca & cb).values()) >= need


def _article_pairs(rows: list, arts: dict[str, list[int]]):
    """(article, article, same dup group) pairs to compare, each with a new mention: the same
    ``dup_group_id``, or a shared (type, party) with report dates within ``COPY_DAYS``."""
    seen: set = set()
    group_of = {r.article_id: r.dup_group for r in rows if r.dup_group}
    fresh = {a for a, idx in arts.items() if any(not rows[i].story_id for i in idx)}
    by_group: dict[str, list[str]] = defaultdict(list)
    for a, g in group_of.items():
        by_group[g].append(a)
    for members in by_group.values():
        for x in members:
            for y in members:
                if x < y and (x in fresh or y in fresh) and (x, y) not in seen:
                    seen.add((x, y))
                    yield x, y, True
    when = {a: _report_day(rows, idx) for a, idx in arts.items()}
    by_party: dict[tuple, set[str]] = defaultdict(set)  # (type, party, report day) → articles
    for r in rows:
        if when[r.article_id] is not None:
            for p in r.parties:
                by_party[(r.event_type, p, when[r.article_id])].add(r.article_id)
    days = [dt.timedelta(days=d) for d in range(-COPY_DAYS, COPY_DAYS + 1)]
    for a in sorted(fresh):
        if when[a] is None:
            continue
        keys = {(rows[i].event_type, p, when[a] + d) for i in arts[a] for p in rows[i].parties for d in days}
        for b in sorted(set().union(*(by_party.get(k, ()) for k in keys)) - {a}):
            key = (min(a, b), max(a, b))
            if key not in seen:
                seen.add(key)
                yield key[0], key[1], False


def _report_day(rows: list, idx: list[int]) -> dt.date | None:
    """When the article was reported: ``published_at``, else its anchor (``_Row.ref``)."""
    return next((rows[i].ref for i in idx if rows[i].ref is not None), None)


def _compatible(a, b) -> bool:
    """Two aligned mentions of copies are one event unless something tells them apart."""
    if a.event_type != b.event_type or (a.story_id and b.story_id):
        return False
    if not (a.parties <= b.parties or b.parties <= a.parties):
        return False
    if a.location and b.location and a.location != b.location:
        return False
    if a.mode and b.mode and a.mode != b.mode:
        return False
    if a.lo is not None and b.lo is not None and not (a.lo <= b.hi + dt.timedelta(days=1)
                                                      and b.lo <= a.hi + dt.timedelta(days=1)):
        return False  # one day of slack: the copies' deictic days follow their papers' dates
    return not (a.tense_known and b.tense_known) or a.planned == b.planned
