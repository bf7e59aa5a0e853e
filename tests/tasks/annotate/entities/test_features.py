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


def test_cluster_table_is_shipped_and_nested():
    from akhbar.tasks.annotate.entities.gazetteer import word_clusters

    table = word_clusters()
    assert len(table) > 50_000
    # nested levels: every fine cluster lies inside exactly one mid and one coarse cluster
    parents: dict[str, set[tuple[str, str]]] = {}
    for coarse, mid, fine in table.values():
        parents.setdefault(fine, set()).add((coarse, mid))
    assert all(len(p) == 1 for p in parents.values())
    assert len(parents) > 500


def test_word_features_carry_the_clusters_of_the_bare_stem():
    from akhbar.tasks.annotate.entities.gazetteer import word_clusters

    coarse, mid, fine = word_clusters()[match_key("الرياض")]
    feats = word_features("بالرياض")
    assert {"k1=" + coarse, "k2=" + mid, "k3=" + fine} <= set(feats)
    assert not any(f.startswith("k1=") for f in word_features("زززقققث"))


def test_two_capitals_share_a_cluster_and_a_verb_does_not():
    from akhbar.tasks.annotate.entities.gazetteer import word_clusters

    table = word_clusters()
    mid = lambda w: table[match_key(w)][1]  # noqa: E731
    assert mid("الرياض") == mid("جدة")
    assert mid("الرياض") != mid("قال")
