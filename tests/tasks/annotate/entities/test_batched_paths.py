"""The batch-wide and per-article fast paths must equal the per-sentence computations they replace."""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from akhbar.tasks.annotate.entities import decoder as decoder_module
from akhbar.tasks.annotate.entities.annotate import _sentences
from akhbar.tasks.annotate.entities.decoder import PAD, Decoder
from akhbar.tasks.annotate.entities.features import gazetteer_tags, institution_tags
from akhbar.tasks.annotate.entities.lexicon import TOKEN_RE
from akhbar.tasks.annotate.entities.phrases import GAP, alias_index, build_index, find_phrases, joined, split_matches
from akhbar.tasks.annotate.entities.tagger import _decoder, model_path
from akhbar.tasks.text import final_text, sentence_spans

SAMPLES = Path(__file__).resolve().parents[4] / "samples"


def _bodies() -> list[str]:
    return [final_text(p.read_text(encoding="utf-8")) for p in sorted(SAMPLES.glob("*.txt"))]


def _sample_sentences() -> list[list[str]]:
    out = []
    for body in _bodies():
        out += [[m.group() for m in TOKEN_RE.finditer(body, s, e)] for s, e in sentence_spans(body)]
    return out


def _legacy_sparse(dec: Decoder, sentences: list[list[str]]) -> list[tuple[int, int]]:
    """(emission row, weight row) pairs of v3's per-sentence loop, in its order."""
    get, out, base = dec.attrs.get, [], PAD
    for tokens in sentences:
        out.append((base, get("BOS", 0)))
        for i, g in enumerate(gazetteer_tags(tokens)):
            if g:
                out.append((base + i, get("gz=" + g, 0)))
                out += [(base + i - d, get(f"{d}:gz={g}", 0)) for d in (-2, -1, 1, 2) if 0 <= i - d < len(tokens)]
        out += [(base + i, get("inst=" + t, 0)) for i, t in enumerate(institution_tags(tokens)) if t]
        base += len(tokens) + PAD
    return out


def _per_row(pairs) -> dict[int, list[int]]:
    """Weight rows added to each emission row, in the order they are added (float sums depend on it)."""
    return {r: [w for _, w in g] for r, g in groupby(sorted(pairs, key=lambda p: p[0]), key=lambda p: p[0])}


def test_batch_wide_gazetteer_and_institution_scan_equals_per_sentence_loop():
    dec = _decoder()
    sents = [s for s in _sample_sentences() if s]
    flat, starts = joined(sents, gap=PAD)
    flat, starts = [GAP] * PAD + flat, [o + PAD for o in starts]
    pos, rows = dec._sparse(flat, starts)
    got = _per_row(zip(pos.tolist(), rows.tolist()))  # stable sort keeps the order of additions
    want = _per_row(_legacy_sparse(dec, sents))
    assert got == want
    assert sum(len(v) > 1 for v in want.values()) > 10  # rows with several sparse features were compared


def test_eviction_keeps_results_identical(monkeypatch):
    sents = _sample_sentences()
    reference = _decoder().tag(sents)
    assert len({t for s in sents for t in s}) > 2 * 500  # the samples overflow the small table
    monkeypatch.setattr(decoder_module, "TABLE_WORDS", 500)
    monkeypatch.setattr(decoder_module, "KEEP_WORDS", 150)
    small = Decoder(model_path())
    got = []
    for i in range(0, len(sents), 8):  # several calls: the table fills and is compacted
        got += small.tag(sents[i : i + 8])
    assert len(small._keys) <= 501 and len(small._ids) == len(small._keys) - 1
    assert got == reference
    assert all(small._ids[f] == i for i, f in enumerate(small._forms) if i)


def test_all_o_sentences_get_probability_one_without_forward_backward():
    labels, probs = _decoder().tag([["في", "هذا", "اليوم", "."]])[0]
    assert set(labels) == {"O"} and probs == [1.0] * 4


def test_joined_scan_equals_sentence_scans():
    sents = _sample_sentences()
    flat, offsets = joined(sents)
    assert split_matches(find_phrases(flat, alias_index()), offsets) == [find_phrases(s, alias_index()) for s in sents]
    names = build_index([("بوتين", "PER"), ("البيت الأبيض", "ORG"), ("السعودية", "LOC")], memo=False)
    per_sentence = [find_phrases(s, names) for s in sents]
    assert split_matches(find_phrases(flat, names), offsets) == per_sentence
    assert sum(map(len, per_sentence)) > 3


def test_nominals_with_given_tokens_equal_sliced_tokens():
    from akhbar.tasks.annotate.entities import annotate as ann

    for body in _bodies():
        sents = _sentences(body)
        tokens = [[body[a:b] for a, b in sp] for _, sp in sents]
        tags = _decoder().tag(tokens)
        mentions = ann._named_mentions(body, sents, tokens, tags)
        with_tokens = ann._article_rows("a", body, sents, mentions, tokens)
        mentions = ann._named_mentions(body, sents, tokens, tags)
        assert with_tokens == ann._article_rows("a", body, sents, mentions)


def test_garbage_collection_state_is_restored():
    import gc

    import polars as pl

    from akhbar.tasks.annotate.entities import annotate_entities

    frame = pl.DataFrame({"article_id": ["a"], "body": ["قال الرئيس الأمريكي باراك أوباما في واشنطن."]})
    assert gc.isenabled()
    annotate_entities(frame)
    assert gc.isenabled()
    gc.disable()
    try:
        annotate_entities(frame)
        assert not gc.isenabled()  # a caller that turned it off keeps it off
    finally:
        gc.enable()
