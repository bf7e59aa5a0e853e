"""Group a batch of new articles into exact and near duplicates, incrementally.

Contract: ``dedup_batch(new, index, config)`` flags duplicates (it never drops a row) among
the new articles and against everything already published, described by ``index`` (one row
per published article, schema ``INDEX_SCHEMA``). Published rows are immutable: their group,
canonical flag, kind and similarity never change; the caller appends ``new_index_rows``.

Canonical rule. A group that already has a published canonical keeps it. Otherwise the
canonical is the first member in *priority order*: earliest ``published_at`` (nulls last),
then the longest body, then the smallest ``article_id``. Exactly one canonical per group;
``dup_group_id`` is the canonical's ``article_id`` (deterministic, joinable).

Steps:
1. Exact: texts with equal ``normalize`` hash (seeded xxh64). A new text equal to a published
   canonical joins its group (``exact``, 1.0). Among the rest, only the first of each hash
   (its *representative*) goes on; the others follow it (``exact`` if it becomes canonical,
   else ``near`` with its similarity, since their text differs from the canonical's).
2. Near: candidates are pairs sharing an LSH band key (published canonicals and new
   representatives). Representatives are visited in priority order; each joins the most
   similar canonical among its candidates (a candidate that is not a canonical stands for
   its group's canonical) if the estimated Jaccard is >= ``threshold``, else it becomes a
   canonical. Comparing with the canonical, never with any member, prevents chaining drift
   (A~B~C~D merging unrelated A and D): every member is within ``threshold`` of its canonical.
3. Bounded work: in each bucket a member is paired only with the bucket's first
   ``max_bucket_heads`` members in priority order (published canonicals first), so a bucket
   of n near-identical boilerplate texts costs O(n * cap) pairs, not O(n^2). No all-pairs.

A text with no word after normalisation (empty or punctuation only) is always a singleton.
Only canonical rows keep a signature in the index (the only rows ever compared again); band
keys are recomputed from it. Rows of ``new`` whose ``article_id`` is already indexed get
their published assignment back and add no index rows (re-running changes nothing).
"""

from __future__ import annotations

import numpy as np
import polars as pl
import pyarrow as pa

from akhbar.tasks.dedup.config import DedupConfig
from akhbar.tasks.dedup.minhash import (
    band_hashes,
    estimated_jaccard,
    exact_hashes,
    normalize,
    signatures,
)

INDEX_SCHEMA = pa.schema(
    [
        pa.field("article_id", pa.string(), False),
        pa.field("exact_hash", pa.uint64(), False),  # seeded xxh64 of the normalised text
        pa.field("dup_group_id", pa.string(), False),
        pa.field("is_canonical", pa.bool_(), False),
        pa.field("dup_kind", pa.string(), False),
        pa.field("dup_similarity", pa.float32(), False),  # k/num_perm: exact in float32
        pa.field("signature", pa.binary(), True),  # num_perm little-endian uint32; canonicals only
    ]
)
_OLD_CHUNK = 1 << 15  # published canonicals read per pass: 16 MiB of signatures
ASSIGNMENT_SCHEMA = {
    "article_id": pl.String,
    "dup_group_id": pl.String,
    "is_canonical": pl.Boolean,
    "dup_kind": pl.String,
    "dup_similarity": pl.Float64,
}


def empty_index() -> pl.DataFrame:
    """An index with no rows and the ``INDEX_SCHEMA`` columns."""
    return pl.from_arrow(INDEX_SCHEMA.empty_table())


def dedup_batch(
    new: pl.DataFrame, index: pl.DataFrame | None, config: DedupConfig
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Assign every row of ``new`` to a duplicate group; return (assignments, new_index_rows).

    Args:
        new: article_id (unique str), body (str), published_at (datetime, nullable).
        index: the persisted index of published articles (``INDEX_SCHEMA``), None or empty
            on the first run.
        config: the parameters; must be the ones the index was built with.

    Returns:
        assignments: article_id, dup_group_id, is_canonical, dup_kind, dup_similarity, one
        row per row of ``new``, sorted by article_id; new_index_rows: rows to append to the
        index (``INDEX_SCHEMA``), sorted by article_id.
    """
    if new["article_id"].is_duplicated().any():
        raise ValueError("dedup_batch: article_id must be unique within a batch")
    if not set(FINGERPRINT_COLUMNS) <= set(new.columns):
        new = new.join(fingerprints(new, config), on="article_id", how="left")
    index = empty_index() if index is None or index.height == 0 else index
    known = index.join(new.select("article_id"), on="article_id", how="semi")
    fresh = _in_priority_order(
        new.join(known.select("article_id"), on="article_id", how="anti"), config
    )
    rows = _assign(fresh, index.filter(pl.col("is_canonical")), config)
    replay = known.select(list(ASSIGNMENT_SCHEMA)).cast(ASSIGNMENT_SCHEMA)
    assignments = pl.concat([rows.select(list(ASSIGNMENT_SCHEMA)).cast(ASSIGNMENT_SCHEMA), replay])
    new_rows = (
        rows.select(INDEX_SCHEMA.names).cast({"dup_similarity": pl.Float32}).sort("article_id")
    )
    return assignments.sort("article_id"), new_rows


FINGERPRINT_COLUMNS = ("exact_hash", "key_empty", "minhash")


def fingerprints(new: pl.DataFrame, config: DedupConfig) -> pl.DataFrame:
    """What dedup needs of each text, computable in parallel before the sequential grouping:
    article_id, ``exact_hash`` of the normalised text, ``key_empty`` (no word left) and its
    MinHash ``minhash`` (``num_perm`` little-endian uint32, ``EMPTY_MINHASH`` when empty).

    Normalising and hashing is 70% of ``dedup_batch``'s time (profile: 4.5 of 6.2 s for
    5,932 SaudiNewsNet articles); the clean stage's workers compute it on every core.
    """
    keys = [normalize(body or "", config) for body in new["body"].to_list()]
    sig = signatures(keys, config, normalized=True).astype("<u4")
    width = 4 * config.num_perm
    raw = sig.tobytes()
    return pl.DataFrame({
        "article_id": new["article_id"],
        "exact_hash": pl.Series(exact_hashes(keys, config), dtype=pl.UInt64),
        "key_empty": pl.Series([not k for k in keys], dtype=pl.Boolean),
        "minhash": pl.Series([raw[i * width:(i + 1) * width] for i in range(len(keys))], dtype=pl.Binary),
    })


def _in_priority_order(new: pl.DataFrame, config: DedupConfig) -> pl.DataFrame:
    """``new``'s fingerprints and n_chars, sorted by the canonical priority."""
    return (
        new.select(
            "article_id",
            "published_at",
            pl.col("body").fill_null("").str.len_chars().alias("n_chars"),
            *FINGERPRINT_COLUMNS,
        )
        .sort(
            ["published_at", "n_chars", "article_id"],
            descending=[False, True, False],
            nulls_last=True,
        )
        .with_row_index("priority")
    )


def _assign(fresh: pl.DataFrame, canon: pl.DataFrame, config: DedupConfig) -> pl.DataFrame:
    """Exact then near grouping of ``fresh`` (priority order) against published ``canon``."""
    canon = canon.sort("dup_group_id")  # node order of published canonicals: deterministic
    by_text = canon.unique("exact_hash", keep="first", maintain_order=True)
    # Joins do not promise row order: re-sort by priority, on which "first" relies below.
    by_hash = (
        fresh.join(
            by_text.select("exact_hash", pl.col("dup_group_id").alias("old_group")),
            on="exact_hash",
            how="left",
        )
        .with_columns(old_group=pl.when(~pl.col("key_empty")).then("old_group"))
        .sort("priority")
    )
    exact_old = by_hash.filter(pl.col("old_group").is_not_null()).select(
        "article_id",
        "exact_hash",
        dup_group_id="old_group",
        is_canonical=pl.lit(False),
        dup_kind=pl.lit("exact"),
        dup_similarity=pl.lit(1.0),
        signature=pl.lit(None, pl.Binary),
    )
    # A text with no word left after normalisation (empty, punctuation only) is compared with
    # nothing: grouping all of them as one "exact" group would be meaningless.
    rest = by_hash.filter(pl.col("old_group").is_null()).with_columns(
        is_rep=(pl.int_range(pl.len()).over("exact_hash") == 0) | pl.col("key_empty")
    )
    reps = _near_groups(rest.filter("is_rep").sort("priority"), canon, config)
    followers = (
        rest.filter(~pl.col("is_rep"))
        .join(
            reps.filter(~pl.col("key_empty")).select(
                "exact_hash", "dup_group_id", rep_canonical="is_canonical", rep_sim="dup_similarity"
            ),
            on="exact_hash",
        )
        .select(
            "article_id",
            "exact_hash",
            "dup_group_id",
            is_canonical=pl.lit(False),
            dup_kind=pl.when("rep_canonical").then(pl.lit("exact")).otherwise(pl.lit("near")),
            dup_similarity=pl.when("rep_canonical").then(1.0).otherwise("rep_sim"),
            signature=pl.lit(None, pl.Binary),
        )
    )
    return pl.concat([exact_old, reps.drop("key_empty"), followers], how="vertical_relaxed")


def _near_groups(reps: pl.DataFrame, canon: pl.DataFrame, config: DedupConfig) -> pl.DataFrame:
    """Leader clustering of representatives (priority order) against published canonicals."""
    new_sig = _unpack(reps["minhash"], config)
    old_idx, old_sig = _published_candidates(canon["signature"], new_sig, config)
    n_old = len(old_idx)  # nodes 0..n_old-1: published canonicals sharing a band key
    sig = np.vstack([old_sig, new_sig])
    i, j = _candidate_pairs(sig, n_old, config)
    parent, sim = _leaders(sig, i, j, n_old, config.threshold)
    group_of_node = np.concatenate(
        [canon["dup_group_id"].to_numpy()[old_idx], reps["article_id"].to_numpy()]
    )
    is_canon = parent[n_old:] == np.arange(n_old, len(parent))
    packed = [s.astype("<u4").tobytes() if c else None for s, c in zip(new_sig, is_canon)]
    return reps.select("article_id", "exact_hash", "key_empty").with_columns(
        dup_group_id=pl.Series(group_of_node[parent[n_old:]], dtype=pl.String),
        is_canonical=pl.Series(is_canon),
        dup_kind=pl.Series(np.where(is_canon, "none", "near"), dtype=pl.String),
        dup_similarity=pl.Series(sim[n_old:], dtype=pl.Float64),
        signature=pl.Series(packed, dtype=pl.Binary),
    )


def _published_candidates(
    column: pl.Series, new_sig: np.ndarray, config: DedupConfig
) -> tuple[np.ndarray, np.ndarray]:
    """Positions and signatures of the published canonicals sharing a band key with ``new_sig``.

    The index is read in chunks, so memory stays bounded whatever its size; only the
    candidates' signatures are kept. Band keys are seeded by band number, so one set of new
    keys filters all bands (the later join on (band, key) is exact).
    """
    wanted = np.unique(band_hashes(new_sig, config))
    positions, kept = [np.empty(0, dtype=np.int64)], [new_sig[:0]]
    for lo in range(0, column.len(), _OLD_CHUNK):
        sig = _unpack(column.slice(lo, _OLD_CHUNK), config)
        hit = np.isin(band_hashes(sig, config), wanted).any(axis=1)
        positions.append(lo + np.flatnonzero(hit))
        kept.append(sig[hit])
    return np.concatenate(positions), np.vstack(kept)


def _candidate_pairs(
    sig: np.ndarray, n_old: int, config: DedupConfig
) -> tuple[np.ndarray, np.ndarray]:
    """Node pairs (i < j, j new) sharing a band key, each member paired with bucket heads only."""
    buckets = _buckets(sig, config)
    # Only buckets that a new node falls in matter; published-only buckets are skipped.
    touched = buckets.filter(pl.col("node") >= n_old).select("band", "key").unique()
    buckets = buckets.join(touched, on=["band", "key"], how="semi")
    heads = buckets.filter(
        pl.col("node").rank("ordinal").over(["band", "key"]) <= config.max_bucket_heads
    )
    pairs = (
        heads.join(buckets, on=["band", "key"], suffix="_j")
        .filter((pl.col("node") < pl.col("node_j")) & (pl.col("node_j") >= n_old))
        .select(i="node", j="node_j")
        .unique()
        .sort("j", "i")
    )
    return pairs["i"].to_numpy(), pairs["j"].to_numpy()


def _buckets(sig: np.ndarray, config: DedupConfig) -> pl.DataFrame:
    """One row per (node, band) of the non-empty signatures: node, band, key."""
    keys = band_hashes(sig, config)
    nonempty = np.repeat(sig[:, 0] != np.uint32(0xFFFFFFFF), config.bands)
    return pl.DataFrame(
        {
            "node": np.repeat(np.arange(len(sig), dtype=np.int64), config.bands),
            "band": np.tile(np.arange(config.bands, dtype=np.int16), len(sig)),
            "key": keys.ravel(),
        }
    ).filter(pl.Series(nonempty))


def _leaders(
    sig: np.ndarray, i: np.ndarray, j: np.ndarray, n_old: int, threshold: float
) -> tuple[np.ndarray, np.ndarray]:
    """Canonical node of every node (itself if canonical) and its similarity to it.

    Nodes below ``n_old`` are published canonicals. A new node j joins the canonical most
    similar to it among its candidates' canonicals when that similarity is >= ``threshold``
    (ties: the earlier canonical); candidates' similarities are computed in one vectorised
    pass, the few that must be re-targeted at a canonical are computed on the fly.
    """
    parent = np.arange(len(sig))
    sim = np.ones(len(sig), dtype=np.float64)
    pair_sim = _pair_similarity(sig, i, j)
    bounds = np.flatnonzero(np.diff(j, prepend=-1, append=len(sig) + 1))
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        node, best, best_sim = int(j[lo]), -1, threshold
        for cand, s in zip(i[lo:hi].tolist(), pair_sim[lo:hi].tolist()):
            head = int(parent[cand])
            if head != cand:  # a member: compare with its canonical instead (no chaining)
                s = float(estimated_jaccard(sig[head : head + 1], sig[node : node + 1])[0])
            if s > best_sim or (s == best_sim and (best < 0 or head < best)):
                best, best_sim = head, s
        if best >= 0:
            parent[node], sim[node] = best, best_sim
    return parent, sim


def _pair_similarity(sig: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Estimated Jaccard of each pair (i[k], j[k]), gathered in chunks to bound memory."""
    out = np.empty(len(i), dtype=np.float64)
    step = 1 << 14  # 16k pairs x 128 x 4 B x 2 = 16 MiB of gathered signatures
    for lo in range(0, len(i), step):
        out[lo : lo + step] = estimated_jaccard(sig[i[lo : lo + step]], sig[j[lo : lo + step]])
    return out


def _unpack(column: pl.Series, config: DedupConfig) -> np.ndarray:
    """Packed signatures (index rows or ``fingerprints``) as a (n, num_perm) uint32 array."""
    if column.null_count():
        raise ValueError("dedup index: every canonical row needs a signature")
    raw = b"".join(column.to_list())
    if len(raw) != column.len() * 4 * config.num_perm:
        raise ValueError("dedup index: signature width differs from config.num_perm")
    return np.frombuffer(raw, dtype="<u4").reshape(column.len(), config.num_perm).astype(np.uint32)
