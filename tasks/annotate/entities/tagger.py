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

from akhbar.tasks.annotate.entities.features import sentence_features

MODEL_NAME = "crf.model"


@lru_cache(maxsize=1)
def _tagger() -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    # The development benchmark points this at a model trained on nine tenths of ANERcorp.
    path = os.environ.get("AKHBAR_ENTITIES_MODEL") or str(
        resources.files("akhbar.tasks.annotate.entities").joinpath("data", MODEL_NAME)
    )
    tagger.open(path)
    return tagger


def tag_tokens(tokens: list[str]) -> tuple[list[str], list[float]]:
    """BIO labels of one sentence's tokens and the marginal probability of each label."""
    if not tokens:
        return [], []
    tagger = _tagger()
    labels = tagger.tag(sentence_features(tokens))
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
