"""read_input / read_batch: formats, gzip, limits, OS errors, JSON Lines line by line."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import tempfile
from pathlib import Path

import pyarrow as pa
import pytest
from akhbar.schemas.tables import RAW, REJECT_REASONS
from akhbar.tasks.ingest import readers
from akhbar.tasks.ingest.readers import IngestLimits, input_format, read_batch, read_input
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ARABIC = (
    "وقالت المتحدثة باسم مجلس الأمن القومي الأمريكي إميلي هورن في بيان أعلن فيه أن الزعيمين "
    "سيناقشان مجموعة من الموضوعات، بما في ذلك “المشاركات الدبلوماسية المقبلة في روسيا”."
)
DEFAULT = IngestLimits()
TINY = IngestLimits(max_file_bytes=4096, max_decompressed_bytes=8192, max_line_bytes=1024)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _one_reject(path: Path, limits: IngestLimits = DEFAULT) -> dict:
    rows, rejects = read_input(path, limits)
    assert rows == [] and len(rejects) == 1, (rows, rejects)
    assert rejects[0]["source_uri"] == path.absolute().as_posix()
    return rejects[0]


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(
    ("name", "fmt", "gz"),
    [
        ("a.txt", "txt", False),
        ("a.HTML", "html", False),
        ("a.htm.gz", "html", True),
        ("a.jsonl.gz", "jsonl", True),
        ("a.ndjson", "jsonl", False),
        ("a.pdf", None, False),
        ("a.gz", None, True),
        ("README", None, False),
        ("a.json", None, False),
    ],
)
def test_input_format(name: str, fmt: str | None, gz: bool) -> None:
    assert input_format(name) == (fmt, gz)


@pytest.mark.parametrize(
    ("name", "fmt"), [("page.txt", "txt"), ("page.html", "html"), ("page.htm", "html")]
)
@pytest.mark.parametrize("gzipped", [False, True])
def test_documents_plain_and_gzipped(tmp_path: Path, name: str, fmt: str, gzipped: bool) -> None:
    content = f"<p>{ARABIC}</p>\r\n".encode("cp1256")
    data = gzip.compress(content, mtime=0) if gzipped else content
    path = _write(tmp_path, name + (".gz" if gzipped else ""), data)
    rows, rejects = read_input(path, IngestLimits())
    assert rejects == []
    assert rows == [
        {
            "source_uri": path.as_posix(),
            "raw_sha256": _sha(content),
            "format": fmt,
            "encoding": "cp1256",
            "text": f"<p>{ARABIC}</p>\n",
            "url": None,
            "title": None,
            "published": None,
            "outlet": None,
            "author": None,
        }
    ]


def test_jsonl_gz_hash_is_of_each_line(tmp_path: Path) -> None:
    line = json.dumps({"text": ARABIC, "title": "عنوان"}, ensure_ascii=False).encode()
    path = _write(tmp_path, "day.jsonl.gz", gzip.compress(line + b"\r\n" + line))
    rows, rejects = read_input(path, IngestLimits())
    assert rejects == [] and [r["source_uri"] for r in rows] == [f"{path}#L1", f"{path}#L2"]
    assert {r["raw_sha256"] for r in rows} == {_sha(line)}
    assert rows[0]["format"] == "json" and rows[0]["text"] == ARABIC and rows[0]["title"] == "عنوان"


def test_jsonl_mix_of_good_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "text": ARABIC,
                "url": "https://example.com/a",
                "published": 1437443492,
                "author": ["أحمد", 7, "سارة"],
                "outlet": {"nested": 1},
            },
            ensure_ascii=False,
        ),  # L1
        "",  # L2 blank: skipped
        '{"text": "unterminated',  # L3
        "[1, 2, 3]",  # L4
        '"just a string"',  # L5
        json.dumps({"title": "no body"}),  # L6
        json.dumps({"text": "   ", "html": ""}),  # L7 blank strings are no text
        json.dumps({"text": 42}),  # L8 non-string text
        json.dumps(
            {"html": "<html><body>" + ARABIC + "</body></html>", "text": "ignored", "title": True},
            ensure_ascii=False,
        ),  # L9
        "   \t ",  # L10 whitespace only: skipped
        "[" * 100_000 + "]" * 100_000,  # L11 absurd nesting
        json.dumps({"text": "نص\u0000مع\r\nتحكم", "author": "  كاتب  "}, ensure_ascii=False),  # L12
    ]
    path = _write(tmp_path, "mix.jsonl", "\n".join(lines).encode())
    rows, rejects = read_input(path, IngestLimits())
    by_line = {r["source_uri"].rsplit("#L", 1)[1]: r for r in rows + rejects}
    assert sorted(by_line, key=int) == ["1", "3", "4", "5", "6", "7", "8", "9", "11", "12"]
    assert {n: by_line[n].get("reason") for n in by_line} == {
        "1": None,
        "3": "malformed_json",
        "4": "not_an_object",
        "5": "not_an_object",
        "6": "no_text",
        "7": "no_text",
        "8": "no_text",
        "9": None,
        "11": "malformed_json",
        "12": None,
    }
    first, html, controls = by_line["1"], by_line["9"], by_line["12"]
    assert (
        first["format"],
        first["url"],
        first["published"],
        first["author"],
        first["outlet"],
    ) == ("json", "https://example.com/a", "1437443492", "أحمد، سارة", None)
    assert html["format"] == "html" and html["text"].startswith("<html>") and html["title"] is None
    assert controls["text"] == "نصمع\nتحكم" and controls["author"] == "كاتب"
    assert by_line["4"]["detail"] == "a JSON array, not an object"
    assert all(r["raw_sha256"] == _sha(lines[int(n) - 1].encode()) for n, r in by_line.items())


def test_jsonl_in_utf16_and_cp1256(tmp_path: Path) -> None:
    text = json.dumps({"text": ARABIC}, ensure_ascii=False) + "\n"
    for encoding, data in [
        ("utf-16-le", b"\xff\xfe" + text.encode("utf-16-le")),
        ("cp1256", text.encode("cp1256")),
    ]:
        rows, rejects = read_input(_write(tmp_path, f"{encoding}.jsonl", data), IngestLimits())
        assert rejects == [] and rows[0]["text"] == ARABIC and rows[0]["encoding"] == encoding


def test_jsonl_oversized_line(tmp_path: Path) -> None:
    small = json.dumps({"text": "قصير"}, ensure_ascii=False)
    big = json.dumps({"text": "ط" * 600}, ensure_ascii=False)  # 1,200+ UTF-8 bytes > 1,024
    rows, rejects = read_input(_write(tmp_path, "x.jsonl", f"{small}\n{big}\n".encode()), TINY)
    assert [r["source_uri"][-3:] for r in rows] == ["#L1"]
    assert [(r["source_uri"][-3:], r["reason"]) for r in rejects] == [("#L2", "oversized")]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"\n\n  \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        (os.urandom(2000) + b"\x00", "binary"),
    ],
)
def test_jsonl_file_that_does_not_decode_is_one_reject(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    assert _one_reject(_write(tmp_path, "bad.jsonl", data))["reason"] == reason


def test_oversized_file_is_rejected_without_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, "big.txt", ARABIC.encode() * 100)

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("an oversized file must not be opened")

    monkeypatch.setattr(readers, "open", no_open, raising=False)
    reject = _one_reject(path, TINY)
    assert (
        reject["reason"] == "oversized"
        and reject["raw_sha256"] == ""
        and "not read" in reject["detail"]
    )


def test_gzip_bomb_stops_at_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = gzip.compress(b"\x00" * (32 * 1024 * 1024), compresslevel=9)  # 32 MiB -> ~32 KB
    path = _write(tmp_path, "bomb.txt.gz", bomb)
    seen: list[int] = []
    real_read = gzip.GzipFile.read

    def spy(self: gzip.GzipFile, size: int = -1) -> bytes:
        assert 0 < size <= readers.CHUNK_BYTES  # never an unbounded read
        chunk = real_read(self, size)
        seen.append(len(chunk))
        return chunk

    monkeypatch.setattr(gzip.GzipFile, "read", spy)
    limits = IngestLimits(
        max_file_bytes=1024 * 1024, max_decompressed_bytes=2 * 1024 * 1024, max_line_bytes=1024
    )
    reject = _one_reject(path, limits)
    assert reject["reason"] == "oversized" and reject["raw_sha256"] == _sha(bomb)
    assert sum(seen) <= limits.max_decompressed_bytes + readers.CHUNK_BYTES  # stopped early


@pytest.mark.parametrize("damage", ["truncated", "not_gzip", "corrupt", "png_named_gz"])
def test_bad_gzip_is_undecodable(tmp_path: Path, damage: str) -> None:
    good = gzip.compress((ARABIC * 50).encode(), mtime=0)
    data = {
        "truncated": good[: len(good) // 2],
        "not_gzip": ARABIC.encode(),
        "corrupt": good[:10] + bytes(b ^ 0xFF for b in good[10:30]) + good[30:],
        "png_named_gz": b"\x89PNG\r\n\x1a\n" + b"\x00" * 20,
    }[damage]
    reject = _one_reject(_write(tmp_path, "x.txt.gz", data))
    assert reject["reason"] == "undecodable" and reject["raw_sha256"] == _sha(data)
    assert {
        "truncated": "truncated",
        "not_gzip": "not a gzip",
        "corrupt": "gzip",
        "png_named_gz": "PNG",
    }[damage] in reject["detail"]


def test_unsupported_extension_is_hashed(tmp_path: Path) -> None:
    path = _write(tmp_path, "report.pdf", b"%PDF-1.7 ...")
    reject = _one_reject(path)
    assert reject["reason"] == "unsupported_format" and reject["raw_sha256"] == _sha(
        b"%PDF-1.7 ..."
    )
    assert ".pdf" in reject["detail"]


def test_vanished_and_denied_files_are_unreadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vanished = _one_reject(tmp_path / "gone.txt")
    assert vanished["reason"] == "unreadable" and "FileNotFoundError" in vanished["detail"]
    path = _write(tmp_path, "locked.txt", ARABIC.encode())

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")  # what chmod 000 gives a non-root user

    monkeypatch.setattr(readers, "open", denied, raising=False)
    reject = _one_reject(path)
    assert reject["reason"] == "unreadable" and "Permission denied" in reject["detail"]
    assert _one_reject(tmp_path)["reason"] == "unreadable"  # a folder is not a file


def test_read_batch_tables(tmp_path: Path) -> None:
    good = _write(tmp_path, "b.txt", ARABIC.encode())
    lines = _write(tmp_path, "a.jsonl", b'{"text": "x"}\nnot json\n')
    bad = _write(tmp_path, "c.bin", b"\x00")
    raw, rejects = read_batch([good, lines, bad, good], IngestLimits())
    assert raw.schema == RAW.schema
    assert raw.column("source_uri").to_pylist() == [f"{lines}#L1", good.as_posix()]
    assert rejects.schema == pa.schema(
        [pa.field(c, pa.string(), False) for c in ("source_uri", "raw_sha256", "reason", "detail")]
    )
    assert rejects.column("source_uri").to_pylist() == [f"{lines}#L2", bad.as_posix()]
    assert read_batch([bad, lines, good], IngestLimits()) == (raw, rejects)  # order-independent
    empty_raw, empty_rejects = read_batch([], IngestLimits())
    assert empty_raw.num_rows == empty_rejects.num_rows == 0 and empty_raw.schema == RAW.schema


_EXTENSIONS = [
    ".txt",
    ".html",
    ".htm",
    ".jsonl",
    ".txt.gz",
    ".html.gz",
    ".jsonl.gz",
    ".gz",
    ".bin",
    "",
]
_JSONISH = st.one_of(
    st.binary(max_size=300),
    st.lists(
        st.one_of(
            st.binary(max_size=60),
            st.just(b'{"text": "\xd9\x86\xd8\xb5"}'),
            st.just(b""),
            st.just(b"[]"),
        ),
        max_size=8,
    ).map(b"\n".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    files=st.lists(
        st.tuples(st.sampled_from(_EXTENSIONS), _JSONISH, st.booleans()), min_size=1, max_size=4
    )
)
def test_every_file_and_line_is_accounted_for_once(files: list[tuple[str, bytes, bool]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for i, (ext, data, compress) in enumerate(files):
            if compress and ext.endswith(".gz"):
                data = gzip.compress(data, mtime=0)
            paths.append(_write(Path(folder), f"f{i}{ext}", data))
        for path in paths:
            rows, rejects = read_input(path, TINY)
            uris = [r["source_uri"] for r in rows + rejects]
            assert len(uris) == len(set(uris)) >= 1
            if uris != [path.as_posix()]:  # else: the whole file is one row
                assert input_format(path.name)[0] == "jsonl"
                assert all(u.startswith(f"{path}#L") for u in uris)
            assert all(r["reason"] in REJECT_REASONS and r["detail"] for r in rejects)
            assert all(r["text"].strip() and "\x00" not in r["text"] for r in rows)
        raw, rej = read_batch(paths, TINY)
        assert raw.num_rows + rej.num_rows == sum(
            len(r) + len(j) for r, j in (read_input(p, TINY) for p in paths)
        )


def test_limits_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_line_bytes"):
        IngestLimits(max_line_bytes=0)


def test_jsonl_line_numbers_are_physical_lines(tmp_path: Path) -> None:
    """A form feed or a raw U+2028 inside a line neither splits it nor shifts later numbers."""
    text = "\x0c\n" + json.dumps({"text": "سطر\u2028ثان"}, ensure_ascii=False) + "\n0\n"
    path = tmp_path / "feed.jsonl"
    path.write_text(text, encoding="utf-8")
    rows, rejects = read_input(path, IngestLimits())
    assert [r["source_uri"].rsplit("#", 1)[1] for r in rows] == ["L2"]
    assert "\u2028" not in rows[0]["text"]
    assert [(r["source_uri"].rsplit("#", 1)[1], r["reason"]) for r in rejects] == [("L3", "not_an_object")]
