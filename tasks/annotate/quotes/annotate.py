"""Frame-level entry point: articles + entities -> QUOTES rows (one row per quotation)."""

from __future__ import annotations

import hashlib

import polars as pl
from akhbar.schemas.tables import QUOTES

from .extract import extract
from .speakers import Mention

ANNOTATOR = "quotes_rules_v3"  # v3: the shared sentence splitter does not end a sentence at "د." (one-letter abbreviations)

_SCHEMA = {
    "quote_id": pl.Utf8, "article_id": pl.Utf8, "kind": pl.Utf8, "text": pl.Utf8,
    "start_char": pl.Int32, "end_char": pl.Int32, "speaker_surface": pl.Utf8,
    "speaker_entity_id": pl.Utf8, "speaker_name": pl.Utf8, "cue": pl.Utf8,
    "sentence_index": pl.Int32, "annotator": pl.Utf8, "score": pl.Float64,
}
assert list(_SCHEMA) == QUOTES.names  # the frame must match the declared table


def quote_id(article_id: str, start: int, end: int, kind: str) -> str:
    """Deterministic id: sha256 of article_id, start_char, end_char and kind (16 hex chars)."""
    return hashlib.sha256(f"{article_id}|{start}|{end}|{kind}".encode()).hexdigest()[:16]


def _mentions_by_article(entities: pl.DataFrame) -> dict[str, list[Mention]]:
    """Group entity mentions per article once (sorted by offset)."""
    if entities is None or entities.height == 0:
        return {}
    cols = ["article_id", "start_char", "end_char", "entity_id", "entity_type", "canonical_name"]
    out: dict[str, list[Mention]] = {}
    for aid, s, e, eid, etype, canon in entities.select(cols).sort(["article_id", "start_char"]).iter_rows():
        out.setdefault(aid, []).append(Mention(int(s), int(e), eid, etype, canon))
    return out


def annotate_quotes(articles: pl.DataFrame, entities: pl.DataFrame) -> pl.DataFrame:
    """Return one QUOTES row per direct or indirect quotation in ``articles.body``.

    Args:
        articles: frame with ``article_id`` and ``body``.
        entities: ENTITIES rows for the same articles (may be empty); speakers are linked to
            the mention inside their written span.

    Returns:
        Frame with exactly the QUOTES columns, sorted by (article_id, start_char, end_char,
        kind); ``body[start_char:end_char] == text`` for every row.
    """
    mentions = _mentions_by_article(entities)
    rows: dict[str, list] = {k: [] for k in _SCHEMA}
    for aid, body in articles.select("article_id", "body").iter_rows():
        if not body:
            continue
        for q in extract(body, mentions.get(aid, [])):
            sp = q.speaker
            rows["quote_id"].append(quote_id(aid, q.start, q.end, q.kind))
            rows["article_id"].append(aid)
            rows["kind"].append(q.kind)
            rows["text"].append(body[q.start:q.end])
            rows["start_char"].append(q.start)
            rows["end_char"].append(q.end)
            rows["speaker_surface"].append(body[sp.start:sp.end] if sp else None)
            rows["speaker_entity_id"].append(sp.entity_id if sp else None)
            rows["speaker_name"].append(sp.name if sp else None)
            rows["cue"].append(q.cue)
            rows["sentence_index"].append(q.sentence_index)
            rows["annotator"].append(ANNOTATOR)
            rows["score"].append(q.score)
    frame = pl.DataFrame(rows, schema=_SCHEMA)
    return frame.sort(["article_id", "start_char", "end_char", "kind"])
