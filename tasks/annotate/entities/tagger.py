"""The CRF sequence tagger (python-crfsuite) trained on ANERcorp: load once, tag sentences.

The model file ships in ``data/crf.model``; benchmarks/entities/train_tagger.py rebuilds it.
Labels are BIO over PER, ORG, LOC and MISC (MISC is kept in training because it helps tell
the other types apart, and dropped from the output).
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources

import pycrfsuite

from akhbar.tasks.annotate.entities.decoder import Decoder
from akhbar.tasks.annotate.entities.features import document_codes, sentence_features

MODEL_NAME = "crf.model"


def model_path() -> str:
    """The CRF model file: the shipped one, or $AKHBAR_ENTITIES_MODEL."""
    # The development benchmark points this at a model trained on nine tenths of ANERcorp.
    return os.environ.get("AKHBAR_ENTITIES_MODEL") or str(
        resources.files("akhbar.tasks.annotate.entities").joinpath("data", MODEL_NAME)
    )


@lru_cache(maxsize=1)
def _tagger() -> pycrfsuite.Tagger:
    """crfsuite's own tagger (reference for tests; tagging goes through ``_decoder``)."""
    tagger = pycrfsuite.Tagger()
    tagger.open(model_path())
    return tagger


@lru_cache(maxsize=1)
def _decoder() -> Decoder:
    return Decoder(model_path())


def tag_sentences(
    sentences: list[list[str]], docs: list[int] | None = None
) -> list[tuple[list[str], list[float]]]:
    """BIO labels and per-label marginal probabilities (1.0 for O) of each sentence.

    Tag many sentences in one call (an article, or a batch of articles): decoding is batched.
    ``docs[i]``: the article of sentence i (document-evidence features); without it each
    sentence is a document of its own.
    """
    return _decoder().tag(sentences, docs)


def tag_tokens(tokens: list[str]) -> tuple[list[str], list[float]]:
    """BIO labels of one sentence's tokens and the marginal probability of each label."""
    return tag_sentences([tokens])[0]


def tag_tokens_crfsuite(tokens: list[str]) -> tuple[list[str], list[float]]:
    """``tag_tokens`` through python-crfsuite itself (slow; the reference in tests)."""
    return tag_sentences_crfsuite([tokens])[0]


def tag_sentences_crfsuite(sentences: list[list[str]], docs: list[int] | None = None) -> list:
    """``tag_sentences`` through python-crfsuite itself (slow; the reference in tests)."""
    codes = document_codes(sentences, list(range(len(sentences))) if docs is None else docs)
    return [_crfsuite_one(tokens, c) for tokens, c in zip(sentences, codes)]


def _crfsuite_one(tokens: list[str], codes) -> tuple[list[str], list[float]]:
    if not tokens:
        return [], []
    tagger = _tagger()
    labels = tagger.tag(sentence_features(tokens, codes))
    probs = [tagger.marginal(y, i) if y != "O" else 1.0 for i, y in enumerate(labels)]
    return labels, probs


def bio_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """(first, last, type) token spans of a BIO sequence; a stray I- opens a span."""
    spans: list[tuple[int, int, str]] = []
    start, etype = None, None
    for i, lab in enumerate([*labels, "O"]):
        tag, _, typ = lab.partition("-")
        if start is not None and (tag != "I" or typ != etype):
            spans.append((start, i, etype))
            start = None
        if tag == "B" or (tag == "I" and start is None):
            start, etype = i, typ
    return spans
