"""tag_conll: the same tokens out as in, one BIO tag each, blank lines kept."""

from __future__ import annotations

from akhbar.tasks.annotate.entities import tag_conll

TAGS = {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}


def test_tag_conll_round_trip(tmp_path):
    src = tmp_path / "in.conll"
    src.write_text("قال\tO\nفلاديمير\tB-PER\nبوتين\tI-PER\nفي\tO\nموسكو\tB-LOC\n.\tO\n\n\nوروسيا\nتحذر\n", encoding="utf-8")
    out = tmp_path / "out.conll"
    tag_conll(src, out)
    lines_in = src.read_text(encoding="utf-8").splitlines()
    lines_out = out.read_text(encoding="utf-8").splitlines()
    assert len(lines_out) == len(lines_in)
    for a, b in zip(lines_in, lines_out):
        assert (a == "") == (b == "")
        if a:
            token, tag = b.split("\t")
            assert token == a.split("\t")[0] and tag in TAGS
    tags = [line.split("\t")[1] for line in lines_out if line]
    assert tags[1:3] == ["B-PER", "I-PER"] and tags[4] == "B-LOC"
    assert tags[6] == "B-LOC"  # a clitic-bearing token is tagged whole, as in ANERcorp
