"""Clean stage: RAW rows -> (articles, rejects). See ``pipeline.clean_batch``."""

from akhbar.tasks.clean.dates import parse_published
from akhbar.tasks.clean.pipeline import clean_batch

__all__ = ["clean_batch", "parse_published"]
