"""`akhbar docs`: Data Docs and overview open offline, with every table state (full, empty, none)."""

import importlib.util
import re
from datetime import date, timedelta
from pathlib import Path

import polars as pl
import pytest

from akhbar.expectations import docs
from akhbar.warehouse.layout import Layout

_spec = importlib.util.spec_from_file_location(
    "synthetic", Path(__file__).parents[1] / "notebooks" / "synthetic.py"
)
synthetic = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(synthetic)

# An attribute that would make the browser fetch or navigate to the network.
EXTERNAL = re.compile(r"""(?<![\w-])(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)
CSS_EXTERNAL = re.compile(r"""url\(\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)
LOCAL_REF = re.compile(r"""(?<![\w-])(?:src|href)=["']([^"'#?]+)""")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One real build (GE costs seconds): events published empty, one entity offset wrong."""
    root = tmp_path_factory.mktemp("data")
    layout = synthetic.build_dataset(root, empty=("events",), bad_offset=True)
    return docs.build_docs(layout, root / "docs")


def _pages(out: Path) -> list[Path]:
    return [*out.rglob("*.html"), *out.rglob("*.css")]


def test_no_network_reference_remains_and_local_references_resolve(built):
    pages = _pages(built.parent)
    assert len([p for p in pages if p.suffix == ".html"]) >= 1 + 6 + 6  # overview, 6 suites, 6 validations
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not EXTERNAL.search(text), (page, EXTERNAL.search(text).group(0))
        assert not CSS_EXTERNAL.search(text), page
        if page.suffix == ".html":
            for ref in LOCAL_REF.findall(text):
                if not ref.startswith(("data:", "javascript:", "mailto:")):
                    assert (page.parent / ref).exists(), (page, ref)


def test_data_docs_pages_load_the_vendored_assets(built):
    site_index = next(built.parent.rglob("local_site/index.html"))
    text = site_index.read_text(encoding="utf-8")
    for asset in (
        "jquery/jquery.min.js",
        "bootstrap/css/bootstrap.min.css",
        "fontawesome/css/all.min.css",
        "vega/vega.min.js",
        "bootstrap-table/bootstrap-table.min.js",
    ):
        assert f"assets/{asset}" in text, asset
    assert (built.parent / "assets" / "fontawesome" / "webfonts" / "fa-solid-900.woff2").exists()


def test_overview_links_data_docs_and_shows_the_outcome(built):
    text = built.read_text(encoding="utf-8")
    assert built.name == "index.html"
    assert 'href="validation/gx/uncommitted/data_docs/local_site/index.html"' in text
    assert text.count('<span class="ok">passed</span>') == 5  # the empty events table passes too
    assert re.search(r"<td>entities</td>.*?FAILED.*?check_offsets_match.*?ma000", text)  # the bad row's key
    assert f'<td dir="rtl" lang="ar">{synthetic.OUTLETS[0]}</td>' in text
    assert "too_short" in text and "Vladimir Putin" in text
    assert "No dated events yet." in text


def test_data_docs_show_the_failing_rows(built):
    page = next(built.parent.rglob("validations/entities/**/*.html")).read_text(encoding="utf-8")
    assert "check_offsets_match" in page and "Unsuccessful Expectations" in page


def test_overview_charts_every_table(tmp_path):
    layout = synthetic.build_dataset(tmp_path)
    stats = docs.overview_stats(docs.read_published(layout))
    assert stats["totals"]["articles"] == 12 and stats["totals"]["canonical"] == 10
    # event 0 has no date and its article (0) has none either: it cannot be placed on the timeline
    assert stats["events"]["n"].sum() == 11 and set(stats["events"]["event_type"]) == {"CONSULT", "ACCUSE"}
    text = docs.render_overview(stats, [], {"version": "000001"}, tmp_path, "docs.html")
    assert "events with neither, not shown: 1<" in text
    assert "CONSULT" in text and text.count("<svg") > 5 and "No dated events yet." not in text
    assert f'<td dir="rtl" lang="ar">{synthetic.OUTLETS[1]}</td>' in text


def test_overview_of_empty_tables_renders():
    stats = docs.overview_stats({"articles": docs.empty_frame("articles")})
    text = docs.render_overview(stats, [], {}, Path("/data"), "docs.html")
    assert (
        "No entities yet." in text and "No dated articles." in text and "No articles published yet." in text
    )


def test_nothing_published_gives_a_clear_page(tmp_path):
    index = docs.build_docs(Layout(tmp_path / "data"), tmp_path / "out")
    text = index.read_text(encoding="utf-8")
    assert "Nothing is published yet" in text
    assert not (tmp_path / "out" / "validation").exists()


def test_localise_html_rewrites_cdn_and_disarms_the_rest():
    html = (
        '<script src="https://code.jquery.com/jquery-3.7.1.min.js"></script>'
        '<link href="https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/'
        'bootstrap-table-filter-control.css"><a class="x" href="https://greatexpectations.io">GX</a>'
    )
    out = docs.localise_html(html, "../assets", "static/logo.png")
    assert 'src="../assets/jquery/jquery.min.js"' in out
    assert (
        'href="../assets/bootstrap-table/extensions/filter-control/bootstrap-table-filter-control.min.css"'
        in out
    )
    assert '<a class="x" data-offline-href="https://greatexpectations.io">' in out
    with pytest.warns(UserWarning):
        out = docs.localise_html('<img src="https://cdn.example.org/x.png">', "a", "b")
    assert not EXTERNAL.search(out)


def test_counts_over_time_buckets_long_spans_and_fills_gaps():
    days = [date(2020, 1, 1) + timedelta(days=d) for d in (0, 3, 400)]
    counts, every = docs.counts_over_time(pl.DataFrame({"day": days}), "day")
    assert every == "1w"  # 401 days > MAX_COLUMNS days, <= MAX_COLUMNS weeks
    assert counts["n"].sum() == 3 and counts.height == 58 and (counts["n"] == 0).sum() == 56
    short, every = docs.counts_over_time(pl.DataFrame({"day": days[:2]}), "day")
    assert every == "1d" and short["n"].to_list() == [1, 0, 0, 1]


def test_validation_table_flags_failures():
    row = {
        "table": "events",
        "suite": "events",
        "success": False,
        "n_rows": 3,
        "evaluated": 10,
        "successful": 9,
        "failed": [{"expectation": "expect_column_values_to_be_in_set", "column": "check_offsets_match"}],
    }
    text = docs.validation_table([row])
    assert "FAILED" in text and "check_offsets_match" in text and "9 / 10" in text
