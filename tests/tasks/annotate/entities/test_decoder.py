"""The numpy CRF decoder must reproduce python-crfsuite's labels and marginals."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from akhbar.tasks.annotate.entities import annotate_entities
from akhbar.tasks.annotate.entities.lexicon import TOKEN_RE
from akhbar.tasks.annotate.entities.phrases import build_index, find_phrases
from akhbar.tasks.annotate.entities.tagger import tag_sentences, tag_tokens, tag_tokens_crfsuite
from akhbar.tasks.text import final_text, sentence_spans

SAMPLES = Path(__file__).resolve().parents[4] / "samples"


def _sample_sentences() -> list[list[str]]:
    out = []
    for path in sorted(SAMPLES.glob("*.txt")):
        body = final_text(path.read_text(encoding="utf-8"))
        out += [[m.group() for m in TOKEN_RE.finditer(body, s, e)] for s, e in sentence_spans(body)]
    return out


def test_decoder_matches_crfsuite_on_sample_sentences():
    sents = _sample_sentences()
    assert len(sents) > 50
    fast = tag_sentences(sents)
    named = 0
    for tokens, (labels, probs) in zip(sents, fast):
        ref_labels, ref_probs = tag_tokens_crfsuite(tokens)
        assert labels == ref_labels
        # crfsuite exponentiates with a fast approximation: agreement to ~1e-6, not exactly
        assert all(abs(a - b) < 1e-4 for a, b in zip(probs, ref_probs))
        named += sum(y != "O" for y in labels)
    assert named > 30  # the comparison covered real entity labels, not only O


def test_sentence_result_does_not_depend_on_its_batch():
    sents = _sample_sentences()[:40]
    together = tag_sentences(sents)
    assert [tag_tokens(s) for s in sents] == together
    assert tag_sentences([[], *sents[:2], []]) == [([], []), *together[:2], ([], [])]


def test_batch_of_articles_equals_articles_one_by_one():
    bodies = [final_text(p.read_text(encoding="utf-8")) for p in sorted(SAMPLES.glob("*.txt"))]
    frame = pl.DataFrame({"article_id": [f"s{i}" for i in range(len(bodies))], "body": bodies})
    whole = annotate_entities(frame)
    parts = pl.concat([annotate_entities(frame.slice(i, 1)) for i in range(frame.height)])
    assert whole.equals(parts.sort("article_id", "start_char", "end_char"))


def test_find_phrases_longest_match_and_proclitic_reading():
    index = build_index([("حلف شمال الأطلسي", "ORG"), ("حلف", "ORG"), ("شمال", "LOC")])
    found = find_phrases("قال وحلف شمال الأطلسي إن شمال".split(), index)
    assert [(m.first, m.last, m.skip) for m in found] == [(1, 4, 1), (5, 6, 0)]
    # a prefix of a longer name that is not a name itself is not a match
    assert find_phrases(["حلف", "شمال"], build_index([("حلف شمال الأطلسي", "ORG")])) == []
