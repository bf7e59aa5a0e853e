"""Train the entity CRF on ANERcorp and write the model and vocabulary the annotator ships.

Usage:
    python benchmarks/entities/train_tagger.py                 # full train.conll -> package data
    python benchmarks/entities/train_tagger.py --dev OUT_DIR   # first 9/10 only (dev benchmark)
    python benchmarks/entities/train_tagger.py --tune OUT_DIR  # first 8/10 only (tuning split)
    python benchmarks/entities/train_tagger.py --out OUT_DIR   # full data, elsewhere (check)

Deterministic: sentences are read in file order, L-BFGS has no random component, and the
parameters below are fixed, so the same input gives the same model. v5: each sentence also
gets its document-evidence features, a "document" being a block of DOC_SENTENCES consecutive
sentences (ANERcorp marks no article boundaries; features.py).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

ANERCORP = Path("/work/shared/benchmarks/anercorp/train.conll")
PACKAGE_DATA = Path(__file__).resolve().parents[2] / "tasks" / "annotate" / "entities" / "data"
SEED = 13  # crfsuite's L-BFGS is deterministic; kept for the record and for any shuffling.
# L1/L2 and iteration count from a small sweep on the dev split (see RESULTS.md).
PARAMS = {"c1": 0.01, "c2": 0.01, "max_iterations": 400, "feature.possible_transitions": True}


def read_conll(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences of (token, tag) pairs; a line without a tag gets 'O'."""
    sents, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if cur:
                sents.append(cur)
            cur = []
            continue
        tok, _, tag = line.partition("\t")
        cur.append((tok.strip(), tag.strip() or "O"))
    if cur:
        sents.append(cur)
    return sents


def split_dev(sents: list) -> tuple[list, list]:
    """First nine tenths (train) and last tenth (dev) of the sentences, in file order."""
    cut = len(sents) * 9 // 10
    return sents[:cut], sents[cut:]


def split_tune(sents: list) -> tuple[list, list]:
    """First eight tenths (train) and the ninth tenth (tune): choices are made here, so the
    dev split (last tenth) stays an unseen test of them."""
    train, _ = split_dev(sents)
    cut = len(sents) * 8 // 10
    return train[:cut], train[cut:]


def write_vocab(sents: list, path: Path) -> None:
    """Write match_key<TAB>count<TAB>count-inside-an-entity for words seen at least twice."""
    from akhbar.tasks.text import match_key

    counts, ents = Counter(), Counter()
    for sent in sents:
        for tok, tag in sent:
            key = match_key(tok)
            counts[key] += 1
            ents[key] += tag != "O"
    lines = [f"{w}\t{n}\t{ents[w]}" for w, n in sorted(counts.items()) if n >= 2 and w.strip()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def block_codes(sentences: list[list[str]]) -> list:
    """Document-evidence codes of consecutive ANERcorp sentences, blocks of DOC_SENTENCES as documents."""
    from akhbar.tasks.annotate.entities.features import DOC_SENTENCES, document_codes

    return document_codes(sentences, [i // DOC_SENTENCES for i in range(len(sentences))])


def train(sents: list, model_path: Path) -> None:
    """Fit the CRF on ``sents`` and save it to ``model_path``."""
    import pycrfsuite

    from akhbar.tasks.annotate.entities.features import sentence_features

    trainer = pycrfsuite.Trainer(verbose=False)
    codes = block_codes([[t for t, _ in s] for s in sents])
    for sent, code in zip(sents, codes):
        trainer.append(sentence_features([t for t, _ in sent], code), [y for _, y in sent])
    trainer.set_params(PARAMS)
    trainer.train(str(model_path))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--dev", type=Path, help="train on the first 9/10 and write model+vocab here")
    ap.add_argument("--tune", type=Path, help="train on the first 8/10 and write model+vocab here")
    ap.add_argument("--out", type=Path, help="train on all and write here instead of the package data")
    args = ap.parse_args()
    sents = read_conll(ANERCORP)
    out = args.dev or args.tune or args.out or PACKAGE_DATA
    out.mkdir(parents=True, exist_ok=True)
    if args.dev:
        sents, _ = split_dev(sents)
    elif args.tune:
        sents, _ = split_tune(sents)
    write_vocab(sents, out / "vocab.tsv")
    # Features read the vocabulary: point them at the one just written before importing.
    os.environ["AKHBAR_ENTITIES_VOCAB"] = str(out / "vocab.tsv")
    t0 = time.time()
    train(sents, out / "crf.model")
    size = (out / "crf.model").stat().st_size / 1e6
    print(f"trained on {len(sents)} sentences in {time.time() - t0:.0f}s -> {out}/crf.model ({size:.1f} MB)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
