"""A small synthetic published dataset (every table, valid offsets) for docs and notebook tests.

Built through the real writer and publisher (``write_table`` + ``publish``) and the real
DuckDB catalog, so readers see exactly the layout a pipeline run leaves behind.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import polars as pl

from akhbar.schemas import tables as T
from akhbar.warehouse.catalog import rebuild_catalog
from akhbar.warehouse.layout import Layout
from akhbar.warehouse.parquet_io import write_table
from akhbar.warehouse.publish import PublishPlan, publish

RUN = "run-synthetic"
NOW = datetime(2026, 1, 10, tzinfo=timezone.utc)
SPEAKER = "بوتين"
BODY = "قال بوتين إن روسيا مستعدة للحوار. وزار الرئيس موسكو."
OUTLETS = ("الرياض", "عكاظ", "الوطن")


def _articles(n: int) -> pl.DataFrame:
    ids = [f"a{i:03d}" for i in range(n)]
    groups = [ids[i - 1] if i % 5 == 4 else ids[i] for i in range(n)]  # every 5th is a duplicate
    canonical = [g == a for g, a in zip(groups, ids)]
    return pl.DataFrame(
        {
            "article_id": ids,
            "source_uri": [f"/in/{a}.txt" for a in ids],
            "url": [None] * n,
            "raw_sha256": [a.ljust(64, "0") for a in ids],
            "title": [f"عنوان الخبر {i}" for i in range(n)],
            "published_at": [NOW - timedelta(days=i % 4) if i % 7 else None for i in range(n)],
            "published_text": [None] * n,
            "outlet": [OUTLETS[i % 3] if i % 6 else None for i in range(n)],
            "agencies": [["واس"]] * n,
            "authors": [[]] * n,
            "body": [BODY] * n,
            "n_words": [9] * n,
            "dup_group_id": groups,
            "is_canonical": canonical,
            "dup_kind": ["none" if c else "exact" for c in canonical],
            "dup_similarity": [1.0] * n,
            "ingested_at": [NOW] * n,
            "run_id": [RUN] * n,
            "pipeline_version": ["test"] * n,
        }
    )


def _annotations(ids: list[str]) -> dict[str, pl.DataFrame]:
    n = len(ids)
    common = dict(
        article_id=ids,
        start_char=[4] * n,
        end_char=[9] * n,
        sentence_index=[0] * n,
        annotator=["synthetic_v1"] * n,
        score=[0.9] * n,
    )
    entities = pl.DataFrame(
        dict(
            mention_id=[f"m{a}" for a in ids],
            entity_id=["e1"] * n,
            entity_type=["PER"] * n,
            mention_kind=["named"] * n,
            surface=[SPEAKER] * n,
            canonical_name=["Vladimir Putin"] * n,
            **common,
        )
    )
    quotes = pl.DataFrame(
        dict(
            quote_id=[f"q{a}" for a in ids],
            kind=["indirect"] * n,
            text=[SPEAKER] * n,
            speaker_surface=[SPEAKER] * n,
            speaker_entity_id=["e1"] * n,
            speaker_name=["Vladimir Putin"] * n,
            cue=["قال"] * n,
            **common,
        )
    )
    events = pl.DataFrame(
        dict(
            event_id=[f"v{a}" for a in ids],
            event_type=[("CONSULT", "ACCUSE")[i % 2] for i in range(n)],
            event_mode=[None] * n,
            trigger=[SPEAKER] * n,
            actor_entity_ids=[["e1"]] * n,
            target_entity_ids=[[]] * n,
            location_entity_id=[None] * n,
            event_date=[date(2026, 1, 1 + i % 3) if i % 4 else None for i in range(n)],
            date_text=[None] * n,
            date_precision=[None] * n,
            date_basis=[None] * n,
            factuality=["asserted"] * n,
            story_id=["s1"] * n,
            **common,
        )
    )
    dim = pl.DataFrame(
        dict(
            entity_id=["e1"],
            canonical_name=["Vladimir Putin"],
            entity_type=["PER"],
            wikidata_id=["Q7747"],
            aliases=[[SPEAKER]],
            n_mentions=[n],
            n_articles=[n],
        )
    )
    return {"entities": entities, "quotes": quotes, "events": events, "entity_dim": dim}


def _rejects() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "source_uri": ["/in/x.bin", "/in/y.txt", "/in/z.txt"],
            "raw_sha256": ["f" * 64] * 3,
            "reason": ["binary", "too_short", "too_short"],
            "detail": ["NUL bytes", "3 words", "2 words"],
            "run_id": [RUN] * 3,
        }
    )


def build_dataset(
    root: Path, n_articles: int = 12, empty: tuple[str, ...] = (), bad_offset: bool = False
) -> Layout:
    """Publish a synthetic dataset under ``root``; the tables named in ``empty`` are published with no rows.

    ``bad_offset`` shortens the first entity mention's span so that ``body[start:end] != surface``
    (the entities suite must then fail).
    """
    layout = Layout(root).ensure()
    articles = _articles(n_articles)
    frames = {"articles": articles, "rejects": _rejects()}
    annotations = _annotations(articles["article_id"].to_list())
    if bad_offset:
        ends = annotations["entities"]["end_char"].to_list()
        annotations["entities"] = annotations["entities"].with_columns(
            end_char=pl.Series([ends[0] - 1, *ends[1:]])
        )
    frames.update(annotations)
    frames = {name: frame.clear() if name in empty else frame for name, frame in frames.items()}
    parts = {
        name: write_table(T.ALL[name], frame, layout.staging / RUN / name / "part-0.parquet")
        for name, frame in frames.items()
    }
    appended = {k: [p] for k, p in parts.items() if k != "entity_dim"}
    publish(layout, PublishPlan(RUN, appended, {"entity_dim": [parts["entity_dim"]]}, NOW.isoformat()))
    rebuild_catalog(layout)
    return layout
