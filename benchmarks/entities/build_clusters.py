"""Distributional word clusters from unlabeled SaudiNewsNet text, at three granularities.

Usage: python benchmarks/entities/build_clusters.py [OUT_TSV]
    (default: tasks/annotate/entities/data/clusters.tsv)

A stand-in for Brown clusters (the classic ANERcorp CRF feature; no offline package here):
every word seen MIN_COUNT+ times gets a vector of positive PMI with the CONTEXT most frequent
words at distance 1 and 2 on each side (direction kept: left and right blocks), reduced to
DIM dimensions by truncated SVD and L2-normalised; k-means gives FINE clusters, and k-means
over those centroids (weighted by their sizes) gives the MID and COARSE levels, so the three
ids are nested like Brown-cluster prefixes. Deterministic: fixed corpus order, fixed seeds,
one BLAS/OpenMP thread (set before numpy loads, so sums are always in the same order).
Output: word<TAB>coarse<TAB>mid<TAB>fine, sorted by word.
"""

from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_v] = "1"

import gzip  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
from scipy import sparse  # noqa: E402

from akhbar.tasks.annotate.entities.lexicon import TOKEN_RE  # noqa: E402
from akhbar.tasks.text import final_text, match_key  # noqa: E402

CORPUS = Path("/work/shared/corpora/saudinewsnet")
OUT = Path(__file__).resolve().parents[2] / "tasks" / "annotate" / "entities" / "data" / "clusters.tsv"
MIN_COUNT = 5  # as build_neighbours.py: rarer words' contexts are noise
CONTEXT = 2000  # context words (the most frequent forms)
DIM = 100  # SVD dimensions (a usual size for PPMI-SVD word vectors)
FINE, MID, COARSE = 1000, 200, 50  # cluster counts (Brown-cluster feature sets use ~1000 classes)
SEED = 13


def _corpus() -> list[list[str]]:
    docs = []
    for path in sorted(CORPUS.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            docs += [[match_key(t) for t in TOKEN_RE.findall(final_text(json.loads(line)["text"]))] for line in fh]
    return docs


def cooccurrence(docs: list[list[str]]) -> tuple[list[str], sparse.csr_matrix]:
    """Words (MIN_COUNT+, sorted by frequency then form) and their directional context counts."""
    freq = Counter(k for d in docs for k in d)
    words = [w for w, n in sorted(freq.items(), key=lambda x: (-x[1], x[0])) if n >= MIN_COUNT]
    index = {w: i for i, w in enumerate(words)}
    ids = np.fromiter((index.get(k, -1) for d in docs for k in [*d, "\0"]), dtype=np.int64)
    rows, cols = [], []
    for dist in (1, 2):
        a, b = ids[:-dist], ids[dist:]
        ok = (a >= 0) & (b >= 0)
        a, b = a[ok], b[ok]
        right = b < CONTEXT  # b is a's right context word
        rows.append(a[right]), cols.append(b[right] + CONTEXT)
        left = a < CONTEXT  # a is b's left context word
        rows.append(b[left]), cols.append(a[left])
    r, c = np.concatenate(rows), np.concatenate(cols)
    m = sparse.csr_matrix((np.ones(len(r)), (r, c)), shape=(len(words), 2 * CONTEXT))
    m.sum_duplicates()
    return words, m


def ppmi_svd(m: sparse.csr_matrix) -> np.ndarray:
    """Row-normalised DIM-dimensional SVD vectors of the positive PMI matrix."""
    from sklearn.utils.extmath import randomized_svd

    total = m.sum()
    row = np.asarray(m.sum(1)).ravel()
    col = np.asarray(m.sum(0)).ravel() ** 0.75  # context smoothing (Levy et al. 2015)
    col = col / col.sum()
    m = m.tocoo()
    pmi = np.log(m.data * 1.0 / total) - np.log(row[m.row] / total) - np.log(col[m.col])
    keep = pmi > 0
    p = sparse.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)
    u, s, _ = randomized_svd(p, DIM, n_iter=5, random_state=SEED)
    vec = u * np.sqrt(s)  # symmetric weighting (Levy et al. 2015)
    return vec / np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-12)


def clusters(vec: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Nested (coarse, mid, fine) cluster ids of each vector."""
    from sklearn.cluster import KMeans

    fine_km = KMeans(FINE, n_init=1, max_iter=50, random_state=SEED).fit(vec)
    fine = fine_km.labels_
    sizes = np.bincount(fine, minlength=FINE)
    mid_of = KMeans(MID, n_init=3, random_state=SEED).fit(fine_km.cluster_centers_, sample_weight=sizes).labels_
    coarse_of = KMeans(COARSE, n_init=3, random_state=SEED).fit(fine_km.cluster_centers_, sample_weight=sizes).labels_
    return coarse_of[fine], mid_of[fine], fine


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    t0 = time.time()
    words, m = cooccurrence(_corpus())
    vec = ppmi_svd(m)
    coarse, mid, fine = clusters(vec)
    rows = sorted(f"{w}\t{c}\t{d}\t{f}" for w, c, d, f in zip(words, coarse, mid, fine))
    out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {out} ({time.time() - t0:.0f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
