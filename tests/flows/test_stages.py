from datetime import datetime, timezone

import polars as pl

from akhbar.flows.stages import article_ids, null_implausible_dates


def test_implausible_dates_are_nulled_not_clamped():
    started = datetime(2026, 1, 1, tzinfo=timezone.utc)
    df = pl.DataFrame({"published_at": [datetime(2025, 5, 1), datetime(2031, 1, 1), datetime(1800, 1, 1), None]},
                      schema={"published_at": pl.Datetime("us", "UTC")})
    out = null_implausible_dates(df, started)["published_at"].to_list()
    assert out[0] is not None and out[1:] == [None, None, None]


def test_article_ids_are_deterministic_and_location_aware():
    df = pl.DataFrame({"source_uri": ["/a.txt", "/b.txt", "/a.txt"], "raw_sha256": ["x", "x", "y"]})
    ids = article_ids(df).to_list()
    assert len(set(ids)) == 3 and ids == article_ids(df).to_list()
    assert all(len(i) == 20 for i in ids)
