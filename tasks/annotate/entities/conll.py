"""``akhbar tag-conll``: tag a CoNLL file with the entity recogniser, token for token."""

from __future__ import annotations

from pathlib import Path

from akhbar.tasks.annotate.entities.recognize import recognize


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


def tag_sentence(tokens: list[str]) -> list[str]:
    """BIO tags (B-/I-PER, ORG, LOC, O) of one tokenised sentence; the whole token is tagged."""
    tags = ["O"] * len(tokens)
    for c in recognize(tokens, frozenset()):
        tags[c.first] = "B-" + c.entity_type
        for i in range(c.first + 1, c.last):
            tags[i] = "I-" + c.entity_type
    return tags


def tag_conll(in_path: str | Path, out_path: str | Path) -> None:
    """Write ``token<TAB>BIO-tag`` lines for the tokens of ``in_path``, blank lines preserved."""
    sents = read_sentences(Path(in_path).read_text(encoding="utf-8-sig"))
    lines: list[str] = []
    for i, tokens in enumerate(sents):
        if i:
            lines.append("")
        lines.extend(f"{t}\t{y}" for t, y in zip(tokens, tag_sentence(tokens) if tokens else []))
    Path(out_path).write_text("\n".join(lines) + "\n", encoding="utf-8")
