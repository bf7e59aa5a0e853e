"""Story linking at corpus scale: time and story sizes on the first N SaudiNewsNet articles.

    .venv/bin/python benchmarks/events/story_scale.py --articles 3000 [--cache /tmp/snn_events.parquet]

Annotates the articles once (entities + events; cached to ``--cache`` if given), then times
``link_stories`` alone (CPU time) and prints the number of stories, those spanning several
articles and the largest ones, to spot chaining (one wrong link merging many stories).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import polars as pl

from akhbar.tasks.annotate.events import annotate_events, link_stories
from akhbar.tasks.text import final_text
from evaluate import SNN, entities_for


def load(n: int) -> pl.DataFrame:
    import datetime as dt
    import gzip
    import json

    rows = []
    for path in sorted(SNN.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                if d.get("text") and d.get("published"):
                    rows.append({"article_id": f"{path.name}#{len(rows)}", "body": final_text(d["text"]),
                                 "published_at": dt.datetime.fromisoformat(d["published"]).replace(tzinfo=dt.UTC)})
                if len(rows) >= n:
                    break
        if len(rows) >= n:
            break
    return pl.DataFrame(rows, schema={"article_id": pl.String, "body": pl.String,
                                      "published_at": pl.Datetime("us", "UTC")})


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--cache", default="")
    args = ap.parse_args()
    cache = Path(args.cache) if args.cache else None
    if cache and cache.exists():
        events = pl.read_parquet(cache)
    else:
        arts = load(args.articles)
        ents, _ = entities_for(arts)
        events = annotate_events(arts, ents).join(arts.select("article_id", "published_at"), on="article_id")
        if cache:
            events.write_parquet(cache)
    t0 = time.process_time()
    linked = link_stories(events, None)
    secs = time.process_time() - t0
    sizes = linked.group_by("story_id").agg(pl.len().alias("mentions"),
                                            pl.col("article_id").n_unique().alias("articles"))
    multi = sizes.filter(pl.col("articles") > 1)
    largest = sizes.sort("mentions", descending=True).head(8).select("mentions", "articles").iter_rows()
    print(f"{events['article_id'].n_unique()} articles with events, {events.height} mentions: "
          f"link_stories {secs:.2f} s CPU; {sizes.height} stories, {multi.height} span several articles "
          f"({int(multi['mentions'].sum() or 0)} mentions); largest (mentions/articles): "
          + ", ".join(f"{m}/{a}" for m, a in largest))

if __name__ == "__main__":
    main()
