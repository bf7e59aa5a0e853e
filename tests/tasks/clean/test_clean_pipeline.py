"""``clean_batch`` as a whole: the JSON fast path, output schemas, one outcome per input row."""

from __future__ import annotations

import gzip
import json
from datetime import datetime, timezone
from pathlib import Path

import polars as pl
import pytest

from akhbar.schemas.tables import ARTICLES, RAW, REJECT_REASONS, REJECTS
from akhbar.tasks.clean import clean_batch
from akhbar.tasks.clean.normalize import n_words_expr, normalize_expr, normalize_text
from akhbar.tasks.clean.pipeline import ARTICLE_SCHEMA, MIN_WORDS, plausible_title

PARA = ("أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة جدة بطاقة استيعابية تبلغ "
        "خمسمائة سرير، وذلك ضمن خطة الوزارة لتوسيع الخدمات الصحية في مناطق المملكة كافة.")


def _json_rows(rows: list[dict]) -> pl.DataFrame:
    base = {"format": "json", "encoding": "utf-8", "url": None, "title": None, "published": None,
            "outlet": None, "author": None}
    return pl.DataFrame([{**base, "source_uri": f"f.jsonl#L{i + 1}", "raw_sha256": f"{i:064x}", **r}
                         for i, r in enumerate(rows)], schema_overrides={"published": pl.String})


def test_json_fast_path_fields():
    text = f"موسكو - (أ ف ب):\n\n{PARA}\n\nرابط الخبر بصحيفة الوئام: خبر آخر\n\n{PARA}\n\n(رويترز)"
    out, rejects = clean_batch(_json_rows([{
        "text": text, "title": " بوتين يلتقي بايدن ", "published": "2015-07-21 02:51:32",
        "outlet": "aawsat", "author": "لندن: رنيم حنوش", "url": "http://aawsat.com/1"}]))
    assert rejects.height == 0
    row = out.to_dicts()[0]
    assert row["title"] == "بوتين يلتقي بايدن"
    assert row["published_at"] == datetime(2015, 7, 21, 2, 51, 32, tzinfo=timezone.utc)
    assert row["published_text"] == "2015-07-21 02:51:32"
    assert row["outlet"] == "aawsat" and row["url"] == "http://aawsat.com/1"
    assert row["authors"] == ["رنيم حنوش"]
    assert row["agencies"] == ["رويترز", "وكالة فرانس برس"]
    assert "رابط الخبر" not in row["body"] and row["body"].count(PARA) == 2
    assert row["n_words"] == len(row["body"].split())


def test_json_headline_repeated_as_first_line_is_dropped():
    out, _ = clean_batch(_json_rows([{"text": f"بوتين يلتقي بايدن\n\n{PARA}\n\n{PARA}",
                                      "title": "بوتين يلتقي بايدن"}]))
    assert out["body"].to_list() == [f"{PARA}\n\n{PARA}"]


@pytest.mark.parametrize("title, expected", [
    ("http://aawsat.com/home/article/1", None), ("", None), (None, None), ("الرئيسية", None),
    ("كلمة " * 80, None), ("...", None), ("  عنوان\u200f الخبر  ", "عنوان الخبر"),
])
def test_json_title_is_checked(title, expected):
    assert plausible_title(title) == expected


def test_every_row_in_exactly_one_output():
    rows = [{"text": PARA * 2}, {"text": None}, {"text": "اترك تعليقاً\nإعلان"},
            {"text": "Putin meets Biden in Geneva to discuss security in Europe. " * 5},
            {"text": "صورة اليوم من الرياض"}, {"text": "ﻛﺸﻔﺖ ﻣﺼﺎﺩﺭ ﻣﻄﻠﻌﺔ " * 10 + PARA},
            {"text": PARA + " #box ul { padding: 0; margin: 0; } .a { color: red; }" * 20}]
    raw = _json_rows(rows)
    out, rejects = clean_batch(raw)
    assert sorted(out["source_uri"].to_list() + rejects["source_uri"].to_list()) == sorted(raw["source_uri"])
    reasons = dict(zip(rejects["source_uri"], rejects["reason"]))
    assert reasons == {"f.jsonl#L2": "no_text", "f.jsonl#L3": "no_text", "f.jsonl#L4": "not_arabic",
                       "f.jsonl#L5": "too_short"}
    assert set(reasons.values()) <= set(REJECT_REASONS)
    bodies = dict(zip(out["source_uri"], out["body"]))
    assert bodies["f.jsonl#L6"].startswith("كشفت مصادر مطلعة")  # presentation forms folded
    assert "padding" not in bodies["f.jsonl#L7"]  # leaked CSS removed


def test_output_schemas_match_tables():
    out, rejects = clean_batch(_json_rows([{"text": PARA * 2}, {"text": ""}]))
    assert dict(out.schema) == ARTICLE_SCHEMA
    arrow = out.to_arrow()
    for name in ARTICLE_SCHEMA:  # castable to the published type, no nulls where not allowed
        field = ARTICLES.schema.field(name)
        column = arrow.column(name).cast(field.type)
        assert field.nullable or column.null_count == 0, name
    assert rejects.columns == [c for c in REJECTS.names if c != "run_id"]


def test_empty_batch():
    out, rejects = clean_batch(pl.DataFrame(schema={c: pl.String for c in RAW.names}))
    assert out.height == 0 and rejects.height == 0 and dict(out.schema) == ARTICLE_SCHEMA


def test_mixed_formats_one_batch():
    raw = pl.concat([_json_rows([{"text": PARA * 2}]),
                     _json_rows([{"text": "عنوان الخبر هنا\n" + PARA * 2}]).with_columns(
                         format=pl.lit("txt"), source_uri=pl.lit("page.txt"))])
    out, _ = clean_batch(raw)
    assert out["source_uri"].to_list() == ["f.jsonl#L1", "page.txt"]
    assert out["title"].to_list() == [None, "عنوان الخبر هنا"]


def test_too_short_threshold_in_words():
    words = PARA.split()
    out, rejects = clean_batch(_json_rows([{"text": " ".join(words[:MIN_WORDS - 1])},
                                           {"text": " ".join(words[:MIN_WORDS])}]))
    assert rejects["reason"].to_list() == ["too_short"] and out.height == 1


def test_vectorised_normalisation_equals_final_text():
    tricky = ["\ufeffسطر\u00a0\u00a0أول  \r\nسطر\u200bثان\n\n\n\n\u202bثالث\u202c\x1c ",
              "ﻛﺸﻔﺖ ﺍﻟﻴﻤﻨﻴﺔ ﷺ", "  \n\t\n  ", "e\u0301 نص"]
    path = Path(__file__).resolve().parents[4] / "shared/corpora/saudinewsnet/2015-07-22.jsonl.gz"
    corpus = [json.loads(ln)["text"] for _, ln in zip(range(300), gzip.open(path))] if path.exists() else []
    texts = pl.Series("t", tricky + corpus)
    got = texts.to_frame().select(normalize_expr(pl.col("t")))["t"].to_list()
    assert got == [normalize_text(t) for t in texts]
    counts = pl.Series("b", got).to_frame().select(n_words_expr(pl.col("b")))["b"].to_list()
    assert counts == [len(t.split()) for t in got]


def test_bodies_are_final_text_fixed_points():
    """Annotation offsets index the stored body: final_text must not change it again."""
    from akhbar.tasks.text import final_text

    path = Path(__file__).resolve().parents[4] / "shared/corpora/saudinewsnet/2015-08-03.jsonl.gz"
    if not path.exists():
        pytest.skip("corpus not found")
    rows = [{k: v for k, v in json.loads(ln).items() if k != "published"} | {"published": None}
            for _, ln in zip(range(400), gzip.open(path))]
    out, _ = clean_batch(_json_rows(rows))
    assert out.height > 350
    assert all(final_text(b) == b for b in out["body"])
