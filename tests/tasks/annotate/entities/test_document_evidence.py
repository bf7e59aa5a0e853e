"""Document-evidence features: label-free cues from a word's other occurrences in its article."""

from __future__ import annotations

from pathlib import Path

from akhbar.tasks.annotate.entities.features import code_features, document_codes
from akhbar.tasks.annotate.entities.lexicon import TOKEN_RE
from akhbar.tasks.annotate.entities.tagger import tag_sentences, tag_sentences_crfsuite
from akhbar.tasks.text import final_text, sentence_spans

SAMPLES = Path(__file__).resolve().parents[4] / "samples"


def _features(sentences, docs):
    return [[code_features(int(c)) for c in codes] for codes in document_codes(sentences, docs)]


def test_a_word_gets_the_cues_of_its_other_occurrences_in_the_document():
    sents = ["قال الرئيس ألونسو إن".split(), "وانتقد ألونسو القرار".split()]
    feats = _features(sents, [0, 0])
    # the second ألونسو has no title before it, the first one has: both get D:t, and the count
    assert "D:t" in feats[1][1] and "D:c2" in feats[1][1]
    assert feats[0][2] == feats[1][1]


def test_documents_do_not_share_evidence():
    sents = ["قال الرئيس ألونسو إن".split(), "وانتقد ألونسو القرار".split()]
    feats = _features(sents, [0, 1])
    assert feats[1][1] == ()  # alone in its document, no cue next to it
    assert "D:c2" not in feats[0][2]


def test_short_words_and_punctuation_get_no_evidence():
    sents = ["في , في".split(), "في , في".split()]
    assert all(f == () for s in _features(sents, [0, 0]) for f in s)


def _sample_articles() -> list[list[list[str]]]:
    out = []
    for path in sorted(SAMPLES.glob("*.txt")):
        body = final_text(path.read_text(encoding="utf-8"))
        out.append([[m.group() for m in TOKEN_RE.finditer(body, s, e)] for s, e in sentence_spans(body)])
    return out


def test_decoder_with_documents_matches_crfsuite():
    articles = _sample_articles()
    sents = [s for a in articles for s in a]
    docs = [k for k, a in enumerate(articles) for _ in a]
    fast = tag_sentences(sents, docs)
    ref = tag_sentences_crfsuite(sents, docs)
    assert [f[0] for f in fast] == [r[0] for r in ref]
    assert all(abs(a - b) < 1e-4 for f, r in zip(fast, ref) for a, b in zip(f[1], r[1]))
    # an article's tags do not depend on the other articles of the call
    first = tag_sentences(articles[0], [0] * len(articles[0]))
    assert first == fast[: len(articles[0])]
