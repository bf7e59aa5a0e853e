"""Worker memory bounds: the annotators' memos are dropped past a budget, loaders are kept."""

from __future__ import annotations

from akhbar.flows import memory


def test_memos_are_dropped_only_past_the_budget():
    from akhbar.tasks.annotate.entities.lexicon import match_key
    from akhbar.tasks.annotate.events import triggers

    match_key("والناتو")
    triggers._known(["اجتماع", "قمة"])
    assert triggers._SEEN and triggers._MEMOS[0] in memory.annotator_memos()
    assert match_key.cache_info().currsize > 0
    assert match_key in memory.annotator_memos()
    assert not memory.bound_worker_memory(budget_mb=1e9)  # under budget: nothing dropped
    assert match_key.cache_info().currsize > 0
    assert memory.bound_worker_memory(budget_mb=0)
    assert match_key.cache_info().currsize == 0
    assert not triggers._SEEN and not triggers._KNOWN  # a module's listed _MEMOS are cleared too


def test_model_loaders_are_not_memos():
    from akhbar.tasks.annotate.entities import gazetteer

    loaders = [v for v in vars(gazetteer).values() if getattr(v, "cache_info", None)
               and v.cache_info().maxsize == 1]
    assert loaders  # the gazetteers are loaded once (lru_cache(maxsize=1))...
    memos = memory.annotator_memos()
    assert not any(loader in memos for loader in loaders)  # ...and never dropped


def test_dropping_memos_changes_no_annotation():
    import polars as pl

    from akhbar.tasks.annotate.entities import annotate_entities

    articles = pl.DataFrame({"article_id": ["a"], "body": [
        "قال الرئيس الروسي فلاديمير بوتين في موسكو إنه سيلتقي الأمين العام لحلف الناتو ينس ستولتنبرغ."]})
    before = annotate_entities(articles)
    memory.bound_worker_memory(budget_mb=0)
    assert annotate_entities(articles).equals(before)


def test_rss_is_read():
    assert memory.rss_mb() > 10
