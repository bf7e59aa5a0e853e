"""The five shipped sample page dumps through ``clean_batch``: metadata, body edges, no chrome."""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from pathlib import Path

import polars as pl
import pytest

from akhbar.tasks.clean import clean_batch
from akhbar.tasks.text import final_text

SAMPLES = Path(__file__).resolve().parents[3] / "samples"

# Widget text that must not survive in any body.
CHROME = ("profile", "clock", "eye 463", "Slide 01", "تم نسخ عنوان", "التعليقات (0)", "رابط مختصر",
          "اترك تعليق", "لن يتم نشر", "الحقول الإلزامية", "شروط التعليق", "عدم الإساءة",
          "Spread the love", "Vladimir Putin and Joe Biden", "(@FahadShabbir)", "(تستمر)",
          "أفكارك وتعليقاتك", "تواصل معنا", "SHARE:", "نستخدم تسجيلك", "File Photo", "إعلان\n",
          "حصة هذه المادة", "ينشر برنامج EU Reporter", "وصــل حديــثا", "(د ب أ)", "كتب – محمد صفوت")


def _raw(paths: list[Path]) -> pl.DataFrame:
    rows = []
    for p in paths:
        data = p.read_bytes()
        rows.append({"source_uri": str(p), "raw_sha256": hashlib.sha256(data).hexdigest(),
                     "format": "txt", "encoding": "utf-8", "text": data.decode("utf-8"),
                     "url": None, "title": None, "published": None, "outlet": None, "author": None})
    return pl.DataFrame(rows)


@pytest.fixture(scope="module")
def cleaned() -> dict[str, dict]:
    articles, rejects = clean_batch(_raw(sorted(SAMPLES.glob("*.txt"))))
    assert rejects.height == 0, rejects.to_dicts()
    return {Path(r["source_uri"]).name[:3]: r for r in articles.to_dicts()}


def _utc(*args) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


@pytest.mark.parametrize("key, title, published, published_text", [
    ("000", "بوتين يسعى للحصول على ضمانات أمنية من الناتو في اجتماعه مع بايدن",
     _utc(2021, 12, 7, 9, 21, 37), "7 ديسمبر 2021, 9:21:37 ص"),
    ("001", "التهديدات المتبادلة .. ماذا جرى في محادثات الناتو وروسيا بشأن الأزمة الأوكرانية؟",
     _utc(2022, 1, 13), "13 يناير 2022"),
    ("002", "بايدن يتحدث مع بوتين وسط الوجود الروسي المتزايد بالقرب من أوكرانيا", None, None),
    ("003", "الكرملين يتوقع رداً منفصلا من الناتو بشأن الضمانات الأمنية- بيسكوف",
     _utc(2022, 1, 24), "24 كانون الثاني 2022"),
    # Only caption dates (21 أكتوبر 2021, 30 نوفمبر 2021) and a yearless "(4 يناير)": no date.
    ("004", "رئيس الناتو يحدد موعدًا لعقد اجتماع خاص مع روسيا وسط أزمة أوكرانيا", None, None),
])
def test_title_and_date(cleaned, key, title, published, published_text):
    row = cleaned[key]
    assert row["title"] == title
    assert row["published_at"] == published
    assert row["published_text"] == published_text


@pytest.mark.parametrize("key, first, last", [
    ("000", "موسكو: يعتزم الرئيس الروسي", "وبين الحلفاء”."),
    ("001", "بعد توقف دام سنوات", "لاستئناف عمل البعثتين. ."),
    ("002", "سيناقش زعيمان مجموعة من الموضوعات", "إذا كان الرئيس بوتين مهتمًا بأخذها”."),
    ("003", "( أردو بوینت نتورك ۔ / سبوتنيك - 24 كانون الثاني 2022ء) أعلن",
     "بالقرب من الحدود الروسية."),
    ("004", "حدد الأمين العام لحلف الناتو ينس ستولتنبرغ (في الصورة)",
     "خطواتهم التالية في وقت لاحق في يناير."),
])
def test_body_edges(cleaned, key, first, last):
    body = cleaned[key]["body"]
    assert body.startswith(first)
    assert body.endswith(last)


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_no_chrome_and_final_form(cleaned, key):
    row = cleaned[key]
    for chrome in CHROME:
        assert chrome not in row["body"] + "\n", chrome
    assert row["title"] not in row["body"]
    assert final_text(row["body"]) == row["body"]
    assert row["n_words"] == len(row["body"].split())


def test_in_body_subheadings_stay(cleaned):
    assert "\nالناتو يحذر من مخاطر نشوب صراع في أوروبا\n" in cleaned["001"]["body"]
    assert "\nيجب أن يستمر هذا الحوار\n" in cleaned["002"]["body"]
    assert "\nوأضاف:\n" in cleaned["002"]["body"]


@pytest.mark.parametrize("key, outlet, agencies, authors", [
    ("000", None, ["وكالة الأنباء الألمانية"], []),
    ("001", None, [], ["نور السبكي", "محمد صفوت"]),
    ("002", None, [], []),
    ("003", "أردو بوینت نتورك", ["سبوتنيك"], []),
    ("004", "EU Reporter", [], []),
])
def test_credits(cleaned, key, outlet, agencies, authors):
    row = cleaned[key]
    assert row["outlet"] == outlet
    assert row["agencies"] == agencies
    assert row["authors"] == authors
