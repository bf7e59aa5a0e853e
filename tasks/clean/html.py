"""HTML pages: main text and metadata through trafilatura, then the page-dump rules.

trafilatura (``bare_extraction`` on a string) parses only what it is given: it never fetches a
URL (no ``url`` argument is passed, and ``fetch_url`` is never called), so this is offline.
Its text still carries some chrome on Arabic themes (share words, "اقرأ أيضا" boxes, the
headline repeated as first line), so it goes through ``parse_dump`` like a text dump, with the
metadata title as the known headline. Metadata wins over text heuristics when present: title
(og:title / <title> / h1), date (article:published_time and other meta tags via htmldate,
without its extensive text search, which guesses from any date in the text), author, sitename.
"""

from __future__ import annotations

from urllib.parse import urlparse

from akhbar.tasks.clean import authors as au
from akhbar.tasks.clean.dates import parse_published
from akhbar.tasks.clean.page_dump import Parsed, parse_dump
from akhbar.tasks.clean.normalize import normalize_text

# htmldate: meta tags and structured data only; "original_date" prefers publication over
# modification; seconds are kept when the page gives them. A fixed max_date replaces
# htmldate's default bound (the end of *today*), so that no clock enters a transform and a
# re-run on the same page gives the same date.
_DATE_PARAMS = {"extensive_search": False, "original_date": True,
                "outputformat": "%Y-%m-%d %H:%M:%S", "max_date": "2100-12-31"}


def _extract(html: str):
    import trafilatura  # ~0.5 s import; only HTML rows need it

    try:
        return trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, date_extraction_params=_DATE_PARAMS,
        )
    except Exception:  # noqa: BLE001 - one malformed page must not fail the batch
        return None


def parse_html(html: str, url: str | None = None) -> Parsed:
    """Parse an HTML page into title, date, credits and body (offline; never fetches).

    The body is trafilatura's main text. Metadata comes from trafilatura's metadata first, then
    from the extracted text, then from the whole page's visible text read as a page dump
    (trafilatura leaves out the header, where many sites print the date and the byline).
    """
    doc = _extract(html)
    if doc is None or not (doc.text or "").strip():
        # trafilatura found no main text (a fragment, plain text labelled HTML): read the
        # visible text as a page dump, so that a real article is not lost.
        return parse_dump(visible_text(html))
    title = normalize_text(doc.title) if doc.title else None
    out = parse_dump(doc.text, known_title=title or None)
    page = parse_dump(visible_text(html), known_title=out.title)
    out.title = out.title or page.title
    if doc.date:
        value, matched = parse_published(doc.date)
        if value is not None:
            out.published_at, out.published_text = value, matched
    if out.published_at is None:
        out.published_at, out.published_text = page.published_at, page.published_text
    meta_authors = [normalize_text(a) for a in (doc.author or "").split(";")]
    out.authors = au.dedup_names([a for a in meta_authors if a] + out.authors + page.authors)
    out.agencies = sorted(set(out.agencies) | set(page.agencies))
    sitename = normalize_text(doc.sitename) if doc.sitename else None
    out.outlet = sitename or out.outlet or page.outlet or host_of(url)
    return out


# Elements whose text is not shown, and block elements that start a new line when rendered.
_HIDDEN = ("script", "style", "noscript", "template", "svg", "head")
_BLOCKS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer",
           "nav", "section", "article", "aside", "main", "br", "tr", "td", "th", "table",
           "figure", "figcaption", "blockquote", "form", "dd", "dt", "dl"}


def visible_text(html: str) -> str:
    """The page's visible text with one line per block element (a page dump of the HTML)."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    for el in root.iter(*_HIDDEN):
        el.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
            el.text = "\n" + (el.text or "")
    return root.text_content()


def host_of(url: str | None) -> str | None:
    """The host of ``url`` without "www." ("https://www.bbc.com/arabic/x" -> "bbc.com")."""
    if not url:
        return None
    host = urlparse(url if "//" in url else "//" + url).hostname
    return host.removeprefix("www.") if host else None
