from datetime import datetime, timezone
from pathlib import Path

import polars as pl

from akhbar.flows.stages import article_ids, null_implausible_dates
from akhbar.warehouse.parquet_io import write_frame


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


def test_validation_in_slices_sees_ids_repeated_across_slices(tmp_path, monkeypatch):
    from akhbar.flows import stages
    from akhbar.schemas import tables as T
    from akhbar.warehouse.parquet_io import PartRef, write_table

    body = "قال بوتين إن روسيا مستعدة."
    bodies = PartRef.of(write_frame(pl.DataFrame({"article_id": ["a1", "a2"], "body": [body, body]}),
                                    tmp_path / "articles.parquet"))

    def part(name: str, article: str, mention: str) -> PartRef:
        rows = {"mention_id": [mention], "article_id": [article], "entity_id": ["e1"], "entity_type": ["PER"],
                "mention_kind": ["named"], "surface": ["بوتين"], "canonical_name": ["Vladimir Putin"],
                "start_char": [4], "end_char": [9], "sentence_index": [0], "annotator": ["x_v1"], "score": [0.9]}
        return PartRef.of(write_table(T.ENTITIES, pl.DataFrame(rows), tmp_path / name))

    monkeypatch.setattr(stages, "VALIDATE_ROWS", 1)  # one part per slice
    run = "2026-01-01T00:00:00+00:00"
    distinct = stages.validate_task.fn("entities", [part("p1", "a1", "m1"), part("p2", "a2", "m2")], [bodies], [], "mention_id", run)
    assert distinct["success"] and distinct["n_rows"] == 2
    repeated = stages.validate_task.fn("entities", [part("p3", "a1", "m1"), part("p4", "a2", "m1")], [bodies], [], "mention_id", run)
    assert not repeated["success"]
    assert [f["column"] for f in repeated["failures"]] == ["check_id_new"]


def test_input_batches_close_at_a_file_count_or_a_byte_size(tmp_path):
    from akhbar.flows.pipeline import file_batches

    files = []
    for i, size in enumerate([10, 10, 30, 5, 50, 1]):
        f = tmp_path / f"{i}.jsonl"
        f.write_bytes(b"x" * size)
        files.append(str(f))
    names = lambda batches: [[Path(f).stem for f in b] for b in batches]  # noqa: E731
    assert names(file_batches(files, 100, 40)) == [["0", "1"], ["2", "3"], ["4"], ["5"]]
    assert names(file_batches(files, 2, 1000)) == [["0", "1"], ["2", "3"], ["4", "5"]]
    assert file_batches([], 2, 10) == []
