"""Quotes annotator: who said what, direct and indirect, with speaker and cue (rules, v1).

Public API: ``ANNOTATOR`` and ``annotate_quotes(articles, entities)``; see README.md.
"""

from .annotate import ANNOTATOR, annotate_quotes, quote_id

__all__ = ["ANNOTATOR", "annotate_quotes", "quote_id"]
