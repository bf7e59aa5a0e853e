"""Word features: the distributional classes built offline from unlabeled news."""

from __future__ import annotations

from akhbar.tasks.annotate.entities.features import word_features
from akhbar.tasks.annotate.entities.gazetteer import neighbour_classes
from akhbar.tasks.text import match_key


def test_neighbour_table_is_shipped_and_covers_frequent_words():
    table = neighbour_classes()
    assert len(table) > 50_000
    assert match_key("الرياض") in table


def test_word_features_carry_the_neighbour_class_of_the_bare_stem():
    left, right = neighbour_classes()[match_key("الرياض")]
    feats = word_features("بالرياض")  # the class of the stem after the proclitic
    assert "nl=" + left in feats and "nr=" + right in feats


def test_unknown_word_has_no_class():
    assert not any(f.startswith(("nl=", "nr=")) for f in word_features("زززقققث"))
