"""Dedup parameters: one frozen dataclass with an explicit seed.

Every default was chosen by a measurement on SaudiNewsNet (31,030 articles, 14 Saudi papers,
July-August 2015) made with ``benchmarks/dedup_saudinewsnet.py``; the figures are in
``benchmarks/DEDUP.md``. Changing ``num_perm``, ``seed`` or ``shingle_size`` invalidates a
persisted index (signatures are no longer comparable); ``dedup_batch`` checks the signature
width and :func:`DedupConfig.fingerprint` lets the warehouse detect the rest.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class DedupConfig:
    """MinHash-LSH and grouping parameters (see DEDUP.md for the sweep behind each default).

    Figures below come from a window of 3,942 SaudiNewsNet articles (1-3 Aug 2015) where the
    exact Jaccard of *all* pairs was computed, and from runs on all 31,030 articles.

    Attributes:
        num_perm: MinHash permutations. Mean absolute error of the estimate vs exact Jaccard
            on true pairs (J >= 0.2): 0.043 with 64, 0.031 with 128, 0.021 with 256; signature
            CPU time 0.58 / 0.82 / 1.34 s for the window, and the index stores 4 bytes per
            permutation per canonical, so 128 is the knee.
        bands: LSH bands; rows_per_band: values per band. Recall of exact pairs with J >= 0.5
            as LSH candidates: 16x8 0.65, 20x6 0.85, 32x4 0.987, 42x3 1.000 (J >= 0.3: 0.81
            for 32x4, 0.96 for 42x3). On all 31k articles 42x3 flagged 33 more near duplicates
            than 32x4 for 5% more CPU (17.6 s vs 16.7 s), hence 42x3 (126 of the 128 values;
            S-curve midpoint (1/42)^(1/3) = 0.29, well below the threshold).
        shingle_size: words per shingle. 5, as in datatrove's MinHash dedup: shorter
            shingles raise every pair's Jaccard (pairs >= 0.6 in the window: 927 with 3 words,
            695 with 5, 601 with 7), so 3 admits more pairs that share only house phrases and
            7 lowers lightly edited copies; there is no sharp optimum, 5 sits between.
        threshold: minimum estimated Jaccard to a group's canonical to be a near duplicate.
            Reading pairs by exact-Jaccard bin (78 pairs): same story in 7/14 at [0.2, 0.3),
            17/20 at [0.3, 0.4), 13/14 at [0.4, 0.5), 30/30 at >= 0.5. Below 0.5 the errors
            are template announcements (royal phone calls and telegrams to different heads of
            state). Flagged near pairs read at 0.5: 23/26 correct (DEDUP.md).
        seed: fixes the word hash and the permutation coefficients (reproducible everywhere).
        keep_digits: keep numbers as tokens (ASCII-folded). Two copies of a story differing
            only in a casualty figure stay near duplicates but are not exact duplicates.
        max_bucket_heads: each member of an LSH bucket is compared with at most this many of
            the bucket's earliest members (in canonical-priority order), so that a bucket of
            thousands of boilerplate-only texts costs O(n * max_bucket_heads), not O(n^2).
            The largest near-duplicate group on SaudiNewsNet has 14 members, so 64 never cuts
            a real group there.
    """

    num_perm: int = 128
    bands: int = 42
    rows_per_band: int = 3
    shingle_size: int = 5
    threshold: float = 0.5
    seed: int = 20150721
    keep_digits: bool = True
    max_bucket_heads: int = 64

    def __post_init__(self) -> None:
        if self.bands * self.rows_per_band > self.num_perm:
            raise ValueError("bands * rows_per_band must not exceed num_perm")
        if self.shingle_size < 1 or self.num_perm < 1 or not 0.0 < self.threshold <= 1.0:
            raise ValueError("invalid DedupConfig")

    def fingerprint(self) -> str:
        """Short stable hash of the fields that make signatures and band keys comparable."""
        fields = asdict(self)
        keyed = {
            k: fields[k]
            for k in ("num_perm", "bands", "rows_per_band", "shingle_size", "seed", "keep_digits")
        }
        return hashlib.blake2b(repr(sorted(keyed.items())).encode(), digest_size=8).hexdigest()
