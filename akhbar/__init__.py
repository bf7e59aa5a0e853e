"""akhbar: scraped Arabic news pages to a clean, deduplicated, annotated dataset."""

__version__ = "0.1.0"
