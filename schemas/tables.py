"""One declaration per table: Arrow schema, key, grain, column descriptions, value sets.

Writers cast to these schemas (``cast_to``), expectation suites are derived from them
(``akhbar.expectations``) and DuckDB views are built over the Parquet they describe
(``akhbar.warehouse.catalog``). A test checks that the three agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa

TS = pa.timestamp("us", tz="UTC")


@dataclass(frozen=True)
class Column:
    """A column: Arrow type, nullability, description and (optionally) its allowed values."""

    name: str
    type: pa.DataType
    nullable: bool
    description: str
    values: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Table:
    """A published or stage table: its grain, key and columns."""

    name: str
    grain: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]
    # Columns whose values legitimately differ between two runs on the same input.
    run_metadata: tuple[str, ...] = field(default=())

    @property
    def schema(self) -> pa.Schema:
        return pa.schema([pa.field(c.name, c.type, c.nullable) for c in self.columns])

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _c(name, typ, nullable, description, values=None) -> Column:
    return Column(name, typ, nullable, description, values)


STR = pa.string()
LIST_STR = pa.list_(pa.string())
REJECT_REASONS = (
    "empty",
    "binary",
    "undecodable",
    "oversized",
    "not_arabic",
    "too_short",
    "malformed_json",
    "not_an_object",
    "no_text",
    "unreadable",
    "unsupported_format",
)

# Stage table: one row per input that decoded to text (before cleaning). Produced by ingest.
RAW = Table(
    name="raw",
    grain="one row per decoded input document (file or JSON Lines line)",
    key=("source_uri",),
    columns=(
        _c("source_uri", STR, False, "input path; `<path>#L<n>` for line n of a JSON Lines file"),
        _c("raw_sha256", STR, False, "sha256 of the input's raw bytes (file or line)"),
        _c("format", STR, False, "what the text is", ("txt", "html", "json")),
        _c("encoding", STR, False, "encoding the bytes were decoded from"),
        _c("text", STR, False, "decoded text (page dump, HTML source or JSON `text`)"),
        _c("url", STR, True, "JSON `url` field when given"),
        _c("title", STR, True, "JSON `title` field when given"),
        _c("published", STR, True, "JSON `published` field when given"),
        _c("outlet", STR, True, "JSON `outlet` field when given"),
        _c("author", STR, True, "JSON `author` field when given"),
    ),
)

ARTICLES = Table(
    name="articles",
    grain="one row per ingested article (duplicates included and flagged)",
    key=("article_id",),
    run_metadata=("ingested_at", "run_id"),
    columns=(
        _c("article_id", STR, False, "deterministic hash of the input bytes (raw_sha256 prefix)"),
        _c("source_uri", STR, False, "input path; `<path>#L<n>` for line n of a JSON Lines file"),
        _c("url", STR, True, "the page's address when known"),
        _c("raw_sha256", STR, False, "sha256 of the input's raw bytes"),
        _c("title", STR, True, "headline"),
        _c("published_at", TS, True, "publication time (UTC-naive wall time stored as UTC); null when unknown"),
        _c("published_text", STR, True, "the string published_at was read from"),
        _c("outlet", STR, True, "publishing outlet (site or newspaper)"),
        _c("agencies", LIST_STR, False, "news agencies credited (canonical Arabic names)"),
        _c("authors", LIST_STR, False, "bylines"),
        _c("body", STR, False, "cleaned article text, NFC; annotation offsets index it"),
        _c("n_words", pa.int32(), False, "whitespace tokens in body"),
        _c("dup_group_id", STR, False, "id shared by exact and near duplicates"),
        _c("is_canonical", pa.bool_(), False, "the one member of its group analysts should count"),
        _c("dup_kind", STR, False, "how this row relates to its group's canonical row", ("none", "exact", "near")),
        _c("dup_similarity", pa.float64(), False, "estimated Jaccard similarity to the canonical row (1.0 for itself)"),
        _c("ingested_at", TS, False, "when the run that ingested it started"),
        _c("run_id", STR, False, "the run that ingested it"),
        _c("pipeline_version", STR, False, "akhbar version and annotator versions"),
    ),
)

REJECTS = Table(
    name="rejects",
    grain="one row per input file or JSON Lines line (per content version) that did not become an article",
    key=("source_uri", "raw_sha256"),
    run_metadata=("run_id",),
    columns=(
        _c("source_uri", STR, False, "input path; `<path>#L<n>` for line n of a JSON Lines file"),
        _c("raw_sha256", STR, False, "sha256 of the raw bytes"),
        _c("reason", STR, False, "reject code (README: Reject codes)", REJECT_REASONS),
        _c("detail", STR, False, "human-readable detail"),
        _c("run_id", STR, False, "the run that rejected it"),
    ),
)

ENTITIES = Table(
    name="entities",
    grain="one row per entity mention",
    key=("mention_id",),
    columns=(
        _c("mention_id", STR, False, "hash of article_id, start_char, end_char"),
        _c("article_id", STR, False, "the article the mention is in"),
        _c("entity_id", STR, False, "same real-world entity, same id, across articles and spellings"),
        _c("entity_type", STR, False, "entity type", ("PER", "ORG", "LOC")),
        _c("mention_kind", STR, False, "named mention or nominal description", ("named", "nominal")),
        _c("surface", STR, False, "body[start_char:end_char]"),
        _c("canonical_name", STR, False, "English name where known, else most frequent Arabic form"),
        _c("start_char", pa.int32(), False, "code-point offset into articles.body"),
        _c("end_char", pa.int32(), False, "end offset, exclusive"),
        _c("sentence_index", pa.int32(), False, "0-based sentence number in body"),
        _c("annotator", STR, False, "annotator name and version"),
        _c("score", pa.float64(), False, "confidence in [0, 1]"),
    ),
)

QUOTES = Table(
    name="quotes",
    grain="one row per quotation",
    key=("quote_id",),
    columns=(
        _c("quote_id", STR, False, "hash of article_id, start_char, end_char, kind"),
        _c("article_id", STR, False, "the article the quote is in"),
        _c("kind", STR, False, "quotation kind", ("direct", "indirect")),
        _c("text", STR, False, "body[start_char:end_char]"),
        _c("start_char", pa.int32(), False, "code-point offset into articles.body"),
        _c("end_char", pa.int32(), False, "end offset, exclusive"),
        _c("speaker_surface", STR, True, "nearest written mention of the speaker"),
        _c("speaker_entity_id", STR, True, "entities.entity_id of the speaker; null when unnamed"),
        _c("speaker_name", STR, True, "canonical name of the speaker"),
        _c("cue", STR, True, "reporting verb"),
        _c("sentence_index", pa.int32(), False, "0-based sentence number in body"),
        _c("annotator", STR, False, "annotator name and version"),
        _c("score", pa.float64(), False, "confidence in [0, 1]"),
    ),
)

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

EVENTS = Table(
    name="events",
    grain="one row per event mention",
    key=("event_id",),
    columns=(
        _c("event_id", STR, False, "hash of article_id, start_char, end_char, event_type"),
        _c("article_id", STR, False, "the article the event is in"),
        _c("event_type", STR, False, "PLOVER 2.0 top-level type", PLOVER_TYPES),
        _c("event_mode", STR, True, "PLOVER mode for that type"),
        _c("trigger", STR, False, "body[start_char:end_char]"),
        _c("start_char", pa.int32(), False, "code-point offset into articles.body"),
        _c("end_char", pa.int32(), False, "end offset, exclusive"),
        _c("actor_entity_ids", LIST_STR, False, "entity ids of the actors"),
        _c("target_entity_ids", LIST_STR, False, "entity ids of the targets"),
        _c("location_entity_id", STR, True, "entity id of the place"),
        _c("event_date", pa.date32(), True, "resolved date (first day for month/year/range)"),
        _c("date_text", STR, True, "the expression the date was read from"),
        _c("date_precision", STR, True, "precision", ("day", "month", "year", "range")),
        _c("date_basis", STR, True, "what the date was resolved against", ("text", "published_at", "article_anchor")),
        _c("factuality", STR, False, "factuality", ("asserted", "planned", "alleged", "denied", "hypothetical")),
        _c("story_id", STR, False, "shared by mentions of the same real-world event"),
        _c("sentence_index", pa.int32(), False, "0-based sentence number in body"),
        _c("annotator", STR, False, "annotator name and version"),
        _c("score", pa.float64(), False, "confidence in [0, 1]"),
    ),
)

ENTITY_DIM = Table(
    name="entity_dim",
    grain="one row per real-world entity",
    key=("entity_id",),
    columns=(
        _c("entity_id", STR, False, "entity id"),
        _c("canonical_name", STR, False, "English name where known, else most frequent Arabic form"),
        _c("entity_type", STR, False, "entity type", ("PER", "ORG", "LOC")),
        _c("wikidata_id", STR, True, "Wikidata id from the curated alias table"),
        _c("aliases", LIST_STR, False, "surface forms seen"),
        _c("n_mentions", pa.int64(), False, "mentions in entities"),
        _c("n_articles", pa.int64(), False, "distinct articles mentioning it"),
    ),
)

PUBLISHED = (ARTICLES, REJECTS, ENTITIES, QUOTES, EVENTS)
ALL = {t.name: t for t in (RAW, *PUBLISHED, ENTITY_DIM)}


def cast_to(table: Table, data: pa.Table) -> pa.Table:
    """Select, order and cast ``data``'s columns to ``table``'s schema; sort rows by key.

    Raises:
        KeyError: a declared column is missing.
        pa.ArrowInvalid: a value cannot be cast, or a null sits in a non-nullable column.
    """
    missing = [n for n in table.names if n not in data.column_names]
    if missing:
        raise KeyError(f"{table.name}: missing columns {missing}")
    arrays = [data.column(c.name).cast(c.type) for c in table.columns]
    out = pa.Table.from_arrays(arrays, schema=table.schema)
    for c in table.columns:
        if not c.nullable and out.column(c.name).null_count:
            raise pa.ArrowInvalid(f"{table.name}.{c.name}: nulls in a non-nullable column")
    if out.num_rows:
        out = out.sort_by([(k, "ascending") for k in table.key])
    return out
