"""Fixtures for the clean tests: real SaudiNewsNet articles wrapped in synthetic page chrome.

Each layout renders (title, date string, paragraphs) as a page the way a family of Arabic news
themes does; the tests check that ``clean_batch`` gives back the article text and metadata.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import polars as pl
import pytest

from akhbar.tasks.clean.normalize import normalize_text
from akhbar.tasks.clean.page_dump import is_paragraph

CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpora" / "saudinewsnet"
N_ARTICLES = 20


def pick_articles(n: int = N_ARTICLES) -> list[dict]:
    """``n`` articles from one crawl day whose first and last lines read as prose, chosen by a
    hash of the url (deterministic, not by content)."""
    path = CORPUS / "2015-08-01.jsonl.gz"
    if not path.exists():
        pytest.skip(f"corpus not found: {path}")
    rows = [json.loads(line) for line in gzip.open(path)]
    rows.sort(key=lambda r: hashlib.sha1(r["url"].encode()).hexdigest())
    picked = []
    for r in rows:
        lines = [ln for ln in normalize_text(r["text"]).split("\n") if ln]
        if (r["title"] and len(lines) >= 3 and is_paragraph(lines[0]) and is_paragraph(lines[-1])
                and 80 <= sum(len(ln.split()) for ln in lines) <= 500):
            picked.append({"title": normalize_text(r["title"]), "lines": lines,
                           "body": "\n\n".join(lines), "outlet": r["outlet"]})
        if len(picked) == n:
            break
    return picked


def raw_frame(texts: list[str], fmt: str = "txt") -> pl.DataFrame:
    """RAW-schema frame of page texts (source_uri page_<i>)."""
    return pl.DataFrame([{
        "source_uri": f"page_{i:03d}", "raw_sha256": hashlib.sha256(t.encode()).hexdigest(),
        "format": fmt, "encoding": "utf-8", "text": t, "url": None, "title": None,
        "published": None, "outlet": None, "author": None,
    } for i, t in enumerate(texts)])


@pytest.fixture(scope="session")
def articles() -> list[dict]:
    return pick_articles()


@pytest.fixture(scope="session")
def make_raw():
    """The ``raw_frame`` builder, as a fixture (test folders are not packages)."""
    return raw_frame
