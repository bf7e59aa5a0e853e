"""Input files to RAW rows or reject rows: txt, html/htm, jsonl, and ``.gz`` of each.

Every file ends as exactly one row (a RAW row or a reject), except a JSON Lines file that
decodes to text: then every non-blank line ends as exactly one row, ``<path>#L<n>``.

``raw_sha256`` is the content hash the run ledger keys on:

- txt/html file: sha256 of the file's bytes; for ``.gz`` of the *decompressed* bytes, so the
  same page gzipped or not (or gzipped twice with different mtimes) hashes the same.
- JSON Lines line: sha256 of the line's text encoded as UTF-8, without its line end. For a
  UTF-8 file (all of SaudiNewsNet) that is exactly the line's raw bytes; for a file in
  another encoding it is the same document's hash as if the file had been UTF-8.
- a reject made before the content could be read (oversized, unreadable, bad gzip): the
  hash of whatever bytes were read (the compressed file for a bad ``.gz``), or ``""`` when
  none were (oversized by ``stat``, unreadable); unsupported formats are hashed in chunks.

Metadata fields of a JSON object (url, title, published, outlet, author) are kept when they
are strings (stripped; blank means absent); ints and finite floats become their ``str``
(e.g. an epoch ``published``); booleans, nulls, lists and objects are dropped, except that
``author`` may be a list whose string items are joined with ``"، "``. Nothing in a field is
ever fetched or opened.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import math
import os
import stat
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
from akhbar.schemas.tables import RAW, cast_to
from akhbar.tasks.ingest.decode import (
    Decoded,
    Rejection,
    binary_signature,
    decode_bytes,
    sanitize_text,
)

MiB = 1024 * 1024
# Read and decompress in pieces of this size so a gzip bomb never sits whole in memory.
CHUNK_BYTES = MiB
_FORMATS = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl"}
_META_FIELDS = ("url", "title", "published", "outlet", "author")
REJECT_COLUMNS = ("source_uri", "raw_sha256", "reason", "detail")
REJECTS_SCHEMA = pa.schema([pa.field(c, pa.string(), nullable=False) for c in REJECT_COLUMNS])
AUTHOR_SEPARATOR = "، "  # Arabic comma, as bylines list several names


@dataclass(frozen=True)
class IngestLimits:
    """Size limits; anything past one becomes an ``oversized`` reject, never an exception."""

    # On-disk size, checked with stat before reading. The largest SaudiNewsNet day file is
    # 3.3 MB gzipped / 12.4 MB (12,449,185 bytes) plain; a news HTML page is ~18 KB at the
    # median (HTTP Archive Web Almanac 2024, Page Weight). 64 MiB is 5x the largest real file.
    max_file_bytes: int = 64 * MiB
    # Decompressed size of a .gz, counted while streaming: same reasoning as max_file_bytes.
    max_decompressed_bytes: int = 64 * MiB
    # One JSON Lines line (UTF-8 bytes). SaudiNewsNet's largest is 61,632 bytes (p99 14,718,
    # median 2,496); 4 MiB is 65x that and leaves room for an `html` field holding a whole page.
    max_line_bytes: int = 4 * MiB

    def __post_init__(self) -> None:
        for name in ("max_file_bytes", "max_decompressed_bytes", "max_line_bytes"):
            if getattr(self, name) <= 0:
                raise ValueError(f"IngestLimits.{name} must be positive, got {getattr(self, name)}")


def input_format(name: str) -> tuple[str | None, bool]:
    """Return (format, gzipped) for a file name: 'txt'|'html'|'jsonl' or None, and .gz-ness."""
    lower = name.lower()
    gzipped = lower.endswith(".gz")
    stem = lower[:-3] if gzipped else lower
    return _FORMATS.get(os.path.splitext(stem)[1]), gzipped


def source_uri(path: Path) -> str:
    """The absolute POSIX path of ``path``; undecodable bytes in names shown as ``\\xNN``."""
    absolute = os.path.abspath(path)
    return (
        Path(absolute)
        .as_posix()
        .encode("utf-8", "surrogateescape")
        .decode("utf-8", "backslashreplace")
    )


def read_input(path: Path, limits: IngestLimits = IngestLimits()) -> tuple[list[dict], list[dict]]:
    """Read one input file into (RAW rows, reject rows); never raises for bad input.

    Every file yields exactly one row, except a JSON Lines file that decodes to text, which
    yields one row per non-blank line. Sizes are checked with stat before reading.
    """
    uri = source_uri(path)
    fmt, gzipped = input_format(Path(path).name)
    not_a_file = _not_a_regular_file(path)
    if not_a_file is not None:
        return [], [_reject(uri, "", not_a_file)]
    if fmt is None:
        return [], [_unsupported(path, uri, limits)]
    raw = _read_file(path, limits.max_file_bytes)
    if isinstance(raw, Rejection):
        return [], [_reject(uri, "", raw)]
    data = gunzip_bounded(raw, limits.max_decompressed_bytes) if gzipped else raw
    if isinstance(data, Rejection):
        return [], [_reject(uri, _sha256(raw), data)]
    if fmt == "jsonl":
        return read_jsonl(uri, data, limits)
    decoded = decode_bytes(data)
    if isinstance(decoded, Rejection):
        return [], [_reject(uri, _sha256(data), decoded)]
    return [_raw_row(uri, _sha256(data), fmt, decoded, {})], []


def read_jsonl(uri: str, data: bytes, limits: IngestLimits) -> tuple[list[dict], list[dict]]:
    """Split decoded JSON Lines ``data`` into one RAW or reject row per non-blank line.

    Lines are split on ``\\n`` after decoding (so CRLF, and a lone CR, end a line); line
    numbers are 1-based and physical: a form feed or U+2028 inside a line does not split it.
    A file that does not decode is one file-level reject.
    """
    decoded = decode_bytes(data, line_like_breaks=False)
    if isinstance(decoded, Rejection):
        return [], [_reject(uri, _sha256(data), decoded)]
    rows: list[dict] = []
    rejects: list[dict] = []
    for number, line in enumerate(decoded.text.split("\n"), start=1):
        if not line.strip():
            continue  # blank lines separate nothing in JSON Lines: skipped, not rejected
        row = _line_row(f"{uri}#L{number}", line, decoded.encoding, limits.max_line_bytes)
        (rejects if "reason" in row else rows).append(row)
    return rows, rejects


def _line_row(line_uri: str, line: str, encoding: str, max_line_bytes: int) -> dict:
    """The RAW row or the reject row for one non-blank JSON Lines line."""
    line_bytes = line.encode("utf-8")
    sha = _sha256(line_bytes)
    if len(line_bytes) > max_line_bytes:
        detail = f"line of {len(line_bytes)} bytes > max_line_bytes {max_line_bytes}"
        return _reject(line_uri, sha, Rejection("oversized", detail))
    record = parse_record(line)
    if isinstance(record, Rejection):
        return _reject(line_uri, sha, record)
    fmt, text, meta = record
    return _raw_row(line_uri, sha, fmt, Decoded(text, encoding), meta)


def parse_record(line: str) -> tuple[str, str, dict[str, str | None]] | Rejection:
    """Parse one JSON Lines line into (format, text, metadata), or a reject.

    ``html`` (a non-blank string) wins over ``text``: format 'html' and the HTML as text;
    otherwise format 'json' and ``text``. Rejects: malformed_json, not_an_object, no_text.
    """
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError) as err:  # RecursionError: absurdly deep nesting
        return Rejection("malformed_json", f"{type(err).__name__}: {str(err)[:200]}")
    if not isinstance(obj, dict):
        return Rejection("not_an_object", f"a JSON {_json_type(obj)}, not an object")
    html, text = _body_field(obj.get("html")), _body_field(obj.get("text"))
    if html is None and text is None:
        return Rejection(
            "no_text",
            f"no non-blank string `text` or `html` (keys: {', '.join(sorted(obj))[:200]})",
        )
    meta = {name: _meta_field(obj.get(name), name == "author") for name in _META_FIELDS}
    return ("html", html, meta) if html is not None else ("json", text, meta)


def gunzip_bounded(raw: bytes, limit: int) -> bytes | Rejection:
    """Decompress gzip ``raw`` in chunks, stopping as soon as the output passes ``limit``.

    Returns the decompressed bytes, or a Rejection: ``undecodable`` (not gzip, truncated,
    corrupt) or ``oversized`` (more than ``limit`` bytes once decompressed).
    """
    if not raw.startswith(b"\x1f\x8b"):
        looks_like = binary_signature(raw)
        hint = f" (starts like a {looks_like})" if looks_like else ""
        return Rejection("undecodable", f"named .gz but not a gzip stream{hint}")
    chunks: list[bytes] = []
    total = 0
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as stream:
            while chunk := stream.read(CHUNK_BYTES):  # read(n) inflates at most n bytes
                total += len(chunk)
                if total > limit:
                    return Rejection(
                        "oversized",
                        f"decompresses to more than max_decompressed_bytes {limit}; stopped there",
                    )
                chunks.append(chunk)
    except EOFError as err:
        return Rejection("undecodable", f"truncated gzip stream: {err}")
    except (gzip.BadGzipFile, zlib.error, OSError) as err:
        return Rejection("undecodable", f"corrupt gzip stream: {type(err).__name__}: {err}")
    return b"".join(chunks)


def read_batch(
    paths: Sequence[Path], limits: IngestLimits = IngestLimits()
) -> tuple[pa.Table, pa.Table]:
    """Read every file once into (RAW table cast with ``cast_to(RAW, ...)``, rejects table).

    The rejects table has non-null string columns source_uri, raw_sha256, reason, detail,
    sorted by source_uri; the lead's writer adds ``run_id``.
    """
    raw_rows: list[dict] = []
    reject_rows: list[dict] = []
    for path in dict.fromkeys(Path(p) for p in paths):  # each file once, order kept
        rows, rejects = read_input(path, limits)
        raw_rows.extend(rows)
        reject_rows.extend(rejects)
    raw = pa.table({n: pa.array([r[n] for r in raw_rows], pa.string()) for n in RAW.names})
    rejects = pa.table(
        {c: [r[c] for r in reject_rows] for c in REJECT_COLUMNS}, schema=REJECTS_SCHEMA
    )
    if rejects.num_rows:
        rejects = rejects.sort_by([("source_uri", "ascending")])
    return cast_to(RAW, raw), rejects


def _not_a_regular_file(path: Path) -> Rejection | None:
    """An ``unreadable`` rejection unless ``path`` is a regular file we can stat."""
    try:
        mode = os.stat(path).st_mode
    except OSError as err:
        return Rejection("unreadable", f"{type(err).__name__}: {err.strerror or err}")
    if stat.S_ISREG(mode):
        return None
    # discover_inputs hands on folders it could not list, so that they are not lost silently.
    return Rejection(
        "unreadable",
        "a folder (could not be listed)" if stat.S_ISDIR(mode) else "not a regular file",
    )


def _read_file(path: Path, max_bytes: int) -> bytes | Rejection:
    """The bytes of regular file ``path``, after a stat size check; OS errors -> unreadable."""
    try:
        info = os.stat(path)
        if info.st_size > max_bytes:
            return Rejection(
                "oversized", f"{info.st_size} bytes on disk > max_file_bytes {max_bytes}; not read"
            )
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)  # +1: a file that grew since stat is caught too
    except OSError as err:
        return Rejection("unreadable", f"{type(err).__name__}: {err.strerror or err}")
    if len(raw) > max_bytes:
        return Rejection("oversized", f"grew past max_file_bytes {max_bytes} while being read")
    if not raw:
        return Rejection("empty", "0 bytes")
    return raw


def _unsupported(path: Path, uri: str, limits: IngestLimits) -> dict:
    """The reject row for a file whose extension no reader handles (hashed in chunks)."""
    sha = ""
    try:
        if os.stat(path).st_size <= limits.max_file_bytes:
            digest = hashlib.sha256()
            with open(path, "rb") as handle:
                while block := handle.read(CHUNK_BYTES):
                    digest.update(block)
            sha = digest.hexdigest()
    except OSError:
        pass  # the format is the reason that matters; no hash when it cannot be read
    suffix = "".join(Path(path).suffixes[-2:]) or "(none)"
    return _reject(
        uri,
        sha,
        Rejection(
            "unsupported_format",
            f"extension {suffix}; readers: .txt .html .htm .jsonl .ndjson, optionally .gz",
        ),
    )


def _body_field(value: object) -> str | None:
    """A `text`/`html` value as sanitised text, or None unless it is a non-blank string."""
    if not isinstance(value, str):
        return None
    text = sanitize_text(value)
    return text if text.strip() else None


def _meta_field(value: object, is_author: bool) -> str | None:
    """A metadata value as a stripped string, or None (see the module docstring)."""
    if isinstance(value, str):
        return sanitize_text(value).strip() or None
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int) or (isinstance(value, float) and math.isfinite(value)):
        return str(value)
    if is_author and isinstance(value, list):
        names = [n for v in value if isinstance(v, str) and (n := sanitize_text(v).strip())]
        return AUTHOR_SEPARATOR.join(names) or None
    return None


def _json_type(value: object) -> str:
    names = {
        list: "array",
        str: "string",
        bool: "boolean",
        type(None): "null",
        int: "number",
        float: "number",
    }
    return names.get(type(value), type(value).__name__)


def _raw_row(uri: str, sha: str, fmt: str, decoded: Decoded, meta: dict[str, str | None]) -> dict:
    row = {
        "source_uri": uri,
        "raw_sha256": sha,
        "format": fmt,
        "encoding": decoded.encoding,
        "text": decoded.text,
    }
    row.update({name: meta.get(name) for name in _META_FIELDS})
    return row


def _reject(uri: str, sha: str, rejection: Rejection) -> dict:
    return {
        "source_uri": uri,
        "raw_sha256": sha,
        "reason": rejection.reason,
        "detail": rejection.detail,
    }


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
