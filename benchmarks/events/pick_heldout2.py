"""Choose the articles of the ``heldout2`` split (story linking) by a fixed, seeded procedure.

    .venv/bin/python benchmarks/events/pick_heldout2.py [--seed 2026] [--pairs 5] [--show]

It never runs the events annotator: articles are chosen from their titles and dates only.

1. Pool: SaudiNewsNet articles with a title and a body of 300–1,800 characters (short enough
   to annotate by hand), whose title names an event with one of the issue's own trigger words
   (``EVENT_WORDS``, the examples listed in issue 6, matched as substrings of the folded title),
   not already in the hand set (``make_handset.py``).
2. Same-event groups: two pool articles of *different outlets*, published within one day,
   whose titles share at least ``MIN_SHARED = 3`` content words (folded, clitic و/ب/ل/ال cut,
   stop words and words under 3 letters dropped) with Jaccard ≥ ``MIN_JACCARD = 0.3``; groups
   are the connected components of that relation (one article per outlet kept: the first by
   file and line), at most ``MAX_GROUP = 3`` articles (the first three by date).
3. Precision needs look-alike groups: two groups are *siblings* when their titles share ≥ 2
   content words (e.g. خادم الحرمين + يستقبل) but no article pair meets rule 2 (a different
   guest, a different day's fighting). Sibling pairs of groups are drawn with
   ``random.Random(seed)`` (distinct groups; no group with an article that meets rule 2 with a
   hand-set article, whatever the outlet: the first draw held MBS–Geagea, a dev story, so this
   exclusion was added before anything was annotated), ``--pairs`` of them, so every drawn group comes with a look-alike of the same kind.
4. Groups whose articles are all identical bodies are kept (agency copies are half of what
   papers print), but ``--pairs`` pairs are drawn so that the split has 20–30 articles.

``--seed 7 --pairs 6 --exclude-heldout2`` drew the ``dev2`` split by the same procedure, with
heldout2's articles and events left out: a tuning set from the same distribution, so that v6
rules could be tuned on it and on dev while heldout2 stays unread (RESULTS.md v6).

The drawn list is printed (file#line, outlet, published, title) and was pasted into
``make_handset.py`` (``HELDOUT2``) before the first annotation; the annotations were written by
reading each body, before any v6 rule change, and scored once (RESULTS.md history).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from make_handset import HELDOUT, HELDOUT2, SNN_DOCS  # noqa: E402

from akhbar.tasks.annotate.events.lexicon import fold  # noqa: E402

SNN = Path("/work/shared/corpora/saudinewsnet")
MIN_CHARS, MAX_CHARS = 300, 1800
MIN_SHARED, MIN_JACCARD, MAX_GROUP = 3, 0.3, 3
# Issue 6's example triggers (and their common inflections), folded: a title with none of them
# rarely reports a PLOVER event (sport results, prices, weather).
EVENT_WORDS = tuple(fold(w) for w in (
    "يلتقي التقى لقاء اجتماع يجتمع اجتمع محادثات مباحثات قمة مكالمة اتصالا زيارة يزور زار يستقبل استقبل "
    "يطالب طالب دعا يدعو طلب هدد يهدد يحذر اتهم يتهم رفض يرفض حشد مناورات عقوبات اتفق اتفاق يوقع توقيع "
    "دعم يدعم هجوم غزو غارات تفجير قصف يبحث بحث يدين أدان").split())
STOP = {fold(w) for w in "في من على إلى الى عن مع بعد قبل خلال حول بين أن ان إن التي الذي هذا هذه ذلك تلك "
        "عبر لدى منذ اليوم أمس غدا و أو ثم قد لا لم لن ما كل".split()}


def words(title: str) -> frozenset:
    out = set()
    for w in re.findall(r"[\u0621-\u064A]+", fold(title)):
        for p in ("وال", "بال", "لل", "ال", "و", "ب"):
            if w.startswith(p) and len(w) - len(p) >= 3:
                w = w[len(p):]
                break
        if len(w) >= 3 and w not in STOP:
            out.add(w)
    return frozenset(out)


def load_pool(exclude: frozenset = frozenset()) -> tuple[list[dict], list[dict]]:
    """(pool, hand-set articles): the candidates, and the articles already annotated."""
    taken = set(SNN_DOCS) | set(HELDOUT) | set(exclude)
    pool, hand = [], []
    for path in sorted(SNN.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                d = json.loads(line)
                key = f"{path.name}#L{n}"
                title, text = d.get("title") or "", d.get("text") or ""
                if key in taken:
                    hand.append({"key": key, "outlet": "", "title": title, "words": words(title),
                                 "pub": dt.datetime.fromisoformat(d["published"])})
                    continue
                if key in taken or not title or not (MIN_CHARS <= len(text.strip()) <= MAX_CHARS):
                    continue
                ft = fold(title)
                if not any(w in ft for w in EVENT_WORDS):
                    continue
                pool.append({"key": key, "outlet": d["outlet"], "title": title.strip(), "words": words(title),
                             "pub": dt.datetime.fromisoformat(d["published"]), "body": text.strip()})
    return pool, hand


def same_event(a: dict, b: dict) -> bool:
    if (a["outlet"] == b["outlet"] and a["outlet"]) or abs((a["pub"] - b["pub"]).total_seconds()) > 86400:
        return False
    shared = len(a["words"] & b["words"])
    return shared >= MIN_SHARED and shared / len(a["words"] | b["words"]) >= MIN_JACCARD


def groups(pool: list[dict]) -> list[list[dict]]:
    by_word = defaultdict(list)
    for i, a in enumerate(pool):
        for w in a["words"]:
            by_word[w].append(i)
    parent = list(range(len(pool)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(pool):
        cands = {j for w in a["words"] for j in by_word[w] if j > i}
        for j in sorted(cands):
            if same_event(a, pool[j]):
                parent[find(i)] = find(j)
    comp = defaultdict(list)
    for i in range(len(pool)):
        comp[find(i)].append(i)
    out = []
    for idx in comp.values():
        if len(idx) < 2:
            continue
        seen, members = set(), []
        for i in sorted(idx, key=lambda i: (pool[i]["pub"], pool[i]["key"])):
            if pool[i]["outlet"] not in seen:
                seen.add(pool[i]["outlet"])
                members.append(pool[i])
        if len(members) >= 2:
            out.append(members[:MAX_GROUP])
    return sorted(out, key=lambda g: g[0]["key"])


def siblings(gs: list[list[dict]]) -> list[tuple[int, int]]:
    tw = [frozenset().union(*(a["words"] for a in g)) for g in gs]
    pairs = []
    for x in range(len(gs)):
        for y in range(x + 1, len(gs)):
            if len(tw[x] & tw[y]) >= 2 and not any(same_event(a, b) for a in gs[x] for b in gs[y]):
                pairs.append((x, y))
    return pairs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--pairs", type=int, default=5)
    ap.add_argument("--show", action="store_true", help="print the bodies too")
    ap.add_argument("--exclude-heldout2", action="store_true",
                    help="also leave out heldout2 and its events (the draw of the dev2 tuning split)")
    args = ap.parse_args()
    pool, hand = load_pool(frozenset(HELDOUT2) if args.exclude_heldout2 else frozenset())
    # No group reporting an event of the hand set (a hand-set article's title within a day,
    # whatever the outlet): the first draw picked up MBS–Geagea, a dev story.
    gs = [g for g in groups(pool) if not any(same_event(a, h) for a in g for h in hand)]
    sib = siblings(gs)
    print(f"pool {len(pool)} articles, {len(gs)} same-event groups, {len(sib)} sibling pairs", file=sys.stderr)
    rng = random.Random(args.seed)
    rng.shuffle(sib)
    used: set[int] = set()
    drawn = []
    for x, y in sib:
        if x in used or y in used:
            continue
        used |= {x, y}
        drawn.append((x, y))
        if len(drawn) == args.pairs:
            break
    n = 0
    for k, (x, y) in enumerate(drawn):
        for tag, g in (("a", gs[x]), ("b", gs[y])):
            print(f"# pair {k}{tag}")
            for a in g:
                n += 1
                print(f'    "{a["key"]}",  # {a["outlet"]} {a["pub"]} {a["title"]}')
                if args.show:
                    print(a["body"], "\n")
    print(f"{n} articles", file=sys.stderr)


if __name__ == "__main__":
    main()
