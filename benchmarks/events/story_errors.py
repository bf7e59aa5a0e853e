"""List the story-link errors on the hand set, story by story, to group them by cause.

    .venv/bin/python benchmarks/events/story_errors.py [--split dev|heldout|all] [--doc PREFIX]

First counts the wrong pairs by cause (in = same article, x = across articles; the first of
these checks that fails for the two matched system mentions: unmatched = a gold mention has
no system mention, the recall ceiling; type; place; mode; tense; no parties; no shared party;
dates; "linked directly" = the pair rule holds but the components were kept apart or joined
through others). Then, for each gold story (and each system story merging several gold
stories), prints the gold mentions with the matched system mention: type, date, factuality,
trigger, participants, place and story id.
"""

from __future__ import annotations

import argparse
import itertools
from collections import Counter, defaultdict

import polars as pl

from akhbar.tasks.annotate.events import annotate_events
from akhbar.tasks.annotate.events import stories as S
from evaluate import articles_frame, entities_for, load_gold, match, system_events


def _names(ents) -> dict[str, str]:
    if ents.height == 0 or "entity_id" not in ents.columns:
        return {}
    col = "canonical_name" if "canonical_name" in ents.columns else "surface"
    return dict(zip(ents["entity_id"], ents[col]))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev")
    ap.add_argument("--doc", default="")
    ap.add_argument("--entities-cache", default="", help="parquet of the hand set's entities (evaluate.py writes it)")
    args = ap.parse_args()
    docs = [d for d in load_gold() if args.split == "all" or d["split"] == args.split]
    docs = [d for d in docs if d["doc"].startswith(args.doc)]
    arts = articles_frame(docs)
    if args.entities_cache:
        ents = pl.read_parquet(args.entities_cache).filter(pl.col("article_id").is_in(arts["article_id"].implode()))
    else:
        ents, _ = entities_for(arts)
    names = _names(ents)
    ev = system_events(arts, ents)  # as the flow links them (evaluate.py)
    by_doc = {k[0]: g.sort("start_char").to_dicts() for k, g in ev.group_by("article_id")}
    gold = defaultdict(list)  # story -> [(doc, gold, system|None)]
    rows = []
    for d in docs:
        sys_ev = by_doc.get(d["doc"], [])
        m = dict(match(d["events"], sys_ev, d["body"]))
        for gi, g in enumerate(d["events"]):
            s = sys_ev[m[gi]] if gi in m else None
            key = g["story"] or f"_solo_{d['doc']}_{gi}"
            gold[key].append((d["doc"], g, s))
            rows.append((key, d["doc"], g, s))
    short = lambda x: (x or "")[-6:]  # noqa: E731
    nm = lambda ids: ",".join(names.get(i, i)[:14] for i in (ids or []))  # noqa: E731

    def show(doc, g, s):
        tag = "UNMATCHED" if s is None else short(s["story_id"])
        sysd = "" if s is None else (f"{s['event_type']:8} {s['event_date']} {s['factuality'][:4]} "
                                     f"{s['trigger'][:12]:12} A[{nm(s['actor_entity_ids'])}] "
                                     f"T[{nm(s['target_entity_ids'])}] @{names.get(s['location_entity_id'], '')[:10]} "
                                     f"dt={s['date_text']}")
        print(f"   {doc[-12:]:12} g:{g['type'][:7]:7} {g['date']} {g['factuality'][:4]} | {tag:9} {sysd}")

    causes(rows, ev)
    print("== missed links (gold stories split) ==")
    for key, ms in gold.items():
        if key.startswith("_solo") or len(ms) < 2:
            continue
        pairs = list(itertools.combinations(ms, 2))
        fn = sum(1 for a, b in pairs if not (a[2] and b[2] and a[2]["story_id"] == b[2]["story_id"]))
        if fn:
            print(f"-- {key}: {fn}/{len(pairs)} pairs missed")
            for doc, g, s in ms:
                show(doc, g, s)
    print("\n== false links (system stories merging gold stories) ==")
    sys_groups = defaultdict(list)
    for key, doc, g, s in rows:
        if s is not None:
            sys_groups[s["story_id"]].append((key, doc, g, s))
    for sid, ms in sys_groups.items():
        keys = {k for k, *_ in ms}
        if len(keys) > 1:
            fp = sum(1 for a, b in itertools.combinations(ms, 2) if a[0] != b[0] or a[0].startswith("_solo"))
            print(f"-- {short(sid)}: {fp} false pairs; gold stories {sorted(keys)}")
            for key, doc, g, s in ms:
                print(f"  [{key[:18]}]", end="")
                show(doc, g, s)


def _cause(ra, rb) -> str:
    """Why two system mentions are (not) one story: the first pair condition that fails."""
    checks = [("type", ra.event_type != rb.event_type),
              ("place", bool(ra.location and rb.location and ra.location != rb.location)),
              ("mode", bool(ra.mode and rb.mode and ra.mode != rb.mode)), ("tense", not S._same_tense(ra, rb)),
              ("no parties", not ra.parties or not rb.parties), ("no shared party", not ra.parties & rb.parties),
              ("dates", bool(ra.lo and rb.lo and not (ra.lo <= rb.hi and rb.lo <= ra.hi)))]
    return next((name for name, failed in checks if failed), "linked directly" if S._linked(ra, rb) else "other rule")


def causes(rows: list, ev) -> None:
    """Print the missed and false story pairs counted by cause and scope (in / x article)."""
    sys_rows = {r.event_id: r for r in S._rows(ev, None)}
    missed, false = Counter(), Counter()
    for (ka, da, _, sa), (kb, db, _, sb) in itertools.combinations(rows, 2):
        gold = ka == kb and not ka.startswith("_solo")
        scope = "in" if da == db else "x"
        if sa is None or sb is None:
            missed[(scope, "unmatched")] += gold
            continue
        linked = sa["story_id"] == sb["story_id"]
        if gold != linked and sa["event_id"] != sb["event_id"]:
            (missed if gold else false)[(scope, _cause(sys_rows[sa["event_id"]], sys_rows[sb["event_id"]]))] += 1
    for name, counts in (("missed", missed), ("false", false)):
        print(f"{name} pairs by cause: " + ", ".join(f"{s} {c}: {n}" for (s, c), n in counts.most_common() if n))
    print()


if __name__ == "__main__":
    main()
