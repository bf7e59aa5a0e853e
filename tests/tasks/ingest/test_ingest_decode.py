"""decode_bytes: each encoding seen in Arabic web data; the empty/binary/undecodable rejects."""

from __future__ import annotations

import codecs
import gzip
import json
import os
import random
import re
from pathlib import Path

import charset_normalizer
import pytest
from akhbar.tasks.ingest.decode import Decoded, Rejection, decode_bytes, sanitize_text
from hypothesis import given, settings
from hypothesis import strategies as st

# Real Arabic news prose (Dec 2021 wire copy on the Biden-Putin call, from samples/), with
# Arabic comma, curly quotes and digits: all encodable in Windows-1256 and UTF-16.
ARABIC_PARAGRAPH = (
    "سيتحدث جو بايدن يوم الخميس مع فلاديمير بوتين فيما يتعلق بزيادة الرئيس الروسي "
    "للمطالب الأمنية في شرق أوروبا.\n"
    "وقالت المتحدثة باسم مجلس الأمن القومي الأمريكي إميلي هورن في بيان أعلن فيه أن "
    "الزعيمين سيناقشان مجموعة من الموضوعات، بما في ذلك “المشاركات الدبلوماسية المقبلة "
    "في روسيا”. نما حشد القوات الروسية بالقرب من الحدود الأوكرانية إلى ما يقدر بنحو 100000."
)
ARABIC_TITLE = "بوتين يسعى للحصول على ضمانات أمنية من الناتو"
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _ok(data: bytes) -> Decoded:
    result = decode_bytes(data)
    assert isinstance(result, Decoded), result
    return result


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARABIC_PARAGRAPH.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARABIC_PARAGRAPH.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + ARABIC_PARAGRAPH.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + ARABIC_PARAGRAPH.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + ARABIC_PARAGRAPH.encode("utf-32-le"), "utf-32-le"),
        (ARABIC_PARAGRAPH.encode("utf-16-le"), "utf-16-le"),  # no BOM
        (ARABIC_PARAGRAPH.encode("utf-16-be"), "utf-16-be"),  # no BOM
        (ARABIC_PARAGRAPH.encode("cp1256"), "cp1256"),
        (ARABIC_TITLE.encode("cp1256"), "cp1256"),  # short: a title-only file
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16le-bom",
        "utf16be-bom",
        "utf32le-bom",
        "utf16le",
        "utf16be",
        "cp1256",
        "cp1256-short",
    ],
)
def test_encodings_round_trip(data: bytes, encoding: str) -> None:
    decoded = _ok(data)
    assert decoded.encoding == encoding
    assert decoded.text == ARABIC_PARAGRAPH or decoded.text == ARABIC_TITLE
    assert "\ufeff" not in decoded.text  # the BOM is consumed, not kept as text


def test_cp1256_html_with_mostly_ascii_markup() -> None:
    # Real legacy Arabic pages are mostly ASCII markup around a little Arabic text.
    page = (
        '<html dir="rtl"><head><title>' + ARABIC_TITLE + "</title><script>var menu = "
        '{"items": [1, 2, 3], "open": false};</script></head><body><ul class="nav"><li>'
        '<a href="/">home</a></li></ul><h1>'
        + ARABIC_TITLE
        + "</h1><p>"
        + ARABIC_PARAGRAPH[:120]
        + "</p></body></html>"
    )
    assert _ok(page.encode("cp1256")) == Decoded(page, "cp1256")


def test_cp1256_wins_over_a_non_arabic_guess(monkeypatch: pytest.MonkeyPatch) -> None:
    # charset-normalizer sometimes names cp1252 / mac_* for Arabic bytes: cp1256 must win.
    class WrongGuess:
        encoding = "cp1252"

    class Matches:
        def best(self) -> WrongGuess:
            return WrongGuess()

    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda data: Matches())
    assert _ok(ARABIC_PARAGRAPH.encode("cp1256")) == Decoded(ARABIC_PARAGRAPH, "cp1256")


def test_iso_8859_6_is_trusted_when_detected() -> None:
    text = (
        "قال المتحدث باسم الكرملين يوم الاثنين إن الأمن الخاص بكل من روسيا وحلف شمال الأطلسي "
        "سيكون الموضوع الرئيسي"
    )
    assert _ok(text.encode("iso8859-6")) == Decoded(text, "iso8859-6")


def test_latin1_text_is_not_forced_to_cp1256() -> None:
    text = "Le président a déclaré à la presse que la réunion était très importante. " * 3
    decoded = _ok(text.encode("cp1252"))
    assert decoded.encoding != "cp1256"
    assert "président" in decoded.text


@pytest.mark.parametrize("newline", [b"\r\n", b"\r"])
def test_crlf_and_cr_become_lf(newline: bytes) -> None:
    data = newline.join(line.encode() for line in ARABIC_PARAGRAPH.split("\n"))
    assert _ok(data).text == ARABIC_PARAGRAPH
    utf16 = codecs.BOM_UTF16_LE + ARABIC_PARAGRAPH.replace("\n", newline.decode()).encode(
        "utf-16-le"
    )
    assert _ok(utf16).text == ARABIC_PARAGRAPH


def test_controls_are_removed_and_line_like_ones_become_newlines() -> None:
    assert sanitize_text("أ\x00ب\x0cج\x85د\u2028ه\x1bو\x7fز\x9fح\tط") == "أب\nج\nد\nهوزح\tط"
    # A stray NUL far into an otherwise clean UTF-8 file: past the sniffed head, so removed.
    data = ("س" * 5000).encode() + b"\x00" + "ص".encode()
    assert _ok(data).text == "س" * 5000 + "ص"


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n\t\r\n ",
        codecs.BOM_UTF8,
        codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"),
        b"\x0c\x0b\n",
    ],
)
def test_empty(data: bytes) -> None:
    result = decode_bytes(data)
    assert isinstance(result, Rejection) and result.reason == "empty"


@pytest.mark.parametrize(
    "magic",
    [
        b"\x89PNG\r\n\x1a\n",
        b"\xff\xd8\xff\xe0",
        b"GIF89a",
        b"%PDF-1.7\n",
        b"PK\x03\x04",
        b"\x1f\x8b\x08",
        b"RIFF\x00\x00\x00\x00WEBP",
    ],
    ids=["png", "jpeg", "gif", "pdf", "zip", "gzip", "webp"],
)
def test_binary_signatures(magic: bytes) -> None:
    result = decode_bytes(magic + b"some ascii that would otherwise decode fine")
    assert isinstance(result, Rejection) and result.reason == "binary"
    assert "signature" in result.detail


def test_random_bytes_are_binary() -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(4096))
    result = decode_bytes(data)
    assert isinstance(result, Rejection) and result.reason == "binary"


def test_plain_ascii_with_nuls_is_binary_not_text() -> None:
    result = decode_bytes(b"abc\x00\x00\x00def\x00\x01\x02")
    assert isinstance(result, Rejection) and result.reason == "binary"


def test_damaged_utf8_is_kept_and_labelled_lossy() -> None:
    # One stray byte between two characters, as a bad copy-paste or a cut multi-part dump leaves.
    data = ARABIC_PARAGRAPH[:50].encode() + b"\xff" + ARABIC_PARAGRAPH[50:].encode()
    decoded = _ok(data)
    assert decoded.encoding == "utf-8-lossy"
    assert decoded.text.count("\ufffd") == 1


def test_bom_with_invalid_body_is_undecodable() -> None:
    result = decode_bytes(codecs.BOM_UTF8 + "ابت".encode("cp1256") + b"\xff\xfe")
    assert isinstance(result, Rejection) and result.reason == "undecodable"
    assert "utf-8-sig" in result.detail


def test_no_encoding_fits_is_undecodable(monkeypatch: pytest.MonkeyPatch) -> None:
    class NoMatch:
        def best(self) -> None:
            return None

    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda data: NoMatch())
    result = decode_bytes("Éé àç ôû ëï".encode("cp1252"))  # not Arabic under cp1256 either
    assert isinstance(result, Rejection) and result.reason == "undecodable"


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_give_clean_text_or_a_known_reason(data: bytes) -> None:
    result = decode_bytes(data)
    if isinstance(result, Rejection):
        assert result.reason in {"empty", "binary", "undecodable"} and result.detail
    else:
        assert result.text.strip() and not _FORBIDDEN.search(result.text)
        assert "\r" not in result.text and result.encoding


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1))
def test_any_utf8_text_without_controls_decodes_as_utf8(text: str) -> None:
    # With NULs or C0 controls, bytes may legitimately read as BOM-less UTF-16 or binary.
    result = decode_bytes(text.encode("utf-8"))
    if not text.strip():
        assert isinstance(result, Rejection) and result.reason == "empty"
    else:
        assert result == Decoded(sanitize_text(text), "utf-8")


def test_os_urandom_never_raises() -> None:
    for size in (1, 2, 3, 64, 1000):
        assert isinstance(decode_bytes(os.urandom(size)), (Decoded, Rejection))


def test_iso_8859_6_wins_when_its_letters_read_better(monkeypatch: pytest.MonkeyPatch) -> None:
    # Whatever charset-normalizer says, the code page giving Arabic letters (not diacritics or
    # Latin accents) is chosen: here ISO-8859-6 bytes mislabelled as cp1256.
    class Guess:
        encoding = "cp1256"

    class Matches:
        def best(self) -> Guess:
            return Guess()

    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda data: Matches())
    assert _ok(ARABIC_TITLE.encode("iso8859-6")) == Decoded(ARABIC_TITLE, "iso8859-6")
    assert _ok(ARABIC_TITLE.encode("cp1256")) == Decoded(ARABIC_TITLE, "cp1256")


def test_spanish_cp1252_is_not_taken_for_cp1256() -> None:
    # Spanish is the closest Latin case: á and í are ل and ي in cp1256.
    text = (
        "La compañía anunció que el público podrá visitar el edificio histórico en diciembre. " * 2
    )
    decoded = _ok(text.encode("cp1252"))
    assert decoded.encoding != "cp1256" and "público podrá" in decoded.text


_CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpora" / "saudinewsnet"


@pytest.mark.skipif(not _CORPUS.is_dir(), reason="SaudiNewsNet corpus not beside the repo")
def test_real_articles_round_trip_through_cp1256_and_utf16() -> None:
    with gzip.open(sorted(_CORPUS.glob("*.jsonl.gz"))[-1]) as day:
        articles = [json.loads(line) for _, line in zip(range(150), day, strict=False)]
    texts = [t for a in articles for t in (a["title"], a["text"]) if t and t.strip()]
    tried = 0
    for text in texts:
        for codec in ("cp1256", "utf-16-le"):
            try:
                data = text.encode(codec)
            except UnicodeEncodeError:
                continue  # a character cp1256 has no byte for
            tried += 1
            assert decode_bytes(data) == Decoded(sanitize_text(text), codec), text[:80]
    assert tried > 400


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (
            "Suomen tasavalta on Pohjois-Euroopassa sijaitseva valtio. Pääkaupunki Helsinki.",
            "cp1252",
        ),
        ("Česká republika je vnitrozemský stát ve střední Evropě. Hlavní město Praha.", "cp1250"),
        (
            "România este un stat situat în sud-estul Europei Centrale. Capitala Bucureşti, ţara.",
            "cp1250",
        ),
    ],
    ids=["finnish", "czech", "czech-2"],
)
def test_latin_whose_accents_land_on_arabic_letters_is_not_cp1256(text: str, codec: str) -> None:
    # Read as cp1256, these accented letters become Arabic letters (more than MIN_CP1256_ARABIC
    # of the non-ASCII characters) glued inside Latin words: the glue test rejects them.
    decoded = _ok(text.encode(codec))
    assert decoded.encoding != "cp1256"


def test_headline_of_quoted_single_letters_is_cp1256() -> None:
    text = "«ش» «و» «ك»!"  # a real SaudiNewsNet headline; charset-normalizer says utf-16-be
    assert _ok(text.encode("cp1256")) == Decoded(text, "cp1256")
