"""Fast decoding of the shipped crfsuite model in numpy: same labels, same marginals.

python-crfsuite spends most of its time turning ~30 feature strings per token into attribute
ids (benchmarks/entities/RESULTS.md: ~4 us per token, plus ~10 us of Python to build the
strings). News vocabulary is Zipfian, so this decoder sums the weights of a word's own
features, and of the features it lends to each neighbour, once per distinct word form per
process; per token only the few sentence-dependent features (bigram, gazetteer, institution
shape, BOS) are looked up, the gazetteer and institution ones by one scan over the whole batch
(sentences joined with GAP tokens). Viterbi then runs on all sentences of a batch at once,
forward-backward on those with a name (only names need a marginal). Document evidence (v5,
``features.document_codes``) is one small code per token, computed for the whole call at once
from cues kept beside each form's row, whose features' summed weights sit in a 48-row table.
The weights come from the model itself (``Tagger.info``), so the model file stays the single source of truth; a unit
test checks labels against crfsuite's.
"""

from __future__ import annotations

from itertools import chain, repeat

import numpy as np
import pycrfsuite

from akhbar.tasks.annotate.entities.features import (
    CONTEXT_OFFSETS,
    N_CODES,
    _word_features,
    code_features,
    cues_of,
    document_codes,
    lent_features,
)
from akhbar.tasks.annotate.entities.patterns import institution_spans
from akhbar.tasks.annotate.entities.phrases import GAP, find_phrases, type_index

# Batch shape: sentences sorted by length, 256 at a time, bound the padding waste and let
# numpy's per-step overhead of Viterbi/forward-backward spread over many sentences.
BATCH_SENTENCES = 256
CHUNK_TOKENS = 20_000  # tokens decoded together; far below TABLE_WORDS
# Distinct word forms kept (150k x 5 x 9 float64 = 54 MB, allocated once): the first 2000
# SaudiNewsNet articles have ~92k, each further 2000 ~30-40k new ones. When full, the KEEP_WORDS most used forms stay (their rows are moved,
# not recomputed): a worker annotating part after part then computes mostly rare forms
# (v3 emptied the whole table; speed.py --parts 5 in benchmarks/entities/SPEED.md). A form's row does not
# depend on what else is in the table, so eviction never changes the output.
TABLE_WORDS = 150_000
KEEP_WORDS = 75_000
PAD = 2  # zero-weight word slots around each sentence: the ±2 window never crosses sentences


class Decoder:
    """A linear-chain CRF (crfsuite 1st order: state + transition weights, no BOS/EOS)."""

    def __init__(self, path: str) -> None:
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        info = tagger.info()
        self.labels: list[str] = tagger.labels()
        lab = {y: i for i, y in enumerate(self.labels)}
        self.attrs: dict[str, int] = {}
        rows: list[np.ndarray] = [np.zeros(len(lab))]  # row 0: unknown attribute
        for (attr, y), w in info.state_features.items():
            r = self.attrs.get(attr)
            if r is None:
                r = self.attrs[attr] = len(rows)
                rows.append(np.zeros(len(lab)))
            rows[r][lab[y]] = w
        self.weights = np.array(rows)
        self.trans = np.zeros((len(lab), len(lab)))
        for (a, b), w in info.transitions.items():
            self.trans[lab[a], lab[b]] = w
        self.exp_trans = np.exp(self.trans)
        # summed weights of each document-evidence code's features (features.code_features)
        self.code_weights = np.array([
            self.weights[[self.attrs.get(f, 0) for f in code_features(c)]].sum(0) for c in range(N_CODES)
        ])
        self.o_label = lab.get("O", -1)
        self._reset()

    def _reset(self) -> None:
        # Per word form: slot 0 its own features' weights, slots 1-4 what it lends to the
        # neighbour at each offset of CONTEXT_OFFSETS. Row 0 is the zero padding word.
        self._ids: dict[str, int] = {}
        self._keys: list[str] = [""]
        self._forms: list[str] = [""]  # the word form of each row
        self._table = np.zeros((TABLE_WORDS + 1, 1 + len(CONTEXT_OFFSETS), len(self.labels)))
        self._hits = np.zeros(TABLE_WORDS + 1, dtype=np.int64)  # tokens seen per row (halved at each eviction)
        self._evictions = 0  # _make_room calls so far
        self._ensured = -1  # the value of _evictions when _ensure_rows last ran
        # per row, the form's document-evidence cues (features.cues_of): its stem (as an id of
        # _stem_ids, -1 for none) and its cue bits; _stems keeps the strings for evictions
        self._stems: list[str | None] = [None]
        self._stem_ids: dict[str, int] = {}
        self._row_stem = np.full(TABLE_WORDS + 1, -1, dtype=np.intp)
        self._row_bits = np.zeros(TABLE_WORDS + 1, dtype=np.intp)

    def _make_room(self, needed: int) -> None:
        """Keep only the KEEP_WORDS most used forms, and room for ``needed`` new ones."""
        used, size = len(self._keys), len(self._hits)
        if needed >= size:  # one sentence with more new forms than the table (never seen): grow
            self._table = np.resize(self._table, (needed + 1, *self._table.shape[1:]))
            self._hits = np.resize(self._hits, needed + 1)
            self._row_stem = np.resize(self._row_stem, needed + 1)
            self._row_bits = np.resize(self._row_bits, needed + 1)
            size = needed + 1
        self._evictions += 1
        hits = self._hits[:used].copy()
        hits[0] = hits.max() + 1  # the padding row stays row 0
        keep = np.sort(np.argsort(-hits, kind="stable")[: max(1, min(KEEP_WORDS + 1, size - needed))])
        self._table[: keep.size] = self._table[keep]
        self._hits[: keep.size] = self._hits[keep] // 2
        self._hits[keep.size :] = 0
        self._keys = [self._keys[i] for i in keep.tolist()]
        self._forms = [self._forms[i] for i in keep.tolist()]
        self._stems = [self._stems[i] for i in keep.tolist()]
        self._row_bits[: keep.size] = self._row_bits[keep]
        self._stem_ids = {}  # renumbered over the kept rows, so the id table stays bounded
        self._row_stem[: keep.size] = [self._stem_id(t) for t in self._stems]
        self._ids = {form: i for i, form in enumerate(self._forms) if i}

    def _add_words(self, tokens: list[str]) -> None:
        """Give new word forms an id and fill their table rows (vectorised over all of them)."""
        first, width = len(self._keys), self._table.shape[1]
        attrs: list[str] = []
        lens: list[int] = []  # attributes per table slot, slots in table order
        stems: list[int] = []
        cue_bits: list[int] = []
        for n, token in enumerate(tokens):
            self._ids[token] = first + n
            self._forms.append(token)
            feats = _word_features(token)
            self._keys.append(feats[1] if feats[0] == "punct" else feats[0])
            stem, bits = cues_of(feats)
            self._stems.append(stem)
            stems.append(self._stem_id(stem))
            cue_bits.append(bits)
            attrs += feats
            lens.append(len(feats))
            for d in CONTEXT_OFFSETS:
                lent = lent_features(feats, d)
                attrs += lent
                lens.append(len(lent))
        self._row_stem[first : first + len(tokens)] = stems
        self._row_bits[first : first + len(tokens)] = cue_bits
        # Attribute ids in one C-level pass (0: not in the model, dropped).
        rows = np.fromiter(map(self.attrs.get, attrs, repeat(0)), dtype=np.intp, count=len(attrs))
        slot = np.repeat(np.arange(len(lens)), lens)
        keep = rows > 0
        slot, rows = slot[keep], rows[keep]
        block = self._table[first : first + len(tokens)].reshape(len(lens), -1)  # a view
        for y in range(block.shape[1]):
            # bincount adds in input (= feature) order from 0: the same float sums as
            # adding the weights one by one, one label column at a time (bounded memory)
            block[:, y] = np.bincount(slot, weights=self.weights[rows, y], minlength=len(lens))

    def _ensure_rows(self, sentences: list[list[str]]) -> None:
        """Give every word form of ``sentences`` a table row (computing the new ones)."""
        forms = dict.fromkeys(chain.from_iterable(sentences))
        new = [t for t in forms if t not in self._ids]
        if len(self._keys) + len(new) >= len(self._hits):
            # room for every form of the batch: eviction may drop forms the batch uses
            self._make_room(len(forms))
            new = [t for t in forms if t not in self._ids]
        if new:
            self._add_words(new)
        self._ensured = self._evictions

    def _emissions(self, sentences: list[list[str]]) -> tuple[np.ndarray, list[int]]:
        """State scores of every token (rows in reading order, PAD rows around sentences)."""
        if self._evictions != self._ensured:  # a chunk's eviction may have dropped some
            self._ensure_rows(sentences)
        ids, starts, flat = [0] * PAD, [], [GAP] * PAD
        for tokens in sentences:
            starts.append(len(ids))
            ids.extend(map(self._ids.__getitem__, tokens))
            ids.extend([0] * PAD)
            flat += tokens
            flat += [GAP] * PAD
        ida = np.array(ids)
        self._hits += np.bincount(ida, minlength=self._hits.size)
        table = self._table[ida]
        em = np.zeros((len(ids), table.shape[2]))
        em[PAD:-PAD] = table[PAD:-PAD, 0]
        for k, d in enumerate(CONTEXT_OFFSETS, 1):
            # token i gets what its neighbour i + d lends to offset d
            em[PAD:-PAD] += table[PAD + d : len(ids) - PAD + d, k]
        em += self._bigrams(ids)  # after the table sums: the order crfsuite's tests saw
        pos, rows = self._sparse(flat, starts)
        np.add.at(em, pos, self.weights[rows])
        return em, starts

    def _bigrams(self, ids: list[int]) -> np.ndarray:
        """Emission rows holding the previous-word bigram weights (0 where none applies)."""
        keys = list(map(self._keys.__getitem__, ids))
        found = np.fromiter(map(self.attrs.get, map("-1|0:{}|{}".format, keys, keys[1:]), repeat(0)),
                            dtype=np.intp, count=len(ids) - 1)
        ida = np.array(ids)
        found[(ida[:-1] == 0) | (ida[1:] == 0)] = 0  # no bigram across a sentence boundary
        em = np.zeros((len(ids), self.weights.shape[1]))
        em[1:] = self.weights[found]  # row 0 of the weights is all zeros
        return em

    def _sparse(self, flat: list[str], starts: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """(emission row, weight row) of the BOS, gazetteer and institution-shape features.

        ``flat`` holds the batch's sentences in emission-row order with GAP tokens in the PAD
        rows: one gazetteer and one institution scan per batch, and neither a name nor a
        chain (it stops at a non-letter) crosses a GAP. Each row receives its weights in the order sentence_features
        lists them (BOS, gazetteer tags by position, institution shape), so the float sums
        are those of a per-sentence loop.
        """
        get = self.attrs.get
        pos, rows = list(starts), [get("BOS", 0)] * len(starts)
        for m in find_phrases(flat, type_index()):
            g = "|".join(sorted(set(m.value)))
            for i in range(m.first, m.last):
                tag = ("B-" if i == m.first else "I-") + g
                pos.append(i)
                rows.append(get("gz=" + tag, 0))
                for d in CONTEXT_OFFSETS:
                    if flat[i - d] is not GAP:  # token i - d sees this one at offset d (PAD >= |d|)
                        pos.append(i - d)
                        rows.append(get(f"{d}:gz={tag}", 0))
        for a, b in institution_spans(flat):
            pos += range(a, b)
            rows += [get("inst=B", 0)] + [get("inst=I", 0)] * (b - a - 1)
        return np.array(pos, dtype=np.intp), np.array(rows, dtype=np.intp)

    def _stem_id(self, stem: str | None) -> int:
        return -1 if stem is None else self._stem_ids.setdefault(stem, len(self._stem_ids))

    def _row_cues(self, tokens: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """(stem ids, cue bits) of each token, read from the table rows (``_ensure_rows``)."""
        rows = np.fromiter(map(self._ids.__getitem__, tokens), dtype=np.intp, count=len(tokens))
        return self._row_stem[rows], self._row_bits[rows]

    def tag(
        self, sentences: list[list[str]], docs: list[int] | None = None
    ) -> list[tuple[list[str], list[float]]]:
        """(labels, marginal probability of each label; 1.0 for O) per sentence.

        Pass many sentences at once (all of an article, or of many articles): they are decoded
        in batches of similar length, and a sentence's result does not depend on its batch.
        ``docs[i]``: the document (article) of sentence i, for the document-evidence features;
        without it each sentence is its own document.
        """
        if docs is None:
            docs = range(len(sentences))
        # every form of the call gets its row first (one feature pass per new form), so the
        # document evidence reads its cues from the rows; the chunks below find them there
        self._ensure_rows(sentences)
        codes = document_codes(sentences, list(docs), self._row_cues)
        return self._tag_all(sentences, codes)

    def _tag_all(self, sentences: list[list[str]], codes: list) -> list[tuple[list[str], list[float]]]:
        out: list[tuple[list[str], list[float]]] = [([], [])] * len(sentences)
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        chunk: list[int] = []
        size = 0
        for i in order:
            chunk.append(i)
            size += len(sentences[i])
            if len(chunk) == BATCH_SENTENCES or size >= CHUNK_TOKENS or i == order[-1]:
                for j, res in zip(chunk, self._tag([sentences[j] for j in chunk], [codes[j] for j in chunk])):
                    out[j] = res
                chunk, size = [], 0
        return out

    def _tag(
        self, sentences: list[list[str]], codes: list[np.ndarray]
    ) -> list[tuple[list[str], list[float]]]:
        em, starts = self._emissions(sentences)
        # document evidence: one summed weight row per code (after the word and sparse rows)
        lens = np.array([len(c) for c in codes])
        shift = np.array(starts) - (np.cumsum(lens) - lens)  # emission row of each sentence's token 0
        em[np.repeat(shift, lens) + np.arange(lens.sum())] += self.code_weights[np.concatenate(codes)]
        lens = np.array([len(s) for s in sentences])
        idx = np.minimum(np.array(starts)[:, None] + np.arange(lens.max())[None, :], len(em) - 1)
        scores = em[idx]  # (sentences, max length, labels); cells past a sentence's end unused
        best = self._viterbi(scores, lens)
        # Only names need a marginal (O gets 1.0): forward-backward runs on the sentences
        # with a non-O label alone (about half of them), cut to their longest length; a
        # sentence's marginals do not depend on its batch or padding (tested).
        named = np.flatnonzero(((best != self.o_label) & (np.arange(best.shape[1]) < lens[:, None])).any(1))
        marg = np.empty((0, 0, 0))
        if named.size:
            width = lens[named].max()
            marg = self._marginals(scores[named, :width], lens[named])
        row = np.full(len(lens), -1)
        row[named] = np.arange(named.size)
        labels, out = self.labels, []
        for s, n in enumerate(lens):
            ys = best[s, :n]
            if row[s] < 0:
                out.append(([labels[y] for y in ys], [1.0] * int(n)))
                continue
            probs = marg[row[s], np.arange(n), ys]
            probs[ys == self.o_label] = 1.0
            out.append(([labels[y] for y in ys], probs.tolist()))
        return out

    def _viterbi(self, scores: np.ndarray, lens: np.ndarray) -> np.ndarray:
        n_sent, n_pos, _ = scores.shape
        back = np.zeros(scores.shape, dtype=np.intp)
        deltas = np.empty(scores.shape)
        delta = deltas[:, 0] = scores[:, 0]
        for t in range(1, n_pos):
            cand = delta[:, :, None] + self.trans[None]  # (sentence, from, to)
            back[:, t] = cand.argmax(1)  # first maximum wins, as in crfsuite
            delta = deltas[:, t] = cand.max(1) + scores[:, t]
        rows = np.arange(n_sent)
        cur = deltas[rows, lens - 1].argmax(1)
        best = np.zeros((n_sent, n_pos), dtype=np.intp)
        for t in range(n_pos - 1, -1, -1):
            best[:, t] = cur
            if t:
                cur = np.where(t <= lens - 1, back[rows, t, cur], cur)
        return best

    def _marginals(self, scores: np.ndarray, lens: np.ndarray) -> np.ndarray:
        """P(label at t | sentence) by scaled forward-backward (scales cancel per position)."""
        n_sent, n_pos, n_lab = scores.shape
        ex = np.exp(scores - scores.max(2, keepdims=True))  # per-position shifts cancel too
        alpha = np.empty(scores.shape)
        a = ex[:, 0]
        alpha[:, 0] = a = a / a.sum(1, keepdims=True)
        for t in range(1, n_pos):
            a = (a[:, :, None] * self.exp_trans).sum(1) * ex[:, t]  # not @: batch-independent sums
            alpha[:, t] = a = a / a.sum(1, keepdims=True)
        beta = np.ones(scores.shape)
        b = np.ones((n_sent, n_lab))
        for t in range(n_pos - 2, -1, -1):
            b = ((ex[:, t + 1] * b)[:, None, :] * self.exp_trans).sum(2)
            b = np.where((t >= lens - 1)[:, None], 1.0, b / b.sum(1, keepdims=True))
            beta[:, t] = b
        m = alpha * beta
        return m / m.sum(2, keepdims=True)
