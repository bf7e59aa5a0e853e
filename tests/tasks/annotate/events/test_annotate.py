"""annotate_events end to end on inline articles and entity frames."""

from __future__ import annotations

import datetime as dt

import polars as pl

from akhbar.schemas.tables import EVENTS, cast_to
from akhbar.tasks.annotate.events import ANNOTATOR, annotate_events
from akhbar.tasks.text import sentence_index_of, sentence_spans

BODY = ("موسكو: يعتزم الرئيس الروسي فلاديمير بوتين، وضع الضمانات على رأس جدول الأعمال، عندما يلتقي مع "
        "الرئيس الأمريكي جو بايدن، الثلاثاء، عبر الفيديو.\n\n"
        "وتتهم الولايات المتحدة روسيا بحشد القوات على الحدود.\n\n"
        "وكان بايدن وبوتين قد عقدا أول اجتماع بينهما خلال قمة عقدت بجنيف في حزيران/ يونيو.\n\n"
        "وترفض روسيا هذه الاتهامات.")


def _entities(article_id: str, body: str, names: dict[str, tuple[str, str]]) -> pl.DataFrame:
    spans = sentence_spans(body)
    rows = []
    for surface, (eid, etype) in names.items():
        start = body.find(surface)
        while start >= 0:
            rows.append({"mention_id": f"{article_id}{start}", "article_id": article_id, "entity_id": eid,
                         "entity_type": etype, "mention_kind": "named", "surface": surface,
                         "canonical_name": eid, "start_char": start, "end_char": start + len(surface),
                         "sentence_index": sentence_index_of(spans, start), "annotator": "test", "score": 1.0})
            start = body.find(surface, start + 1)
    schema = {"mention_id": pl.String, "article_id": pl.String, "entity_id": pl.String, "entity_type": pl.String,
              "mention_kind": pl.String, "surface": pl.String, "canonical_name": pl.String,
              "start_char": pl.Int32, "end_char": pl.Int32, "sentence_index": pl.Int32, "annotator": pl.String,
              "score": pl.Float64}
    return pl.DataFrame(rows, schema=schema)


NAMES = {"فلاديمير بوتين": ("Putin", "PER"), "جو بايدن": ("Biden", "PER"), "الولايات المتحدة": ("USA", "LOC"),
         "روسيا": ("Russia", "LOC"), "بايدن": ("Biden", "PER"), "وبوتين": ("Putin", "PER"),
         "جنيف": ("Geneva", "LOC")}


def _articles(body=BODY, published=dt.datetime(2021, 12, 7, 9, 21), article_id="a1") -> pl.DataFrame:
    return pl.DataFrame({"article_id": [article_id], "body": [body], "published_at": [published]},
                        schema={"article_id": pl.String, "body": pl.String, "published_at": pl.Datetime("us", "UTC")})


def _events(body=BODY, published=dt.datetime(2021, 12, 7, 9, 21)) -> pl.DataFrame:
    return annotate_events(_articles(body, published), _entities("a1", body, NAMES))


def test_output_matches_the_events_table():
    ev = _events()
    assert ev.columns == EVENTS.names
    cast_to(EVENTS, ev.to_arrow())  # raises on a wrong type or a null in a non-nullable column
    assert set(ev["annotator"]) == {ANNOTATOR}
    for r in ev.iter_rows(named=True):
        assert BODY[r["start_char"]:r["end_char"]] == r["trigger"]
        assert sentence_index_of(sentence_spans(BODY), r["start_char"]) == r["sentence_index"]


def test_types_dates_factuality_and_roles():
    ev = {r["trigger"]: r for r in _events().iter_rows(named=True)}
    meet = ev["يلتقي"]
    assert (meet["event_type"], meet["event_mode"], meet["factuality"]) == ("CONSULT", "phone", "planned")
    assert (meet["event_date"], meet["date_precision"], meet["date_basis"]) == (dt.date(2021, 12, 7), "day",
                                                                               "published_at")
    assert meet["actor_entity_ids"] == ["Putin"] and meet["target_entity_ids"] == ["Biden"]
    assert ev["حشد"]["factuality"] == "alleged" and ev["تتهم"]["event_type"] == "ACCUSE"
    summit = ev["اجتماع"]
    assert summit["event_date"] == dt.date(2021, 6, 1) and summit["date_precision"] == "month"
    assert summit["location_entity_id"] == "Geneva"
    assert sorted(summit["actor_entity_ids"]) == ["Biden", "Putin"]
    assert not any(r["event_type"] == "REJECT" for r in ev.values())  # denial of an accusation


def test_no_publication_date_gives_null_or_anchored_dates_never_invented():
    ev = {r["trigger"]: r for r in _events(published=None).iter_rows(named=True)}
    assert ev["يلتقي"]["event_date"] is None and ev["يلتقي"]["date_basis"] is None
    body = "نشر في 30 نوفمبر 2021.\n\nوسيعقد اجتماع المجلس في بروكسل يوم 12 يناير."
    ev = {r["trigger"]: r for r in _events(body, None).iter_rows(named=True)}
    assert ev["اجتماع"]["event_date"] == dt.date(2022, 1, 12)
    assert ev["اجتماع"]["date_basis"] == "article_anchor"


def test_deterministic_and_empty_inputs():
    assert _events().equals(_events())
    empty = annotate_events(_articles("لا شيء هنا."), pl.DataFrame())
    assert empty.height == 0 and empty.columns == EVENTS.names


def test_without_linking_only_the_story_ids_are_left_empty():
    body = BODY + "\n\n" + BODY.replace("الثلاثاء", "الأربعاء")  # repeated mentions: stories of several
    articles, entities = _articles(body, dt.datetime(2021, 12, 7, tzinfo=dt.timezone.utc)), _entities("a1", body, NAMES)
    linked = annotate_events(articles, entities)
    unlinked = annotate_events(articles, entities, link=False)
    assert unlinked.columns == EVENTS.names and set(unlinked["story_id"]) == {""}
    assert linked["story_id"].n_unique() < linked.height  # the linked run did link something
    assert unlinked.equals(linked.with_columns(story_id=pl.lit("")))
