"""The clean stage: RAW rows in, (articles, rejects) out; every input row lands in exactly one.

Three paths by ``format``:
- ``json``: the text is already an article body (SaudiNewsNet-like feeds). Fast path,
  vectorised in polars: normalisation, widget-line removal with the boilerplate lexicon, word
  counts and Arabic share; only short metadata fields (title, date, author) go through Python.
- ``txt``: page dumps, parsed line by line (``page_dump.parse_dump``).
- ``html``: trafilatura, then the page-dump rules (``html.parse_html``).
Then the reject rules, in this order: ``no_text``, ``not_arabic``, ``too_short``.
"""

from __future__ import annotations

from functools import lru_cache

import polars as pl

from akhbar.tasks.clean import authors as au
from akhbar.tasks.clean import boilerplate as bp
from akhbar.tasks.clean import metadata as md
from akhbar.tasks.clean.dates import parse_published
from akhbar.tasks.clean.html import parse_html
from akhbar.tasks.clean.normalize import normalize_expr, normalize_text, n_words_expr
from akhbar.tasks.clean.page_dump import Parsed, parse_dump
from akhbar.tasks.text import ARABIC_LETTER_RE

# Share of Arabic letters among letters below which a body is not Arabic: a majority rule.
# Measured on SaudiNewsNet (benchmarks/clean_throughput.py --thresholds), bodies as cleaned:
# 99.9% of the 30,676 non-empty bodies have a share >= 0.83; the 5 below 0.5 (0.00–0.23) are
# English text ("Array", an English photo caption) or lists of English film titles under an
# Arabic heading; the lowest Arabic articles sit at 0.57–0.70 (app charts with Latin names,
# a contact block), so 0.5 keeps them with a margin.
MIN_ARABIC_SHARE = 0.5
# Bodies shorter than this many words are captions, name lists or one-line briefs. Measured on
# SaudiNewsNet: below 20 words the distribution is a flat tail (~7 bodies per word count:
# captions, lists of names, headlines); 20–24 words are one-sentence briefs (9 of a sample of
# 10); the counts per 5-word bin then grow (79, 107, 310 for 20–24, 25–29, 30–39). 25 rejects
# 1.3% of non-empty bodies.
MIN_WORDS = 25
TITLE_MAX_CHARS = 300  # SaudiNewsNet titles: max 181 chars (99.9th pct 110); longer is prose

ARTICLE_SCHEMA = {
    "source_uri": pl.String, "url": pl.String, "raw_sha256": pl.String, "title": pl.String,
    "published_at": pl.Datetime("us", "UTC"), "published_text": pl.String, "outlet": pl.String,
    "agencies": pl.List(pl.String), "authors": pl.List(pl.String), "body": pl.String,
    "n_words": pl.Int32,
}
REJECT_SCHEMA = {"source_uri": pl.String, "raw_sha256": pl.String, "reason": pl.String,
                 "detail": pl.String}
RAW_COLUMNS = ("source_uri", "raw_sha256", "format", "encoding", "text", "url", "title",
               "published", "outlet", "author")
_LETTER = r"\p{L}"
_ARABIC = ARABIC_LETTER_RE.pattern


def clean_batch(raw: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Clean a batch of RAW rows into (articles, rejects); each row ends in exactly one.

    Args:
        raw: frame with the RAW schema (schemas/tables.py).

    Returns:
        ``articles`` with ARTICLE_SCHEMA columns and ``rejects`` with REJECT_SCHEMA columns,
        both sorted by source_uri.
    """
    # All RAW columns are strings; a frame built from all-null values may carry Null dtypes.
    raw = raw.with_columns(pl.col(c).cast(pl.String) for c in RAW_COLUMNS).with_columns(
        pl.col("text").fill_null(""))
    parts = [
        _clean_json(raw.filter(pl.col("format") == "json")),
        _clean_pages(raw.filter(pl.col("format") != "json")),
    ]
    cleaned = pl.concat([p for p in parts if p.height], how="vertical") if any(
        p.height for p in parts) else _empty_cleaned()
    return _split_rejects(cleaned)


def _empty_cleaned() -> pl.DataFrame:
    return pl.DataFrame(schema=ARTICLE_SCHEMA)


def _clean_json(rows: pl.DataFrame) -> pl.DataFrame:
    """Fast path for JSON rows: vectorised body cleaning, per-row metadata on short fields."""
    if rows.height == 0:
        return _empty_cleaned()
    text = (pl.when(pl.col("text").str.contains("{", literal=True)
                    | pl.col("text").str.contains("://", literal=True))
            .then(pl.col("text").str.replace_all(bp.CODE_BLOCK_PATTERN, " ")).otherwise(pl.col("text")))
    body = _drop_widget_lines(rows.select(normalize_expr(text).alias("body"))["body"])
    meta = [_json_meta(t, p, a, b) for t, p, a, b in zip(
        rows["title"], rows["published"], rows["author"], body)]
    out = pl.DataFrame({
        "source_uri": rows["source_uri"], "url": rows["url"], "raw_sha256": rows["raw_sha256"],
        "title": [m[0] for m in meta],
        "published_at": [m[1] for m in meta], "published_text": [m[2] for m in meta],
        "outlet": rows.select(pl.col("outlet").str.strip_chars().replace("", None))["outlet"],
        "agencies": [m[3] for m in meta], "authors": [m[4] for m in meta],
        "body": body, "n_words": pl.Series([0] * rows.height, dtype=pl.Int32),
    }, schema=ARTICLE_SCHEMA)
    return out.with_columns(body=_without_title_line(pl.col("body"), pl.col("title")))


def _without_title_line(body: pl.Expr, title: pl.Expr) -> pl.Expr:
    """Drop a first body line that repeats the headline (12 of 31k SaudiNewsNet bodies)."""
    parts = body.str.splitn("\n", 2)
    repeated = parts.struct.field("field_0") == title
    return (pl.when(repeated.fill_null(False))
            .then(parts.struct.field("field_1").fill_null("").str.strip_chars()).otherwise(body))


def _drop_widget_lines(body: pl.Series) -> pl.Series:
    """Remove lines whose folded key matches the boilerplate lexicon (vectorised).

    Only short lines can be widgets (bp.MAX_WIDGET_CHARS), so keys are computed for those only,
    and only the few bodies that lose a line are rebuilt.
    """
    frame = pl.DataFrame({"body": body}).with_row_index("rid")
    lines = (frame.select("rid", pl.col("body").str.split("\n").alias("line"))
             .explode("line").with_row_index("lid"))
    short = lines.filter(pl.col("line").str.len_chars() <= bp.MAX_WIDGET_CHARS)
    widgets = short.filter(bp.line_key_expr(pl.col("line")).str.contains(bp.drop_line_pattern()))
    if widgets.height == 0:
        return body
    touched = lines.filter(pl.col("rid").is_in(widgets["rid"].implode()))
    rebuilt = (touched.filter(~pl.col("lid").is_in(widgets["lid"].implode()))
               .group_by("rid", maintain_order=True).agg(pl.col("line").str.join("\n")))
    out = frame.join(rebuilt, on="rid", how="left").sort("rid").select(
        pl.when(pl.col("rid").is_in(widgets["rid"].implode()))
        .then(normalize_expr(pl.col("line").fill_null(""))).otherwise(pl.col("body")).alias("body"))
    return out["body"]


def _json_meta(title, published, author, body):
    """(title, published_at, published_text, agencies, authors) of one JSON row."""
    value, matched = parse_published(published)
    first_line = body.split("\n", 1)[0] if body else ""
    last_line = body.rsplit("\n", 1)[-1] if body else ""
    agencies = set(_author_agencies(author))
    dateline = md.dateline_of(first_line)
    if dateline:
        agencies.update(md.agencies_in_credit(dateline))
    if md.is_credit_line(last_line):
        agencies.update(md.agencies_in_credit(last_line))
    return (plausible_title(title), value, matched, sorted(agencies), list(_author_names(author)))


# Author fields repeat heavily in feeds ("الرياض - واس" on thousands of rows): cache them.
@lru_cache(maxsize=65536)
def _author_agencies(author: str | None) -> tuple[str, ...]:
    return tuple(md.agencies_in_credit(author)) if author else ()


@lru_cache(maxsize=65536)
def _author_names(author: str | None) -> tuple[str, ...]:
    return tuple(au.authors_from_field(author))


def plausible_title(title: str | None) -> str | None:
    """``title`` normalised when it reads as a headline; None for empty, URL, chrome or prose."""
    if not title:
        return None
    text = normalize_text(title).replace("\n", " ")
    if not text or len(text) > TITLE_MAX_CHARS or "://" in text or text.startswith("www."):
        return None
    if not any(ch.isalpha() for ch in text) or bp.is_chrome(text):
        return None
    return text


def _clean_pages(rows: pl.DataFrame) -> pl.DataFrame:
    """Slow path: page dumps and HTML pages, one row at a time."""
    if rows.height == 0:
        return _empty_cleaned()
    records = []
    for row in rows.iter_rows(named=True):
        parsed = _parse_page(row)
        records.append({
            "source_uri": row["source_uri"], "url": row["url"], "raw_sha256": row["raw_sha256"],
            "title": parsed.title, "published_at": parsed.published_at,
            "published_text": parsed.published_text, "outlet": parsed.outlet,
            "agencies": parsed.agencies, "authors": parsed.authors,
            "body": normalize_text(parsed.body), "n_words": 0,
        })
    return pl.DataFrame(records, schema=ARTICLE_SCHEMA)


def _parse_page(row: dict) -> Parsed:
    if row["format"] == "html":
        parsed = parse_html(row["text"] or "", row.get("url"))
    else:
        parsed = parse_dump(row["text"] or "")
    # Fields given next to the page (a JSON Lines row with `html`) win over guesses.
    parsed.title = plausible_title(row.get("title")) or parsed.title
    parsed.outlet = (row.get("outlet") or "").strip() or parsed.outlet
    if row.get("published"):
        value, matched = parse_published(row["published"])
        if value is not None:
            parsed.published_at, parsed.published_text = value, matched
    if row.get("author"):
        parsed.authors = au.dedup_names(au.authors_from_field(row["author"]) + parsed.authors)
        parsed.agencies = sorted(set(parsed.agencies) | set(md.agencies_in_credit(row["author"])))
    return parsed


def _split_rejects(cleaned: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Apply the reject rules; return (articles, rejects), both sorted by source_uri."""
    scored = cleaned.with_columns(
        n_words=n_words_expr(pl.col("body")),
        _share=(pl.col("body").str.count_matches(_ARABIC)
                / pl.col("body").str.count_matches(_LETTER).clip(lower_bound=1)),
    )
    reason = (pl.when(pl.col("n_words") == 0).then(pl.lit("no_text"))
              .when(pl.col("_share") < MIN_ARABIC_SHARE).then(pl.lit("not_arabic"))
              .when(pl.col("n_words") < MIN_WORDS).then(pl.lit("too_short")))
    detail = (pl.when(pl.col("n_words") == 0).then(pl.lit("nothing left after cleaning"))
              .when(pl.col("_share") < MIN_ARABIC_SHARE)
              .then(pl.format("Arabic letters {} of letters < {}", pl.col("_share").round(3),
                              pl.lit(MIN_ARABIC_SHARE)))
              .otherwise(pl.format("{} words < {}", pl.col("n_words"), pl.lit(MIN_WORDS))))
    scored = scored.with_columns(reason=reason, detail=detail)
    articles = scored.filter(pl.col("reason").is_null()).select(list(ARTICLE_SCHEMA))
    rejects = scored.filter(pl.col("reason").is_not_null()).select(list(REJECT_SCHEMA))
    return articles.sort("source_uri"), rejects.sort("source_uri")
