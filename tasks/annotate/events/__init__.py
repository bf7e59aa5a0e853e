"""Event annotator: PLOVER 2.0 event mentions, participants, dates, factuality and stories.

Public API: ``ANNOTATOR``, ``annotate_events(articles, entities)`` and
``link_stories(new_events, published_events)``. See README.md for the taxonomy, the Arabic
trigger lexicon and the story-matching rule.
"""

from .annotate import ANNOTATOR, annotate_events
from .stories import link_stories

__all__ = ["ANNOTATOR", "annotate_events", "link_stories"]
