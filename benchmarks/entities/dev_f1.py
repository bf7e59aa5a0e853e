"""Span-level micro F1 on the ANERcorp development split (last tenth of train.conll).

Usage:
    python benchmarks/entities/train_tagger.py --dev /tmp/ent_dev   # model on the first 9/10
    python benchmarks/entities/dev_f1.py /tmp/ent_dev [--institutions] [--sentence-docs]
    python benchmarks/entities/train_tagger.py --tune /tmp/ent_tune && \
        python benchmarks/entities/dev_f1.py /tmp/ent_tune --tune    # the tuning split

Scores exact span and type with seqeval (CoNLL scheme) on PER, ORG, LOC (MISC is mapped to O
in gold and prediction: the annotator does not emit it). Two systems are scored: the CRF
alone, and the full recogniser that ``akhbar tag-conll`` runs (CRF + alias table + rules).
v5: ANERcorp marks no article boundaries, so blocks of DOC_SENTENCES consecutive sentences
stand for the articles (the tagger's document evidence, the article-level repeats);
``--sentence-docs`` scores every sentence on its own instead (the protocol of v1-v4).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    model_dir = Path(args[0] if args else "/tmp/ent_dev")
    # Point the annotator at the 9/10 model and vocabulary before it is imported.
    os.environ["AKHBAR_ENTITIES_MODEL"] = str(model_dir / "crf.model")
    os.environ["AKHBAR_ENTITIES_VOCAB"] = str(model_dir / "vocab.tsv")
    sys.path.insert(0, str(Path(__file__).parent))
    from seqeval.metrics import classification_report
    from train_tagger import ANERCORP, read_conll, split_dev, split_tune

    import akhbar.tasks.annotate.entities.recognize as recognize

    # --institutions: also the institution-shape ORG candidates (off by default)
    recognize.INSTITUTION_CANDIDATES = "--institutions" in sys.argv
    from akhbar.tasks.annotate.entities.conll import tag_document, tag_sentence
    from akhbar.tasks.annotate.entities.features import DOC_SENTENCES
    from akhbar.tasks.annotate.entities.tagger import tag_sentences

    # --tune: score the ninth tenth (model from train_tagger.py --tune) instead of the dev split
    _, dev = (split_tune if "--tune" in sys.argv else split_dev)(read_conll(ANERCORP))
    gold = [[_no_misc(t) for _, t in s] for s in dev]
    toks = [[w for w, _ in s] for s in dev]
    if "--sentence-docs" in sys.argv:  # each sentence its own article, as v1-v4 were scored
        tagged = tag_sentences(toks)
        full = [tag_sentence(t, tg) for t, tg in zip(toks, tagged)]
    else:  # blocks of DOC_SENTENCES sentences stand for the articles ANERcorp does not mark
        tagged = tag_sentences(toks, [i // DOC_SENTENCES for i in range(len(toks))])
        full = tag_document(toks)
    crf = [[_no_misc(t) for t in lab] for lab, _ in tagged]
    print(f"dev: {len(dev)} sentences, {sum(map(len, dev))} tokens\n")
    print("## CRF alone\n" + classification_report(gold, crf, digits=3))
    print("## full recogniser (tag-conll)\n" + classification_report(gold, full, digits=3))


def _no_misc(tag: str) -> str:
    return "O" if tag.endswith("MISC") else tag


if __name__ == "__main__":
    main()
