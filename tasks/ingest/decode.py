"""Bytes to text, or a reason why not: BOMs, UTF-8, BOM-less UTF-16, Windows-1256 and kin.

Order of the checks (each one is cheap and settles most inputs before the next):

1. empty: no bytes, or only ASCII whitespace.
2. a byte-order mark: UTF-8, UTF-32 LE/BE, UTF-16 LE/BE (the BOM is authoritative).
3. a known binary signature (PNG, JPEG, PDF, ZIP, gzip, ...): ``binary``.
4. NUL bytes or many C0 controls in the head: BOM-less UTF-16 if it decodes to plausible
   text, else ``binary``.
5. strict UTF-8 (the fast path: almost every modern page and all of SaudiNewsNet).
6. UTF-8 with a handful of damaged sequences: kept, labelled ``utf-8-lossy``.
7. legacy encodings: charset-normalizer decides, except for Arabic bytes (charset-normalizer
   names an Arabic code page, or the bytes read as Arabic letters under cp1256): those go
   to Windows-1256 or ISO-8859-6, whichever reads as more Arabic letters. charset-normalizer
   alone sometimes says mac_iceland / mac_latin2 / cp1252 for Arabic HTML, or ISO-8859-6 for
   a cp1256 headline (bench.py measures both ways).

Every text that comes out has ``\\n`` line ends and no C0/C1 control characters other than
``\\n`` and ``\\t`` (see ``sanitize_text``). Encoding labels are Python codec names
(``codecs.lookup(label).name``): decoding the bytes after any BOM with the label gives the
text before sanitising (``utf-8-sig`` and ``utf-16-le`` etc. say a BOM was there);
``utf-8-lossy`` means ``data.decode("utf-8", "replace")``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from akhbar.tasks.text import ARABIC_LETTER_RE


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, and the codec it was decoded with."""

    text: str
    encoding: str


@dataclass(frozen=True)
class Rejection:
    """Why bytes did not become text: a reject code (schemas.tables.REJECT_REASONS) and detail."""

    reason: str
    detail: str


# git's binary heuristic looks at the first 8000 bytes (xdiff-interface.c, FIRST_FEW_BYTES).
SNIFF_BYTES = 8000
# Share of C0 control bytes (other than \t \n \v \f \r) in the head above which bytes are
# binary. Uniform random bytes have 28/256 = 10.9% such bytes; the 31,030 SaudiNewsNet
# articles and the five sample pages have none. 5% sits between the two with room each side.
MAX_CONTROL_SHARE = 0.05
# BOM-less UTF-16: share of decoded characters that are plausible text (see _IMPLAUSIBLE_RE).
# Real UTF-16 text scores ~1.0; random bytes decoded as UTF-16 score ~0.05 (2,978 of the
# 63,488 non-surrogate BMP code points are in the plausible ranges).
MIN_UTF16_PLAUSIBLE = 0.95
# BOM-less UTF-16: share of code units whose high byte is in _UTF16_TEXT_HIGH. Arabic news
# prose has ~1.0 (bench.py: 9,930 of 9,931 sampled SaudiNewsNet articles read back; the
# miss quotes Chinese); random bytes 7/256.
MIN_UTF16_HIGH_BYTES = 0.8
# High bytes of UTF-16 code units for Latin-1 (00), Arabic (06), general punctuation (20)
# and Arabic presentation forms (FB-FE: some Arabic sites store shaped glyphs).
_UTF16_TEXT_HIGH = b"\x00\x06\x20\xfb\xfc\xfd\xfe"
# UTF-8 with damage: invalid sequences per non-ASCII byte. Windows-1256 Arabic read as UTF-8
# has >= 0.94 (measured on 200 SaudiNewsNet articles encoded to cp1256); a UTF-8 page with a
# few stray bytes has ~0. Anything at or below 5% is treated as damaged UTF-8.
MAX_UTF8_DAMAGE = 0.05
# cp1256 override (``reads_as_arabic``), two tests on the bytes read as cp1256, measured on
# 5,000 SaudiNewsNet articles encoded to cp1256 and on babel's territory and language names
# in 15 European languages encoded to cp1252 and cp1250 (Latin read as cp1256):
# 1. share of non-ASCII characters that are Arabic letters: Arabic bodies >= 0.61, headlines
#    >= 0.33 (a headline of three quoted single letters); Latin 0.01-0.91 (cs, fi, ro high:
#    their accented letters land on Arabic letters). So this is only a floor.
MIN_CP1256_ARABIC = 0.3
# 2. share of Arabic letters glued to an ASCII letter (``xن``): Arabic <= 0.03 (headlines) and
#    <= 0.003 (bodies); Latin >= 0.99, since an accented letter sits inside a Latin word.
MAX_GLUED_ARABIC = 0.5
# Code pages charset-normalizer may name that are trusted for Arabic bytes as given.
_ARABIC_CODEPAGES = frozenset({"cp1256", "iso8859-6"})
_GLUED_RE = re.compile(
    f"(?<=[A-Za-z]){ARABIC_LETTER_RE.pattern}|{ARABIC_LETTER_RE.pattern}(?=[A-Za-z])"
)

_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Signatures from the WHATWG MIME Sniffing standard (sections 6.1-6.3) and file(1)'s magic.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (also docx/xlsx/epub)"),
    (b"PK\x05\x06", "ZIP archive (empty)"),
    (b"\x1f\x8b", "gzip stream"),
    (b"BZh", "bzip2 stream"),
    (b"\xfd7zXZ\x00", "xz stream"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "zstd stream"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 document (doc/xls)"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
    (b"OggS\x00", "Ogg media"),
    (b"\x1aE\xdf\xa3", "Matroska/WebM media"),
    (b"ID3", "MP3 audio"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"PAR1", "Parquet file"),
)
_RIFF_KINDS = (b"WEBP", b"WAVE", b"AVI ")

_WHITESPACE_CONTROLS = b"\t\n\x0b\x0c\r"
# Bytes that are NOT suspicious; deleting them with bytes.translate leaves the controls.
_NOT_CONTROL = bytes(b for b in range(256) if b >= 0x20 and b != 0x7F or b in _WHITESPACE_CONTROLS)
_ASCII = bytes(range(128))

# Control characters removed from decoded text (C0 but \t \n, DEL, C1); the line-like ones
# (VT, FF, NEL, LINE/PARAGRAPH SEPARATOR) become "\n" instead. A regex scan is ~17x faster
# than str.translate on Arabic text (measured: 0.07 s vs 1.1 s for the 2,972 articles of one
# SaudiNewsNet day), and the usual text has no control character at all.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_LINE_LIKE = frozenset("\x0b\x0c\x85\u2028\u2029")


def _replace_control(match: re.Match[str]) -> str:
    return "\n" if match.group() in _LINE_LIKE else ""


def _keep_line_like(match: re.Match[str]) -> str:
    return match.group() if match.group() in _LINE_LIKE else ""


# Plausible characters for BOM-less UTF-16: tab/newlines, everything from space up to the
# end of Arabic Supplement/Thaana/NKo (U+07FF; no controls), general punctuation, and Arabic
# presentation forms. CJK UTF-16 without a BOM is therefore called binary: not our domain.
_IMPLAUSIBLE_RE = re.compile(
    "[^\t\n\r\u0020-\u007e\u00a0-\u07ff\u2000-\u206f\u20a0-\u20cf\ufb50-\ufdff\ufe70-\ufeff]"
)


def decode_bytes(data: bytes, *, line_like_breaks: bool = True) -> Decoded | Rejection:
    """Decode ``data`` to sanitised text with its codec, or say why it is not text.

    Returns:
        ``Decoded(text, encoding)`` with ``\\n`` line ends and no controls but ``\\n``/``\\t``,
        or ``Rejection(reason, detail)`` with reason ``empty``, ``binary`` or ``undecodable``.
        With ``line_like_breaks=False`` (JSON Lines) VT, FF, NEL and U+2028/9 are kept as they
        are: only LF (and CRLF, CR) end a physical line, and JSON allows raw U+2028 in strings.
    """
    if not data.strip():
        return Rejection("empty", f"{len(data)} bytes, no content" if data else "0 bytes")
    with_bom = _decode_with_bom(data)
    if with_bom is not None:
        return _finish(line_like_breaks, with_bom)
    magic = binary_signature(data)
    if magic:
        return Rejection("binary", f"starts with the signature of a {magic}")
    head = data[:SNIFF_BYTES]
    control_share = len(head.translate(None, _NOT_CONTROL)) / len(head)
    if b"\x00" in head or control_share > MAX_CONTROL_SHARE:
        utf16 = _decode_bomless_utf16(data)
        if utf16 is not None:
            return _finish(line_like_breaks, utf16)
        return Rejection(
            "binary",
            f"NUL bytes or control characters in the first {len(head)} bytes "
            f"(control share {control_share:.1%}, limit {MAX_CONTROL_SHARE:.0%})",
        )
    try:
        return _finish(line_like_breaks, Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    return _finish(line_like_breaks, _decode_damaged_utf8(data) or _decode_legacy(data))


def sanitize_text(text: str, line_like_breaks: bool = True) -> str:
    """Return ``text`` with CRLF/CR/NEL/LS/PS/VT/FF as ``\\n`` and other C0/C1 controls removed.

    With ``line_like_breaks=False`` NEL/LS/PS/VT/FF are left in place (see ``decode_bytes``).
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROL_RE.search(text) is None:  # the usual case: one C-level scan, no copy
        return text
    return _CONTROL_RE.sub(_replace_control if line_like_breaks else _keep_line_like, text)


def binary_signature(data: bytes) -> str | None:
    """Name the binary format whose magic number ``data`` starts with, or None."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    if data[:4] == b"RIFF" and data[8:12] in _RIFF_KINDS:
        return f"RIFF {data[8:12].decode().strip()} file"
    if data[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    return None


def _finish(line_like_breaks: bool, decoded: Decoded | Rejection) -> Decoded | Rejection:
    """Sanitise decoded text; text that is only whitespace afterwards is ``empty``."""
    if isinstance(decoded, Rejection):
        return decoded
    text = sanitize_text(decoded.text, line_like_breaks)
    if not text.strip():
        return Rejection(
            "empty", f"only whitespace or control characters once decoded as {decoded.encoding}"
        )
    return Decoded(text, decoded.encoding)


def _decode_with_bom(data: bytes) -> Decoded | Rejection | None:
    """Decode by the byte-order mark ``data`` starts with; None when there is none."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            label = codec.removesuffix("-sig")
            try:
                return Decoded(body.decode(label), codec)
            except UnicodeDecodeError as err:
                return Rejection(
                    "undecodable",
                    f"{codec} byte-order mark but invalid {label}: "
                    f"{err.reason} at byte {err.start + len(bom)}",
                )
    return None


def _decode_bomless_utf16(data: bytes) -> Decoded | None:
    """Read ``data`` as UTF-16 LE or BE without a BOM when that gives plausible text.

    Two tests must pass: the high byte of most code units is in _UTF16_TEXT_HIGH (Latin-1,
    Arabic and punctuation blocks: what an Arabic page is made of), and the decoded characters
    are plausible text. Random bytes fail the first with probability ~1 - (2/256)^n.
    """
    if len(data) % 2:
        return None
    for codec, high in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if len(high.translate(None, _UTF16_TEXT_HIGH)) > (1 - MIN_UTF16_HIGH_BYTES) * len(high):
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = text[:SNIFF_BYTES]
        if 1 - len(_IMPLAUSIBLE_RE.findall(sample)) / len(sample) >= MIN_UTF16_PLAUSIBLE:
            return Decoded(text, codec)
    return None


def _decode_damaged_utf8(data: bytes) -> Decoded | None:
    """Read ``data`` as UTF-8 with U+FFFD for bad sequences, if it is UTF-8 with few of them."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    non_ascii = len(data.translate(None, _ASCII))
    if bad <= MAX_UTF8_DAMAGE * non_ascii:
        return Decoded(text, "utf-8-lossy")
    return None


def _decode_legacy(data: bytes) -> Decoded | Rejection:
    """Decode non-UTF-8 bytes: charset-normalizer, overridden for Arabic code pages."""
    from charset_normalizer import from_bytes  # lazy: ~50 ms import, rarely needed

    match = from_bytes(data).best()
    label = codecs.lookup(match.encoding).name if match is not None else None
    as_cp1256 = data.decode("cp1256")  # cp1256 maps all 256 byte values
    if label in _ARABIC_CODEPAGES or reads_as_arabic(as_cp1256):
        return _arabic_codepage(data, as_cp1256)
    if match is None:
        return Rejection(
            "undecodable", "not UTF-8, and no single-byte or multi-byte code page fits the bytes"
        )
    return Decoded(str(match), label)


def _arabic_codepage(data: bytes, as_cp1256: str) -> Decoded:
    """Choose Windows-1256 or ISO-8859-6 for Arabic bytes: the one that reads as letters.

    The two code pages disagree on the upper bytes: read as ISO-8859-6, cp1256's yeh (0xED)
    becomes a diacritic; read as cp1256, ISO-8859-6's yeh and waw (0xEA, 0xE8) become ê and
    è. So the right one has the larger share of Arabic letters among non-ASCII characters.
    Ties go to cp1256, by far the more common of the two on the web. (charset-normalizer
    alone mislabels ~1 in 2,000 cp1256 headlines as ISO-8859-6: bench.py.)
    """
    try:
        as_iso = data.decode("iso8859-6")
    except UnicodeDecodeError:  # ISO-8859-6 leaves 0x80-0x9F and many upper bytes unassigned
        return Decoded(as_cp1256, "cp1256")
    if arabic_letter_share(as_iso) > arabic_letter_share(as_cp1256):
        return Decoded(as_iso, "iso8859-6")
    return Decoded(as_cp1256, "cp1256")


def reads_as_arabic(text: str) -> bool:
    """Whether ``text`` (bytes read as cp1256) looks like Arabic rather than mis-read Latin."""
    letters = len(ARABIC_LETTER_RE.findall(text))
    if not letters or arabic_letter_share(text) < MIN_CP1256_ARABIC:
        return False
    return len(_GLUED_RE.findall(text)) <= MAX_GLUED_ARABIC * letters


def arabic_letter_share(text: str) -> float:
    """Share of non-ASCII characters in ``text`` that are Arabic letters (0.0 if none).

    Diacritics and Latin accented letters count against it: see ``_arabic_codepage``.
    """
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if not non_ascii:
        return 0.0
    return len(ARABIC_LETTER_RE.findall(text)) / non_ascii
