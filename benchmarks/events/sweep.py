"""Sensitivity of the story-linking thresholds on the hand set (story links, all pairs).

    .venv/bin/python benchmarks/events/sweep.py

Annotates once, then relinks with each threshold value (the others at their defaults) and
prints story P/R/F1 on all articles and on dev (the part the thresholds were tuned on).
"""

from __future__ import annotations

import polars as pl

from akhbar.tasks.annotate.events import annotate_events
from akhbar.tasks.annotate.events import stories as S
from evaluate import articles_frame, entities_for, load_gold, score

GRID = {"PLACE_DAYS": [0, 7, 14, 30], "ONGOING_DAYS": [0, 30, 60, 90], "MIN_JACCARD": [0.34, 0.5, 0.67],
        "UNDATED_DAYS": [0, 1, 2], "DEICTIC_SLACK": [0, 1], "STORY_DAYS": [0, 1, 2, 7],
        "STORY_ONE_PLACE": [False, True], "TENSELESS_IMPERFECT": [False, True]}


def main() -> None:
    docs = load_gold()
    arts = articles_frame(docs)
    ents, _ = entities_for(arts)
    base = annotate_events(arts, ents).join(arts.select("article_id", "published_at"), on="article_id")
    dev = [d for d in docs if d["split"] == "dev"]
    for name, values in GRID.items():
        default = getattr(S, name)
        for v in values:
            setattr(S, name, v)
            ev = S.link_stories(base, None).drop("published_at")
            a, d = score(docs, ev)["story_all"], score(dev, ev)["story_all"]
            mark = " (default)" if v == default else ""
            print(f"{name}={v}{mark}: all F1 {a['f1']:.3f} (P {a['precision']:.2f} R {a['recall']:.2f}), dev F1 {d['f1']:.3f}")
        setattr(S, name, default)


if __name__ == "__main__":
    main()
