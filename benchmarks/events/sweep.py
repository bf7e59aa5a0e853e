"""Sensitivity of the story-linking thresholds on the tuning splits (story links, all pairs).

    .venv/bin/python benchmarks/events/sweep.py [--entities-cache /tmp/ents.parquet]

Annotates once, then relinks (as the flow does: ``published_at`` and dedup's ``dup_group_id``
joined) with each threshold value, the others at their defaults, and prints story P/R/F1 on dev
and dev2, the splits the thresholds were tuned on (v6). The held-out splits are left out on
purpose: they are scored by evaluate.py only.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import polars as pl

from akhbar.tasks.annotate.events import annotate_events
from akhbar.tasks.annotate.events import stories as S
from akhbar.tasks.dedup.config import DedupConfig
from akhbar.tasks.dedup.groups import dedup_batch
from evaluate import articles_frame, entities_for, load_gold, score

GRID = {"PLACE_DAYS": [0, 7, 14, 30], "ONGOING_DAYS": [0, 30, 60, 90], "MIN_JACCARD": [0.34, 0.5, 0.67],
        "UNDATED_DAYS": [0, 1, 2], "DEICTIC_SLACK": [0, 1], "STORY_DAYS": [0, 1, 2, 7],
        "STORY_ONE_PLACE": [False, True], "TENSELESS_IMPERFECT": [False, True],
        # v6
        "ONE_EVENT_MIN_PARTIES": [1, 2, 3], "SLACK_MIN_SHARED": [1, 2, 3], "PLACE_NOT_FOR_CONFLICT": [False, True]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entities-cache", default="")
    args = ap.parse_args()
    docs = [d for d in load_gold() if d["split"] in ("dev", "dev2")]
    arts = articles_frame(docs)
    cache = Path(args.entities_cache) if args.entities_cache else None
    ents = pl.read_parquet(cache) if cache and cache.exists() else entities_for(arts)[0]
    ents = ents.filter(pl.col("article_id").is_in(arts["article_id"].implode()))
    groups, _ = dedup_batch(arts.select("article_id", "body", "published_at"), None, DedupConfig())
    base = annotate_events(arts, ents, link=False)
    cols = base.columns
    base = base.join(arts.select("article_id", "published_at"), on="article_id").join(
        groups.select("article_id", "dup_group_id"), on="article_id", how="left")
    parts = {s: [d for d in docs if d["split"] == s] for s in ("dev", "dev2")}
    for name, values in GRID.items():
        default = getattr(S, name)
        for v in values:
            setattr(S, name, v)
            ev = S.link_stories(base, None).select(cols)
            res = {s: score(p, ev)["story_all"] for s, p in parts.items()}
            mark = " (default)" if v == default else ""
            print(f"{name}={v}{mark}: " + ", ".join(
                f"{s} F1 {r['f1']:.3f} (P {r['precision']:.2f} R {r['recall']:.2f})" for s, r in res.items()))
        setattr(S, name, default)


if __name__ == "__main__":
    main()
