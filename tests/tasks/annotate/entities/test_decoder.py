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


def test_find_phrases_set_prefilter_equals_the_token_by_token_scan():
    from akhbar.tasks.annotate.entities.gazetteer import alias_rows

    pairs = [(a, row.entity_type) for row in alias_rows() for a in row.aliases]
    memo, plain = build_index(pairs), build_index(pairs, memo=False)
    sents = _sample_sentences()
    fast = [find_phrases(s, memo) for s in sents]
    assert fast == [find_phrases(s, plain) for s in sents]
    assert sum(map(len, fast)) > 50
    assert fast == [find_phrases(s, memo) for s in sents]  # second pass: memo filled


def test_vectorised_table_rows_equal_the_weights_added_one_by_one():
    import numpy as np

    from akhbar.tasks.annotate.entities.decoder import Decoder
    from akhbar.tasks.annotate.entities.features import CONTEXT_OFFSETS, context_features, word_features
    from akhbar.tasks.annotate.entities.tagger import model_path

    dec = Decoder(model_path())
    words = list(dict.fromkeys(t for s in _sample_sentences()[:30] for t in s))
    dec._add_words(words)
    for w in words[:200]:
        slots = [word_features(w), *(context_features(w, d) for d in CONTEXT_OFFSETS)]
        for k, feats in enumerate(slots):
            ref = np.zeros(len(dec.labels))
            for a in feats:
                if a in dec.attrs:
                    ref += dec.weights[dec.attrs[a]]
            assert (dec._table[dec._ids[w], k] == ref).all()  # bit-identical sums


def test_batched_bigram_rows_equal_per_sentence_lookups():
    import numpy as np

    from akhbar.tasks.annotate.entities.decoder import PAD, Decoder
    from akhbar.tasks.annotate.entities.tagger import model_path

    dec = Decoder(model_path())
    sents = _sample_sentences()[:40]
    dec._emissions(sents)  # gives every word an id
    ids, expected = [0] * PAD, []
    for tokens in sents:
        keys = [dec._keys[dec._ids[t]] for t in tokens]
        # the first word of a sentence has no bigram (BOS instead), nor do the PAD slots
        expected += [0] + [dec.attrs.get(f"-1|0:{a}|{b}", 0) for a, b in zip(keys, keys[1:])]
        expected += [0] * PAD
        ids += [dec._ids[t] for t in tokens] + [0] * PAD
    got = dec._bigrams(ids)
    ref = dec.weights[np.array([0] * PAD + expected)]
    assert (got == ref).all()
    assert np.abs(got).sum() > 0  # some bigrams of the samples are model features
