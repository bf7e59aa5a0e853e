"""Every suite passes on a good fixture and fails on each kind of bad one."""

from datetime import datetime, timezone

import polars as pl
import pytest

from akhbar.expectations.runner import validate
from akhbar.expectations.suites import SUITES, CheckContext
from akhbar.schemas import tables as T

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)
BODY = "قال بوتين إن روسيا مستعدة."
BODIES = pl.DataFrame({"article_id": ["a1"], "body": [BODY]})


def frame(table: T.Table, **cols) -> pl.DataFrame:
    return pl.from_arrow(T.cast_to(table, pl.DataFrame(cols).to_arrow()))


def good(name: str) -> pl.DataFrame:
    sha = "ab" * 32
    article = dict(
        article_id=["a1", "a2"], source_uri=["/x/1.txt", "/x/2.txt"], url=[None, None], raw_sha256=[sha, sha],
        title=["عنوان", "عنوان"], published_at=[datetime(2022, 1, 13, tzinfo=timezone.utc), None],
        published_text=["13 يناير 2022", None], outlet=[None, None], agencies=[["رويترز"], []],
        authors=[[], []], body=[BODY, BODY], n_words=[5, 5],
    )
    if name == "ingested":
        return frame(T.RAW, source_uri=["/x/1.txt"], raw_sha256=[sha], format=["txt"], encoding=["utf-8"],
                     text=[BODY], url=[None], title=[None], published=[None], outlet=[None], author=[None])
    if name == "cleaned":
        from akhbar.expectations.suites import CLEANED_TABLE

        return frame(CLEANED_TABLE, **article)
    if name in ("deduplicated", "articles"):
        return frame(T.ARTICLES, **article, dup_group_id=["a1", "a1"], is_canonical=[True, False],
                     dup_kind=["none", "exact"], dup_similarity=[1.0, 1.0], ingested_at=[NOW, NOW],
                     run_id=["r", "r"], pipeline_version=["v", "v"])
    if name == "rejects":
        return frame(T.REJECTS, source_uri=["/x/3.txt"], raw_sha256=[sha], reason=["empty"], detail=["0 bytes"], run_id=["r"])
    common = dict(article_id=["a1"], start_char=[4], end_char=[9], sentence_index=[0], annotator=["x_v1"], score=[0.9])
    if name == "entities":
        return frame(T.ENTITIES, mention_id=["m1"], entity_id=["e1"], entity_type=["PER"], mention_kind=["named"],
                     surface=["بوتين"], canonical_name=["Vladimir Putin"], **common)
    if name == "quotes":
        return frame(T.QUOTES, quote_id=["q1"], kind=["indirect"], text=["بوتين"], speaker_surface=[None],
                     speaker_entity_id=[None], speaker_name=[None], cue=["قال"], **common)
    if name == "events":
        return frame(T.EVENTS, event_id=["v1"], event_type=["CONSULT"], event_mode=[None], trigger=["بوتين"],
                     actor_entity_ids=[["e1"]], target_entity_ids=[[]], location_entity_id=[None],
                     event_date=[None], date_text=[None], date_precision=[None], date_basis=[None],
                     factuality=["asserted"], story_id=["s1"], **common)
    if name == "entity_dim":
        return frame(T.ENTITY_DIM, entity_id=["e1"], canonical_name=["Vladimir Putin"], entity_type=["PER"],
                     wikidata_id=["Q7747"], aliases=[["بوتين"]], n_mentions=[1], n_articles=[1])
    raise KeyError(name)


def ctx(**kw) -> CheckContext:
    return CheckContext(run_started=NOW, bodies=BODIES, **kw)


@pytest.mark.parametrize("name", sorted(SUITES))
def test_suite_passes_on_good_fixture(name):
    result = validate(SUITES[name], good(name), ctx())
    assert result.success, result.failures


def _dup_key(df: pl.DataFrame, key: str) -> pl.DataFrame:
    return pl.concat([df, df.head(1)])


# (suite, how to break a good fixture, the check or column expected to fail)
BAD = [
    ("ingested", lambda d: d.with_columns(format=pl.lit("pdf")), "format"),
    ("ingested", lambda d: d.with_columns(text=pl.lit("")), "check_text_nonempty"),
    ("ingested", lambda d: _dup_key(d, "source_uri"), "source_uri"),
    ("cleaned", lambda d: d.with_columns(body=pl.lit("نص\u200f مخفي")), "check_body_clean"),
    ("cleaned", lambda d: d.with_columns(published_at=pl.lit(datetime(1850, 1, 1, tzinfo=timezone.utc))), "check_date_plausible"),
    ("cleaned", lambda d: d.with_columns(published_at=pl.lit(datetime(2030, 1, 1, tzinfo=timezone.utc))), "check_date_plausible"),
    ("deduplicated", lambda d: d.with_columns(is_canonical=pl.lit(True)), "check_one_canonical_per_group"),
    ("deduplicated", lambda d: d.with_columns(dup_kind=pl.lit("fuzzy")), "dup_kind"),
    ("deduplicated", lambda d: d.with_columns(dup_similarity=pl.lit(1.5)), "check_similarity_in_range"),
    ("articles", lambda d: d.with_columns(article_id=pl.lit("a1")), "article_id"),
    ("rejects", lambda d: d.with_columns(reason=pl.lit("because")), "reason"),
    ("entities", lambda d: d.with_columns(end_char=pl.lit(10, pl.Int32)), "check_offsets_match"),
    ("entities", lambda d: d.with_columns(end_char=pl.lit(999, pl.Int32)), "check_offsets_match"),
    ("entities", lambda d: d.with_columns(article_id=pl.lit("ghost")), "check_article_exists"),
    ("entities", lambda d: d.with_columns(entity_type=pl.lit("MISC")), "entity_type"),
    ("quotes", lambda d: d.with_columns(kind=pl.lit("paraphrase")), "kind"),
    ("quotes", lambda d: d.with_columns(text=pl.lit("روسيا")), "check_offsets_match"),
    ("events", lambda d: d.with_columns(event_type=pl.lit("MEET")), "event_type"),
    ("events", lambda d: d.with_columns(factuality=pl.lit(None, pl.String)), "factuality"),
    ("entity_dim", lambda d: pl.concat([d, d]), "entity_id"),
]


@pytest.mark.parametrize("name,breaker,column", BAD, ids=[f"{s}-{c}" for s, _, c in BAD])
def test_suite_fails_on_bad_fixture(name, breaker, column):
    result = validate(SUITES[name], breaker(good(name)), ctx())
    assert not result.success
    assert column in {f.column for f in result.failures} | {
        c for f in result.failures for c in (f.sample or []) if isinstance(c, str)}


def test_ids_already_published_fail():
    result = validate(SUITES["entities"], good("entities"), ctx(published_ids=pl.Series(["m1"])))
    assert [f.column for f in result.failures] == ["check_id_new"]
    assert result.failures[0].sample == [{"mention_id": "m1", "article_id": "a1"}]


def test_new_row_joining_published_group_counts_published_canonical():
    new = good("deduplicated").filter(pl.col("article_id") == "a2")
    published = pl.DataFrame({"dup_group_id": ["a1"], "is_canonical": [True]})
    assert validate(SUITES["deduplicated"], new, ctx(published_groups=published)).success
    assert not validate(SUITES["deduplicated"], new, ctx()).success


def test_wrong_type_fails():
    bad = good("entity_dim").with_columns(n_mentions=pl.lit("many"))
    assert not validate(SUITES["entity_dim"], bad, ctx()).success


def test_results_of_slices_merge_into_one():
    from akhbar.expectations.runner import merge

    ok = validate(SUITES["entities"], good("entities"), ctx())
    bad = validate(SUITES["entities"], good("entities").with_columns(end_char=pl.lit(99)), ctx())
    both = merge([ok, bad, bad])
    assert not both.success and both.n_rows == 3 and both.suite == "entities"
    offsets = [f for f in both.failures if f.column == "check_offsets_match"]
    assert len(offsets) == 1 and offsets[0].unexpected_count == 2
    assert merge([ok, ok]).success
