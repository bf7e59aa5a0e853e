"""Fuzz: random bytes, random encodings, truncated and malformed HTML and JSON Lines go through
ingest and clean without a crash, and every input (file or non-blank JSONL line) ends in exactly
one of cleaned articles or rejects."""

from __future__ import annotations

import gzip
import json
import re
import tempfile
from pathlib import Path

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from akhbar.tasks.clean import clean_batch
from akhbar.tasks.ingest.readers import IngestLimits, read_batch

ARABIC = "بوتين قال إن روسيا مستعدة للحوار مع حلف شمال الأطلسي في بروكسل يوم الثلاثاء 12 يناير 2022 "
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256", "iso-8859-6", "latin-1"]
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
LIMITS = IngestLimits(max_file_bytes=200_000, max_decompressed_bytes=200_000, max_line_bytes=50_000)

texts = st.one_of(
    st.text(max_size=400),
    st.builds(lambda n, tail: ARABIC * n + tail, st.integers(0, 12), st.text(max_size=50)),
)


@st.composite
def documents(draw) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(["bytes", "txt", "html", "jsonl", "truncated"]))
    text = draw(texts)
    if kind == "bytes":
        return draw(st.sampled_from(["a.txt", "b.html", "c.jsonl", "d.txt.gz"])), draw(st.binary(max_size=600))
    if kind == "txt":
        enc = draw(st.sampled_from(ENCODINGS))
        return "page.txt", text.encode(enc, errors="replace")
    if kind == "html":
        html = f"<html><head><title>{text[:30]}</title></head><body><nav>الرئيسية</nav><p>{text}</p><p>{ARABIC}</p>"
        cut = draw(st.integers(0, len(html)))
        return "page.html", html[:cut].encode("utf-8")
    if kind == "jsonl":
        rows = draw(st.lists(st.one_of(
            st.just(""),
            st.builds(lambda t: json.dumps({"text": t}, ensure_ascii=False), texts),
            st.builds(lambda t: json.dumps({"html": f"<p>{t}</p>", "title": 3, "author": [1, "x"]}, ensure_ascii=False), texts),
            st.builds(lambda v: json.dumps(v), st.one_of(st.integers(), st.lists(st.integers(), max_size=3), st.none())),
            st.text(max_size=40),
        ), max_size=8))
        return "feed.jsonl", "\n".join(rows).encode("utf-8")
    data = (ARABIC * 5 + text).encode("utf-8")
    blob = gzip.compress(data, mtime=0)
    return "cut.txt.gz", blob[: draw(st.integers(0, len(blob)))]


def expected_inputs(paths: list[Path]) -> set[str]:
    out = set()
    for p in paths:
        if p.name.endswith(".jsonl"):
            try:  # the reader's line rule: CRLF and a lone CR end a line too
                lines = p.read_bytes().decode("utf-8").replace("\r\n", "\n").replace("\r", "\n").split("\n")
            except UnicodeDecodeError:
                out.add(f"{p}")
                continue
            # blank = only whitespace or control characters (the reader's rule)
            nonblank = [f"{p}#L{i}" for i, line in enumerate(lines, 1) if CONTROLS.sub("", line).strip()]
            out.update(nonblank or [str(p)])
        else:
            out.add(str(p))
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(documents(), min_size=1, max_size=5))
def test_ingest_and_clean_never_crash_and_lose_nothing(docs):
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, (name, data) in enumerate(docs):
            p = Path(tmp) / f"{i:02d}_{name}"
            p.write_bytes(data)
            paths.append(p.resolve())
        raw, rejects = read_batch(paths, LIMITS)
        cleaned, clean_rejects = clean_batch(pl.from_arrow(raw))
        seen = cleaned["source_uri"].to_list() + pl.from_arrow(rejects)["source_uri"].to_list() + clean_rejects["source_uri"].to_list()
        assert len(seen) == len(set(seen)), "an input ended in two places"
        ingested_uris = set(pl.from_arrow(raw)["source_uri"].to_list())
        assert set(cleaned["source_uri"].to_list()) | set(clean_rejects["source_uri"].to_list()) == ingested_uris
        files = {s.split("#L")[0] for s in seen}
        assert files == {str(p) for p in paths}
        for line_uri in expected_inputs(paths):
            if "#L" in line_uri:
                assert line_uri in seen or line_uri.split("#L")[0] in seen
