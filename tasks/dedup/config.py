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

    Attributes:
        num_perm: MinHash permutations. 128 gives a standard error of Jaccard estimates of
            sqrt(J(1-J)/128) <= 0.044; measured mean absolute error vs exact Jaccard on
            SaudiNewsNet candidate pairs: see DEDUP.md.
        bands: LSH bands. With ``rows_per_band`` the S-curve midpoint is
            (1/bands)^(1/rows_per_band) = (1/16)^(1/8) ~ 0.71... for (16, 8); we use (32, 4)
            whose midpoint (1/32)^(1/4) = 0.42 sits well below ``threshold`` so that pairs at
            the threshold are found with probability 1-(1-0.5^4)^32 = 0.87 and pairs at
            J=0.6 with 0.99 (measured candidate recall in DEDUP.md).
        rows_per_band: MinHash values per band (bands * rows_per_band <= num_perm).
        shingle_size: words per shingle. 5-word shingles separate syndicated copies (J mostly
            > 0.6) from same-topic different stories (J < 0.1) on SaudiNewsNet; 3-word shingles
            raise topical overlap (see sweep).
        threshold: minimum estimated Jaccard to a group's canonical to be a near duplicate.
            Chosen from read samples of pairs per similarity bin (DEDUP.md): pairs at
            J >= 0.5 were the same story (an agency dispatch with edits); below it the share of
            merely related stories rises.
        seed: fixes the word hash and the permutation coefficients (reproducible everywhere).
        keep_digits: keep numbers as tokens (ASCII-folded). Two copies of a story differing
            only in a casualty figure stay near duplicates but are not exact duplicates.
        max_bucket_heads: each member of an LSH bucket is compared with at most this many of
            the bucket's earliest members (in canonical-priority order), so that a bucket of
            thousands of boilerplate-only texts costs O(n * max_bucket_heads), not O(n^2).
            The largest true group on SaudiNewsNet has fewer members (DEDUP.md).
    """

    num_perm: int = 128
    bands: int = 32
    rows_per_band: int = 4
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
        keyed = {k: fields[k] for k in ("num_perm", "bands", "rows_per_band", "shingle_size", "seed", "keep_digits")}
        return hashlib.blake2b(repr(sorted(keyed.items())).encode(), digest_size=8).hexdigest()
