"""``akhbar tag-conll``: tag a CoNLL file with the entity recogniser, token for token."""

from __future__ import annotations

from pathlib import Path

from akhbar.tasks.annotate.entities.features import DOC_SENTENCES
from akhbar.tasks.annotate.entities.recognize import add_repeats, article_names, recognize
from akhbar.tasks.annotate.entities.tagger import tag_sentences


def read_sentences(text: str) -> list[list[str]]:
    """Token lists of a CoNLL text: first column of each line, blank lines between sentences.

    A run of several blank lines yields empty sentences so the output keeps every blank line.
    """
    sents: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.strip():
            sents[-1].append(line.split("\t")[0].strip())
        else:
            sents.append([])
    return sents


def tag_sentence(tokens: list[str], tagged: tuple | None = None) -> list[str]:
    """BIO tags (B-/I-PER, ORG, LOC, O) of one tokenised sentence; the whole token is tagged.

    ``tagged``: its CRF (labels, probabilities) when tagged with its document (``tag_document``).
    """
    return _bio(tokens, recognize(tokens, frozenset(), tagged))


def tag_document(sentences: list[list[str]]) -> list[list[str]]:
    """BIO tags of consecutive sentences, as the annotator tags an article's sentences.

    A CoNLL file (ANERcorp) marks no article boundaries, and the tagger's document evidence
    and the article-level repeats (``article_names``) need some: blocks of DOC_SENTENCES
    sentences, the blocks the model was trained with, stand for the articles.
    """
    tagged = tag_sentences(sentences, [i // DOC_SENTENCES for i in range(len(sentences))])
    out = []
    for a in range(0, len(sentences), DOC_SENTENCES):
        block = [(t, recognize(t, frozenset(), tg) if t else [])
                 for t, tg in zip(sentences[a : a + DOC_SENTENCES], tagged[a : a + DOC_SENTENCES])]
        names = article_names(block)
        for tokens, cands in block:
            out.append(_bio(tokens, add_repeats(tokens, cands, names)))
    return out


def _bio(tokens: list[str], cands) -> list[str]:
    """BIO tags of a sentence's candidates."""
    tags = ["O"] * len(tokens)
    for c in cands:
        tags[c.first] = "B-" + c.entity_type
        for i in range(c.first + 1, c.last):
            tags[i] = "I-" + c.entity_type
    return tags


def tag_conll(in_path: str | Path, out_path: str | Path) -> None:
    """Write ``token<TAB>BIO-tag`` lines for the tokens of ``in_path``, blank lines preserved."""
    sents = read_sentences(Path(in_path).read_text(encoding="utf-8-sig"))
    lines: list[str] = []
    for i, (tokens, tags) in enumerate(zip(sents, tag_document(sents))):
        if i:
            lines.append("")
        lines.extend(f"{t}\t{y}" for t, y in zip(tokens, tags))
    Path(out_path).write_text("\n".join(lines) + "\n", encoding="utf-8")
