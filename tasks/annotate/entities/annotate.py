"""The entities annotator: articles (article_id, body) in, ENTITIES rows out.

Per article: split into sentences with ``sentence_spans`` (the shared splitter), tokenise,
recognise mentions (CRF + alias table), strip proclitics from each span start, link within the
article (linker.py), then add nominal mentions (nominals.py) that stand for a named ORG.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from itertools import chain

import polars as pl

from akhbar.schemas.tables import ENTITIES
from akhbar.tasks.annotate.entities.lexicon import TOKEN_RE, link_key, match_key
from akhbar.tasks.annotate.entities.linker import Mention, hash_id, link_mentions
from akhbar.tasks.annotate.entities.nominals import find_nominals
from akhbar.tasks.annotate.entities.phrases import alias_index, find_phrases, joined, split_matches
from akhbar.tasks.annotate.entities.recognize import add_repeats, article_names, recognize
from akhbar.tasks.annotate.entities.tagger import tag_sentences
from akhbar.tasks.text import sentence_spans

ANNOTATOR = "entities_crf_v5"  # v5: document-evidence features, nasab/آل/title/credit rules
# Articles whose sentences are tagged together (decoding cost per step is spread over the
# batch); memory stays bounded by the batch, not the frame.
ARTICLE_BATCH = 200


def _sentences(body: str) -> list[tuple[int, list[tuple[int, int]]]]:
    """(sentence index, token spans with absolute offsets) for each sentence of ``body``."""
    out = []
    for idx, (s, e) in enumerate(sentence_spans(body)):
        out.append((idx, [m.span() for m in TOKEN_RE.finditer(body, s, e)]))  # spans are absolute
    return out


def _named_mentions(body: str, sents, all_tokens, tagged) -> list[Mention]:
    """Named mentions of one article from its sentences, tokens and their CRF tags."""
    seen = frozenset(map(match_key, set(chain.from_iterable(all_tokens))))
    # Name lookups scan the whole article at once (sentences joined with GAPs): same matches,
    # without the per-call overhead of ~15 sentences an article.
    flat, offsets = joined(all_tokens)
    aliases = split_matches(find_phrases(flat, alias_index()), offsets)
    recognised = []
    for (idx, spans), tokens, tags, found in zip(sents, all_tokens, tagged, aliases):
        recognised.append((idx, spans, tokens, recognize(tokens, seen, tags, found)))
    repeats = article_names([(tokens, cands) for _, _, tokens, cands in recognised])
    again = split_matches(find_phrases(flat, repeats), offsets) if repeats.entries else [None] * len(offsets)
    mentions: list[Mention] = []
    for (idx, spans, tokens, cands), found in zip(recognised, again):
        prev_end = None  # token index and mention index of the previous mention
        for c in add_repeats(tokens, cands, repeats, found):
            start, end = spans[c.first][0] + c.skip, spans[c.last - 1][1]
            words = [body[start : spans[c.first][1]], *tokens[c.first + 1 : c.last]]
            keys = tuple(link_key(w) for w in words)
            if words[0].startswith("لل") and len(words[0]) > 3:
                keys = (link_key("ال" + words[0][2:]), *keys[1:])
            bracket = None
            if prev_end is not None and c.first - prev_end[0] == 1 and tokens[c.first - 1] == "(":
                bracket = prev_end[1]
            mentions.append(Mention(start, end, body[start:end], c.entity_type, keys, c.rows,
                                    round(c.score, 4), idx, bracket))
            prev_end = (c.last, len(mentions) - 1)
    return mentions


def annotate_article(article_id: str, body: str) -> list[dict]:
    """ENTITIES rows (as dicts) of one article."""
    return _annotate_batch([(article_id, body)])


def _annotate_batch(articles: list[tuple[str, str]]) -> list[dict]:
    """ENTITIES rows of several articles; their sentences are tagged in one batched call."""
    parsed = []
    for article_id, body in articles:
        sents = _sentences(body)
        parsed.append((article_id, body, sents, [[body[a:b] for a, b in sp] for _, sp in sents]))
    # each article is one document for the tagger's document-evidence features
    docs = [k for k, (*_, tokens) in enumerate(parsed) for _ in tokens]
    tagged = iter(tag_sentences([toks for *_, tokens in parsed for toks in tokens], docs))
    rows: list[dict] = []
    for article_id, body, sents, tokens in parsed:
        tags = [next(tagged) for _ in tokens]
        rows += _article_rows(article_id, body, sents, _named_mentions(body, sents, tokens, tags), tokens)
    return rows


def _article_rows(article_id: str, body: str, sents, mentions: list[Mention], tokens=None) -> list[dict]:
    """Linked named mentions plus nominal mentions of one article, as ENTITIES rows."""
    link_mentions(mentions)
    rows = [_row(article_id, m, "named") for m in mentions]
    rows += [_row(article_id, m, "nominal") for m in find_nominals(body, sents, mentions, tokens)]
    return rows


def _row(article_id: str, m: Mention, kind: str) -> dict:
    return {
        "mention_id": hash_id(article_id, m.start, m.end),
        "article_id": article_id,
        "entity_id": m.entity_id,
        "entity_type": m.entity_type,
        "mention_kind": kind,
        "surface": m.surface,
        "canonical_name": m.canonical_name,
        "start_char": m.start,
        "end_char": m.end,
        "sentence_index": m.sentence_index,
        "annotator": ANNOTATOR,
        "score": float(m.score),
    }


def _schema() -> dict[str, pl.DataType]:
    types = {"int32": pl.Int32, "double": pl.Float64, "string": pl.Utf8}
    return {c.name: types[str(c.type)] for c in ENTITIES.columns}


@contextmanager
def _gc_paused():
    """Cyclic garbage collection off for the block, back to its previous state after.

    Annotation allocates millions of small objects and makes no reference cycles (gc.collect()
    after 2,000 SaudiNewsNet articles annotated with collection off finds 0 unreachable
    objects, RSS unchanged), so the collector's passes over the per-word memos only cost
    time: 12-14% of the CPU time (benchmarks/entities/SPEED.md).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def annotate_entities(articles: pl.DataFrame) -> pl.DataFrame:
    """Entity mentions of ``articles`` (columns article_id, body) as ENTITIES rows.

    Pure and deterministic: the same article gives the same rows whatever else is in the
    batch. Rows are sorted by article_id and start_char.
    """
    rows: list[dict] = []
    batch: list[tuple[str, str]] = []
    with _gc_paused():
        for article_id, body in articles.select("article_id", "body").iter_rows():
            if body:
                batch.append((article_id, body))
            if len(batch) == ARTICLE_BATCH:
                rows += _annotate_batch(batch)
                batch = []
        rows += _annotate_batch(batch)
    out = pl.DataFrame(rows, schema=_schema()) if rows else pl.DataFrame(schema=_schema())
    return out.sort("article_id", "start_char", "end_char")
