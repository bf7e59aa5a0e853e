"""The entities annotator: offsets, spans, linking, nominal mentions, output schema."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pyarrow as pa
import pytest

from akhbar.schemas.tables import ENTITIES, ENTITY_DIM, cast_to
from akhbar.tasks.annotate.entities import ANNOTATOR, annotate_entities, entity_dim
from akhbar.tasks.text import final_text, sentence_spans

SAMPLES = Path(__file__).resolve().parents[4] / "samples"


def _annotate(*bodies: str) -> pl.DataFrame:
    return annotate_entities(pl.DataFrame({"article_id": [f"a{i}" for i in range(len(bodies))], "body": list(bodies)}))


def _surfaces(df: pl.DataFrame, kind: str = "named") -> list[str]:
    return df.filter(pl.col("mention_kind") == kind)["surface"].to_list()


@pytest.fixture(scope="module")
def samples() -> pl.DataFrame:
    bodies = [final_text(p.read_text(encoding="utf-8")) for p in sorted(SAMPLES.glob("*.txt"))]
    return pl.DataFrame({"article_id": [f"s{i}" for i in range(len(bodies))], "body": bodies})


def test_offsets_and_sentence_index_on_samples(samples):
    ents = annotate_entities(samples)
    assert ents.height > 50
    bodies = dict(samples.iter_rows())
    for row in ents.iter_rows(named=True):
        body = bodies[row["article_id"]]
        assert body[row["start_char"] : row["end_char"]] == row["surface"]
        s, e = sentence_spans(body)[row["sentence_index"]]
        assert s <= row["start_char"] and row["end_char"] <= e


def test_output_matches_the_entities_schema(samples):
    ents = annotate_entities(samples)
    assert ents.columns == ENTITIES.names
    cast_to(ENTITIES, ents.to_arrow())  # raises on a wrong type or a null
    assert ents["mention_id"].is_unique().all()
    assert set(ents["entity_type"]) <= {"PER", "ORG", "LOC"}
    assert ents["score"].is_between(0, 1).all()
    assert set(ents["annotator"]) == {ANNOTATOR}


def test_empty_input_gives_an_empty_frame():
    out = annotate_entities(pl.DataFrame({"article_id": [], "body": []}, schema={"article_id": pl.Utf8, "body": pl.Utf8}))
    assert out.height == 0 and out.columns == ENTITIES.names


def test_proclitics_are_outside_the_span_but_fused_lam_alif_stays():
    ents = _annotate("أعلنت وروسيا وأوكرانيا اتفاقا. وقال إن للناتو دورا في ذلك.")
    surfaces = _surfaces(ents)
    assert "روسيا" in surfaces and "أوكرانيا" in surfaces and "للناتو" in surfaces
    assert not any(s.startswith("و") for s in surfaces)


def test_nisba_adjectives_are_not_mentions():
    ents = _annotate("قال الرئيس الروسي فلاديمير بوتين إن الحكومة الأمريكية لم ترد على المقترحات الروسية.")
    surfaces = _surfaces(ents)
    assert "فلاديمير بوتين" in surfaces
    assert not {"الروسي", "الأمريكية", "الروسية"} & set(surfaces)


def test_name_and_bracketed_abbreviation_are_two_mentions_of_one_entity():
    ents = _annotate("اجتمع وزراء دفاع حلف شمال الأطلسي (الناتو) في بروكسل.")
    named = ents.filter(pl.col("mention_kind") == "named")
    nato = named.filter(pl.col("surface").is_in(["حلف شمال الأطلسي", "الناتو"]))
    assert nato.height == 2 and nato["entity_id"].n_unique() == 1
    assert nato["canonical_name"].to_list() == ["NATO", "NATO"]


def test_spelling_variants_link_across_articles_and_ids_do_not_depend_on_the_batch():
    a = "قال الأمين العام لحلف الناتو ينس ستولتنبرغ إن الحلف مستعد للحوار."
    b = "وأكد ستولتنبرج أن الباب مفتوح. وقال دميتري بيسكوف إن موسكو تدرس الرد."
    c = "وقال المتحدث باسم الكرملين ديميتري بيسكوف إن روسيا لن تتراجع."
    both = _annotate(a, b, c)
    ids = dict(zip(both["surface"], both["entity_id"]))
    assert ids["ينس ستولتنبرغ"] == ids["ستولتنبرج"]
    assert ids["دميتري بيسكوف"] == ids["ديميتري بيسكوف"]
    alone = _annotate(b)  # same article, different batch: same ids
    assert set(alone["entity_id"]) <= set(both["entity_id"])


def test_short_form_links_to_the_full_form_in_the_article():
    ents = _annotate("استقبل الرئيس فلاديمير بوتين ضيفه في موسكو. وقال بوتين إن المحادثات كانت بناءة.")
    per = ents.filter(pl.col("entity_type") == "PER")
    assert per.height == 2 and per["entity_id"].n_unique() == 1
    assert per["canonical_name"].unique().to_list() == ["Vladimir Putin"]


def test_ambiguous_short_form_needs_evidence_in_the_article():
    alone = _annotate("انتقدت كلينتون السياسة الخارجية.")
    settled = _annotate("قالت هيلاري كلينتون إنها ستترشح. وأضافت كلينتون أن الحملة ستبدأ قريبا.")
    alone_ids = set(alone.filter(pl.col("surface") == "كلينتون")["entity_id"])
    settled_ids = set(settled.filter(pl.col("entity_type") == "PER")["entity_id"])
    assert len(settled_ids) == 1
    assert alone_ids and not alone_ids & settled_ids


def test_nominal_mentions_need_a_named_antecedent():
    with_name = _annotate("اجتمع حلف شمال الأطلسي أمس. وقال الحلف إنه سيعزز قواته.")
    nominal = with_name.filter(pl.col("mention_kind") == "nominal")
    assert nominal["surface"].to_list() == ["الحلف"]
    named = with_name.filter(pl.col("surface") == "حلف شمال الأطلسي")
    assert nominal["entity_id"].to_list() == named["entity_id"].to_list()
    without = _annotate("قال الحلف إنه سيعزز قواته في المنطقة.")
    assert without.filter(pl.col("mention_kind") == "nominal").height == 0


def test_entity_dim_counts_mentions_and_articles():
    ents = _annotate("قال بوتين إن روسيا مستعدة.", "التقى فلاديمير بوتين بنظيره في موسكو.")
    dim = entity_dim(ents)
    assert dim.columns == ENTITY_DIM.names
    cast_to(ENTITY_DIM, dim.to_arrow())
    putin = dim.filter(pl.col("canonical_name") == "Vladimir Putin").row(0, named=True)
    assert putin["n_mentions"] == 2 and putin["n_articles"] == 2
    assert putin["aliases"] == ["بوتين", "فلاديمير بوتين"]
    assert putin["wikidata_id"] == "Q7747"
    assert dim["entity_id"].is_unique().all()
    assert pa.types.is_list(cast_to(ENTITY_DIM, dim.to_arrow()).schema.field("aliases").type)
