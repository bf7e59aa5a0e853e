"""Thin Prefect tasks: read a part reference, call a pure transform from ``tasks/``, write, return a reference.

Tasks hand each other ``PartRef`` (path, rows, fingerprint), never DataFrames: Prefect users
report cache misses and memory growth when frames travel between tasks (PrefectHQ/prefect#10952,
#17547). Results are not persisted and not cached: the ledger, not Prefect's cache, decides
what a run has already done.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from pathlib import Path

import polars as pl
from prefect import task
from prefect.cache_policies import NO_CACHE

from akhbar.flows.memory import bound_worker_memory
from akhbar.schemas import tables as T
from akhbar.warehouse.parquet_io import PartRef, read_refs, write_frame, write_table

_TASK = dict(cache_policy=NO_CACHE, persist_result=False, retries=0)


def warm_imports() -> None:
    """Import what the stages import lazily, so that it can overlap Prefect's API start-up."""
    import great_expectations  # noqa: F401  (3 s, STACK.md)

    import akhbar.expectations.runner  # noqa: F401
    import akhbar.tasks.annotate.entities  # noqa: F401
    import akhbar.tasks.annotate.events  # noqa: F401
    import akhbar.tasks.annotate.quotes  # noqa: F401
    import akhbar.tasks.clean  # noqa: F401
    import akhbar.tasks.dedup.groups  # noqa: F401
    import akhbar.tasks.ingest.readers  # noqa: F401


def _part(directory: Path, batch_no: int, sub: int = 0) -> Path:
    return directory / f"part-{batch_no:05d}-{sub:03d}.parquet"


def final_part(run_dir: str, table: str, run_id: str, name: str) -> Path:
    """Where a run writes a part that will be published (the name carries the run id)."""
    return Path(run_dir) / "final" / table / f"{run_id}-{name}"


def article_ids(frame: pl.DataFrame) -> pl.Series:
    """Deterministic article id: a hash of where the input came from and of its bytes.

    Two identical files at two paths are two articles (flagged as exact duplicates); the same
    file seen again is the same article and is skipped by the ledger.
    """
    ids = [hashlib.sha256(f"{uri}\x00{sha}".encode()).hexdigest()[:20]
           for uri, sha in zip(frame["source_uri"], frame["raw_sha256"])]
    return pl.Series("article_id", ids, dtype=pl.String)


@task(name="ingest", **_TASK)
def ingest_task(paths: list[str], run_dir: str, batch_no: int, ledger_path: str, rows_per_part: int,
                limits) -> tuple[list[PartRef], PartRef]:
    """Read a batch of input files; write RAW parts of at most ``rows_per_part`` rows and a rejects part."""
    from akhbar.tasks.ingest.readers import read_batch
    from akhbar.warehouse.ledger import unseen

    raw, rejects = read_batch([Path(p) for p in paths], limits)
    seen = pl.read_parquet(ledger_path)
    raw_df = unseen(pl.from_arrow(raw), seen)
    rejects_df = unseen(pl.from_arrow(rejects), seen)
    out = Path(run_dir)
    refs = []
    for sub, start in enumerate(range(0, raw_df.height, rows_per_part)):
        chunk = raw_df.slice(start, rows_per_part)
        refs.append(PartRef.of(write_table(T.RAW, chunk, _part(out / "raw", batch_no, sub))))
    rej = PartRef.of(write_frame(rejects_df, _part(out / "rejects_ingest", batch_no)))
    return refs, rej


def null_implausible_dates(cleaned: pl.DataFrame, run_started: datetime) -> pl.DataFrame:
    """Null a published_at before 1900 or after the run start (a page's typo, not a date).

    The page's ``published_text`` is kept so the reading can be audited; the date itself is
    not invented or clamped. The bounds are the ``cleaned`` suite's, so one mistyped page
    cannot stop a whole run.
    """
    from akhbar.expectations.suites import EARLIEST_PLAUSIBLE, FUTURE_SLACK

    ts = pl.col("published_at").dt.replace_time_zone(None)
    latest = run_started.replace(tzinfo=None) + FUTURE_SLACK
    ok = ts.is_between(EARLIEST_PLAUSIBLE, latest)
    return cleaned.with_columns(published_at=pl.when(ok).then(pl.col("published_at")).otherwise(None))


def fingerprint_part(run_dir: str, cleaned_part: str) -> Path:
    """Where the clean stage leaves a part's dedup fingerprints for the dedup stage."""
    return Path(run_dir) / "fingerprints" / Path(cleaned_part).name


@task(name="clean", **_TASK)
def clean_task(raw_ref: PartRef, run_dir: str, run_started: str, dedup_config) -> tuple[PartRef, PartRef]:
    """Clean one RAW part: cleaned articles (with article_id) and the clean stage's rejects.

    Also writes the part's dedup fingerprints (``fingerprint_part``): they depend on each text
    only, so they are computed here on every core instead of in the sequential dedup stage.
    """
    from akhbar.tasks.clean import clean_batch
    from akhbar.tasks.dedup.groups import fingerprints

    name = Path(raw_ref.path).name
    cleaned, rejects = clean_batch(raw_ref.read())
    cleaned = null_implausible_dates(cleaned, datetime.fromisoformat(run_started))
    cleaned = cleaned.with_columns(article_id=article_ids(cleaned)).select(
        "article_id", *[c for c in cleaned.columns if c != "article_id"]
    )
    out = Path(run_dir)
    write_frame(fingerprints(cleaned, dedup_config), fingerprint_part(run_dir, name))
    return (
        PartRef.of(write_frame(cleaned.sort("article_id"), out / "cleaned" / name)),
        PartRef.of(write_frame(rejects, out / "rejects_clean" / name)),
    )


@task(name="dedup", **_TASK)
def dedup_task(cleaned: list[PartRef], index_files: list[str], run_dir: str, config,
               run: dict) -> tuple[list[PartRef], PartRef]:
    """Deduplicate the run's parts in order against the published index and earlier parts.

    Sequential on purpose: each part is deduplicated against everything before it, so the
    result does not depend on how many workers ran the clean stage.
    """
    from akhbar.tasks.dedup.groups import dedup_batch

    index = pl.read_parquet(index_files) if index_files else None
    new_index: list[pl.DataFrame] = []
    refs = []
    for ref in cleaned:
        part = ref.read()
        fp = pl.read_parquet(fingerprint_part(run_dir, ref.path))
        new = part.select("article_id", "body", "published_at").join(fp, on="article_id", how="left")
        assign, rows = dedup_batch(new, index, config)
        new_index.append(rows)
        index = rows if index is None else pl.concat([index, rows], how="vertical_relaxed")
        articles = part.join(assign, on="article_id", how="left").with_columns(
            ingested_at=pl.lit(run["started_at"]).str.to_datetime(time_zone="UTC"),
            run_id=pl.lit(run["run_id"]),
            pipeline_version=pl.lit(run["pipeline_version"]),
        )
        path = final_part(run_dir, "articles", run["run_id"], Path(ref.path).name)
        refs.append(PartRef.of(write_table(T.ARTICLES, articles, path)))
    index_rows = pl.concat(new_index, how="vertical_relaxed") if new_index else pl.DataFrame()
    index_path = final_part(run_dir, "dedup_index", run["run_id"], "part.parquet")
    return refs, PartRef.of(write_frame(index_rows, index_path))


_MODELS_LOADED = False
_WARM_UP = "قال الرئيس الروسي فلاديمير بوتين في موسكو إنه سيلتقي الأمين العام لحلف الناتو يوم الاثنين."


def _load_models_once() -> None:
    """Load the annotators' models in this process, then exempt them from garbage collection.

    The models and gazetteers are millions of long-lived objects that every full collection
    would scan again; ``gc.freeze`` moves them out of the collector's generations. Measured on a
    2,000-article part, one core: 180 -> 212 articles/s for the three annotators together.
    """
    global _MODELS_LOADED
    if _MODELS_LOADED:
        return
    import gc

    from akhbar.tasks.annotate.entities import annotate_entities
    from akhbar.tasks.annotate.events import annotate_events
    from akhbar.tasks.annotate.quotes import annotate_quotes

    warm = pl.DataFrame({"article_id": ["warm-up"], "body": [_WARM_UP],
                         "published_at": [datetime(2022, 1, 1, tzinfo=timezone.utc)]})
    entities = annotate_entities(warm.select("article_id", "body"))
    annotate_quotes(warm.select("article_id", "body"), entities)
    annotate_events(warm, entities, link=False)
    gc.collect()
    gc.freeze()
    _MODELS_LOADED = True


@task(name="annotate", **_TASK)
def annotate_task(article_ref: PartRef, run_dir: str, run_id: str) -> dict[str, PartRef]:
    """Run the annotators on one articles part: entities, then quotes and events (which use them)."""
    from akhbar.tasks.annotate.entities import annotate_entities
    from akhbar.tasks.annotate.events import annotate_events
    from akhbar.tasks.annotate.quotes import annotate_quotes

    _load_models_once()
    articles = article_ref.read(["article_id", "body", "published_at"])
    entities = annotate_entities(articles.select("article_id", "body"))
    quotes = annotate_quotes(articles.select("article_id", "body"), entities)
    events = annotate_events(articles, entities, link=False)  # stories: stories_task, across parts
    name = Path(article_ref.path).name
    refs = {
        "entities": PartRef.of(write_table(T.ENTITIES, entities, final_part(run_dir, "entities", run_id, name))),
        "quotes": PartRef.of(write_table(T.QUOTES, quotes, final_part(run_dir, "quotes", run_id, name))),
        "events": PartRef.of(write_table(T.EVENTS, events, Path(run_dir) / "events_local" / name)),
    }
    del articles, entities, quotes, events
    bound_worker_memory()  # memos dropped past the budget: flat worker size over many parts
    return refs


@task(name="link-stories", **_TASK)
def stories_task(event_ref: PartRef, part_articles: PartRef, article_refs: list[PartRef], earlier_events: list[str],
                 published_articles: list[str], run_dir: str, run_id: str) -> PartRef:
    """Link one part's events to stories, among themselves and with the earlier events.

    ``part_articles`` is the articles part the events come from, ``article_refs`` all of the
    run's. ``earlier_events`` are the published events and the run's already linked parts: the part is
    linked against their candidates (``candidate_events``: a pushdown read, not the whole
    archive). The articles' publication dates go along (``published_at``) so that undated
    mentions can still be matched by when they were reported; they are dropped before writing.
    """
    from akhbar.tasks.annotate.events import link_stories
    from akhbar.tasks.annotate.events.candidates import candidate_events

    # published_at places undated mentions in time; dup_group_id tells copies of one text (copies.py).
    article_cols = ["article_id", "published_at", "dup_group_id"]
    dates = part_articles.read(article_cols)
    events = event_ref.read().join(dates, on="article_id", how="left")
    candidates = None
    if earlier_events:
        all_articles = pl.scan_parquet(published_articles + [r.path for r in article_refs]).select(article_cols)
        earlier = pl.scan_parquet(earlier_events).join(all_articles.select("article_id", "dup_group_id"),
                                                      on="article_id", how="left")
        candidates = candidate_events(events, earlier)
        when = (all_articles.select("article_id", "published_at")
                .join(candidates.lazy().select("article_id").unique(), on="article_id", how="semi").collect())
        candidates = candidates.join(when, on="article_id", how="left")
    linked = link_stories(events, candidates)
    path = final_part(run_dir, "events", run_id, Path(event_ref.path).name)
    return PartRef.of(write_table(T.EVENTS, linked, path))


# Rows validated per Great Expectations call for tables checked row by row (entities, quotes,
# events): one call on the 387k entity rows of all 31k SaudiNewsNet articles peaked at 780 MB
# (bodies, frame, pandas copy); slices of parts bound it, and a call costs ~0.25 s, so slices
# stay large.
VALIDATE_ROWS = 150_000


@task(name="validate", **_TASK)
def validate_task(suite_name: str, refs: list[PartRef], bodies: list[PartRef], published: list[str],
                  key: str | None, run_started: str) -> dict:
    """Validate a stage's output with its expectation suite; return the result as a dict.

    ``published`` are the current version's files of the same table: ids must be new against
    them, and duplicate groups are checked together with their published members. Annotation
    tables go in slices of whole parts of about ``VALIDATE_ROWS`` rows, each slice's ids also
    checked against the earlier slices'; article tables (whose duplicate groups span parts) in
    one piece.
    """
    from akhbar.expectations.runner import merge, validate
    from akhbar.expectations.suites import SUITES, CheckContext

    suite = SUITES[suite_name]
    started = datetime.fromisoformat(run_started)
    ids = groups = None
    if published and key:
        ids = pl.scan_parquet(published).select(key).collect().to_series()
    if published and "dup_group_id" in suite.table.names:
        groups = pl.scan_parquet(published).select("dup_group_id", "is_canonical").collect()
    slices = [refs] if "dup_group_id" in suite.table.names else _slices(refs, VALIDATE_ROWS)
    results = []
    for part in slices:
        frame = read_refs(part, suite.table)
        body_frame = _bodies(bodies, frame)
        results.append(validate(suite, frame, CheckContext(started, body_frame, ids, groups)))
        if key and len(slices) > 1:
            ids = frame[key] if ids is None else pl.concat([ids, frame[key]])
    return merge(results).to_dict()


def _slices(refs: list[PartRef], rows: int) -> list[list[PartRef]]:
    """Consecutive runs of whole parts of about ``rows`` rows (at least one part, one slice)."""
    out: list[list[PartRef]] = [[]]
    for ref in refs:
        if out[-1] and sum(r.rows for r in out[-1]) + ref.rows > rows:
            out.append([])
        out[-1].append(ref)
    return out


def _bodies(bodies: list[PartRef], frame: pl.DataFrame) -> pl.DataFrame:
    """article_id, body of the articles that ``frame``'s rows point to (all when it has no article_id)."""
    scan = pl.scan_parquet([b.path for b in bodies]) if bodies else None
    if scan is None:
        return read_refs([], T.ARTICLES, ["article_id", "body"])
    scan = scan.select("article_id", "body")
    if "article_id" in frame.columns and "body" not in frame.columns:
        scan = scan.join(frame.select("article_id").unique().lazy(), on="article_id", how="semi")
    return scan.collect()


@task(name="finalize-rejects", **_TASK)
def rejects_task(parts: list[PartRef], run_dir: str, run_id: str) -> PartRef:
    """Combine the ingest and clean rejects of the run into one REJECTS part."""
    frames = [r.read() for r in parts if r.rows]
    df = pl.concat(frames, how="vertical_relaxed") if frames else pl.DataFrame(
        schema={"source_uri": pl.String, "raw_sha256": pl.String, "reason": pl.String, "detail": pl.String}
    )
    df = df.with_columns(run_id=pl.lit(run_id))
    return PartRef.of(write_table(T.REJECTS, df, final_part(run_dir, "rejects", run_id, "part.parquet")))


@task(name="entity-dim", **_TASK)
def entity_dim_task(published_entities: list[str], new_entities: list[PartRef], run_dir: str, run_id: str) -> PartRef:
    """Recompute the entity dimension over all published and new mentions (a derived table)."""
    from akhbar.tasks.annotate.entities import entity_dim

    cols = ["mention_id", "article_id", "entity_id", "entity_type", "mention_kind", "surface", "canonical_name"]
    sources = published_entities + [r.path for r in new_entities]
    mentions = pl.scan_parquet(sources).select(cols).collect() if sources else read_refs([], T.ENTITIES, cols)
    return PartRef.of(write_table(T.ENTITY_DIM, entity_dim(mentions), final_part(run_dir, "entity_dim", run_id, "part.parquet")))
