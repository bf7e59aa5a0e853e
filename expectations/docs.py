"""``akhbar docs``: Great Expectations Data Docs of the published tables plus a dataset overview.

Everything written opens from ``file://`` with no server and no network:

    <out>/index.html            dataset overview (inline SVG charts), links to the Data Docs
    <out>/assets/               vendored CSS/JS/fonts (copied from expectations/assets/)
    <out>/validation/gx/...     a GE file context; its Data Docs site is
                                validation/gx/uncommitted/data_docs/local_site/index.html

GE's HTML templates load bootstrap, jquery, vega and font-awesome from CDNs, so every CDN URL
in the generated pages is rewritten to a relative path of a vendored copy (``_CDN``); other
external links are disarmed (kept as ``data-offline-href``).
"""

from __future__ import annotations

import html
import logging
import os
import re
import shutil
import warnings
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

import polars as pl

from akhbar.expectations.runner import _failure, build_expectations, prepare
from akhbar.expectations.suites import (
    ARTICLES,
    ENTITIES,
    ENTITY_DIM,
    EVENTS,
    QUOTES,
    REJECTS,
    CheckContext,
    Suite,
)
from akhbar.schemas import tables as T
from akhbar.warehouse.layout import Layout
from akhbar.warehouse.publish import published_files, read_manifest

ASSETS = Path(__file__).with_name("assets")
TABLE_SUITES: tuple[tuple[str, Suite], ...] = (
    ("articles", ARTICLES),
    ("rejects", REJECTS),
    ("entities", ENTITIES),
    ("quotes", QUOTES),
    ("events", EVENTS),
    ("entity_dim", ENTITY_DIM),
)
_SITE = Path("gx") / "uncommitted" / "data_docs" / "local_site"
# CDN URL (as great_expectations 1.24.1 templates write it) -> vendored file under assets/.
_CDN: tuple[tuple[str, str], ...] = (
    (r"https://code\.jquery\.com/jquery-3\.7\.1\.min\.js", "jquery/jquery.min.js"),
    (
        r"https://cdnjs\.cloudflare\.com/ajax/libs/popper\.js/1\.12\.9/umd/popper\.min\.js",
        "popper.js/popper.min.js",
    ),
    (
        r"https://maxcdn\.bootstrapcdn\.com/bootstrap/4\.3\.1/css/bootstrap\.min\.css",
        "bootstrap/css/bootstrap.min.css",
    ),
    (
        r"https://stackpath\.bootstrapcdn\.com/bootstrap/4\.3\.1/js/bootstrap\.min\.js",
        "bootstrap/js/bootstrap.min.js",
    ),
    (
        r"https://unpkg\.com/bootstrap-table@1\.19\.1/dist/bootstrap-table\.min\.(css|js)",
        r"bootstrap-table/bootstrap-table.min.\1",
    ),
    (
        r"https://unpkg\.com/bootstrap-table@1\.19\.[01]/dist/extensions/filter-control/"
        r"bootstrap-table-filter-control(?:\.min)?\.(css|js)",
        r"bootstrap-table/extensions/filter-control/bootstrap-table-filter-control.min.\1",
    ),
    (
        r"https://cdnjs\.cloudflare\.com/ajax/libs/bootstrap-datepicker/1\.9\.0/(css|js)/bootstrap-datepicker\.min\.(css|js)",
        r"bootstrap-datepicker/\1/bootstrap-datepicker.min.\2",
    ),
    (
        r"https://cdn\.jsdelivr\.net/npm/@forevolve/bootstrap-dark@1\.1\.0/dist/css/bootstrap-prefers-dark(?:\.min)?\.css",
        "bootstrap-dark/bootstrap-prefers-dark.min.css",
    ),
    (
        r"https://cdnjs\.cloudflare\.com/ajax/libs/font-awesome/6\.6\.0/css/all\.min\.css",
        "fontawesome/css/all.min.css",
    ),
    (r"https://cdn\.jsdelivr\.net/npm/vega@5", "vega/vega.min.js"),
    (r"https://cdn\.jsdelivr\.net/npm/vega-lite@5", "vega-lite/vega-lite.min.js"),
    (r"https://cdn\.jsdelivr\.net/npm/vega-embed@6", "vega-embed/vega-embed.min.js"),
)
_GX_WEB_ASSET = re.compile(r"https://great-expectations-web-assets\.s3[\w.-]*\.amazonaws\.com/[^\"')\s]*")
_EXTERNAL_ATTR = re.compile(r"""(?<![\w-])(src|href|action)=(["'])(https?:)?//""", re.IGNORECASE)


def build_docs(layout: Layout, out: Path) -> Path:
    """Write the Data Docs of the published tables and the overview page under ``out``; return ``out/index.html``.

    Before anything is published the overview says so (no Data Docs are built). Tables
    that are published but empty are validated and charted as empty. Only ``out/index.html``,
    ``out/assets`` and ``out/validation`` are (re)written; other files in ``out`` are left alone.
    """
    out = Path(out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    copy_assets(out / "assets")
    index = out / "index.html"
    manifest = read_manifest(layout)
    frames = read_published(layout)
    if manifest is None or not frames:
        shutil.rmtree(out / "validation", ignore_errors=True)
        index.write_text(render_unpublished(layout.root), encoding="utf-8")
        return index
    site, validations = run_checkpoints(frames, out / "validation", run_name=f"version-{manifest['version']}")
    localise_site(site, out / "assets")
    for v in validations:
        v["href"] = quote(os.path.relpath(v["page"], out)) if v.get("page") else None
    stats = overview_stats(frames)
    page = render_overview(
        stats, validations, manifest, layout.root, os.path.relpath(site / "index.html", out)
    )
    index.write_text(page, encoding="utf-8")
    return index


def read_published(layout: Layout) -> dict[str, pl.DataFrame]:
    """Every published table of the current version (tables without part files are left out)."""
    frames = {}
    for name, _suite in TABLE_SUITES:
        files = published_files(layout, name)
        if files:
            frames[name] = pl.concat([pl.read_parquet(f) for f in files], how="vertical_relaxed")
    return frames


def copy_assets(dest: Path) -> None:
    """Replace ``dest`` with a copy of the vendored assets."""
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(ASSETS, dest, ignore=shutil.ignore_patterns("README.md"))


def _file_context(project_dir: Path):
    """A fresh GE file context under ``project_dir`` (earlier builds are removed: docs show the current version)."""
    import great_expectations as gx

    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    shutil.rmtree(project_dir, ignore_errors=True)
    project_dir.mkdir(parents=True)
    ctx = gx.get_context(mode="file", project_root_dir=str(project_dir))
    ctx.variables.progress_bars = {"globally": False}
    return ctx


def run_checkpoints(
    frames: dict[str, pl.DataFrame], project_dir: Path, run_name: str = "published"
) -> tuple[Path, list[dict]]:
    """Validate each published table with its suite through a Checkpoint that updates the Data Docs.

    Each table gets its own Checkpoint because a dataframe asset takes its frame from the run's
    ``batch_parameters``, which a Checkpoint shares between all its validation definitions.

    Returns:
        The Data Docs site folder, and one summary per validated table (suite, rows,
        evaluated/successful expectations, success, failed expectations, page path).
    """
    import pandas as pd
    from great_expectations.core.run_identifier import RunIdentifier

    gctx = _file_context(project_dir)
    source = gctx.data_sources.add_pandas("akhbar_published")
    articles = frames.get("articles", empty_frame("articles"))
    check_ctx = CheckContext(
        run_started=datetime.now(timezone.utc), bodies=articles.select("article_id", "body")
    )
    summaries = []
    for name, suite in TABLE_SUITES:
        if name not in frames:
            continue
        prepared = prepare(suite, frames[name], check_ctx)
        checkpoint = _add_checkpoint(gctx, source, name, suite, prepared.columns)
        pdf = prepared.to_arrow().to_pandas(types_mapper=pd.ArrowDtype)
        result = checkpoint.run(batch_parameters={"dataframe": pdf}, run_id=RunIdentifier(run_name=run_name))
        summaries.append(_summary(name, suite, prepared, result))
    site = project_dir / _SITE
    for s in summaries:
        pages = sorted((site / "validations" / s["suite"]).rglob("*.html"))
        s["page"] = pages[-1] if pages else None
    return site, summaries


def _add_checkpoint(gctx, source, name: str, suite: Suite, columns: list[str]):
    """Register ``name``'s dataframe asset, suite and validation definition, and its Checkpoint."""
    import great_expectations as gx
    from great_expectations.checkpoint import UpdateDataDocsAction

    batch_def = source.add_dataframe_asset(name=name).add_batch_definition_whole_dataframe("all")
    gx_suite = gctx.suites.add(
        gx.ExpectationSuite(name=suite.name, expectations=build_expectations(suite, columns))
    )
    definition = gctx.validation_definitions.add(
        gx.ValidationDefinition(name=name, data=batch_def, suite=gx_suite)
    )
    return gctx.checkpoints.add(
        gx.Checkpoint(
            name=f"published_{name}",
            validation_definitions=[definition],
            actions=[UpdateDataDocsAction(name="update_data_docs")],
            result_format="SUMMARY",
        )
    )


def _summary(table: str, suite: Suite, prepared: pl.DataFrame, checkpoint_result) -> dict:
    """The outcome of one table's checkpoint; failures carry sample values or failing rows' keys."""
    (result,) = checkpoint_result.run_results.values()
    stats = result.statistics
    return {
        "table": table,
        "suite": result.suite_name,
        "n_rows": prepared.height,
        "success": bool(result.success),
        "evaluated": stats["evaluated_expectations"],
        "successful": stats["successful_expectations"],
        "failed": [asdict(_failure(r, prepared, suite)) for r in result.results if not r.success],
    }


def localise_site(site: Path, assets: Path) -> None:
    """Rewrite every HTML and CSS file of a Data Docs site to load nothing from the network."""
    for path in [*site.rglob("*.html"), *site.rglob("*.css")]:
        rel_assets = os.path.relpath(assets, path.parent)
        rel_static = os.path.relpath(site / "static", path.parent)
        text = path.read_text(encoding="utf-8")
        path.write_text(localise_html(text, rel_assets, rel_static), encoding="utf-8")


def localise_html(text: str, rel_assets: str, rel_static: str) -> str:
    """``text`` with CDN URLs pointing at the vendored assets and other external links disarmed.

    ``rel_assets`` is the vendored assets folder and ``rel_static`` the site's ``static`` folder,
    both relative to the file. References into ``static`` are recomputed too: GE 1.24 writes
    them one level short on validation pages (``../../../static`` from four levels down).
    A ``src``/``href`` to an unknown host is neutralised with a warning (a GE upgrade added
    an asset that needs vendoring) so the page still opens offline.
    """
    for pattern, target in _CDN:
        text = re.sub(pattern + r"(?=[\"'])", lambda m, t=target: f"{rel_assets}/{m.expand(t)}", text)
    text = _GX_WEB_ASSET.sub(f"{rel_static}/images/logo-long.png", text)
    text = re.sub(r"""(?<![\w-])(src|href)=(["'])(?:\.\.?/)*static/""", rf"\1=\2{rel_static}/", text)
    text = re.sub(
        r"""<a\b([^>]*?)(?<![\w-])href=(["'])(https?://)""",
        r"<a\1data-offline-href=\2\3",
        text,
        flags=re.IGNORECASE,
    )
    leftover = _EXTERNAL_ATTR.findall(text)
    if leftover:
        warnings.warn(
            f"Data Docs: {len(leftover)} external src/href/action attributes disarmed", stacklevel=2
        )
        text = _EXTERNAL_ATTR.sub(
            lambda m: f"data-offline-{m.group(1)}={m.group(2)}{m.group(3) or ''}//", text
        )
    return text


# ---------------------------------------------------------------------------------------------
# Overview statistics: small frames computed from the published tables (pure functions).

# At most this many columns in a time chart: ~9 px per column in a 1100 px wide chart, below
# which bars and their hover targets stop being usable; longer spans are bucketed coarser.
MAX_COLUMNS = 120
_PERIODS = (("1d", 1), ("1w", 7), ("1mo", 31), ("1y", 366))
TOP_N = 20  # rows in the "top" tables: one screen at the overview's row height
_UNKNOWN = "(unknown)"


def empty_frame(table: str) -> pl.DataFrame:
    """An empty frame with ``table``'s declared schema."""
    return pl.from_arrow(T.ALL[table].schema.empty_table())


def period_every(days: pl.Series) -> str:
    """The finest period (``1d``, ``1w``, ``1mo``, ``1y``) that spans ``days`` in at most MAX_COLUMNS columns."""
    days = days.drop_nulls()
    if days.is_empty():
        return "1d"
    span = (days.max() - days.min()).days + 1
    return next((every for every, length in _PERIODS if span / length <= MAX_COLUMNS), "1y")


def counts_over_time(frame: pl.DataFrame, day: str, by: str | None = None) -> tuple[pl.DataFrame, str]:
    """Rows per period of the date column ``day`` (and per ``by``), with empty periods filled by 0.

    Returns:
        A frame ``period[, by], n`` sorted by period, and the period length used.
    """
    dated = frame.filter(pl.col(day).is_not_null())
    every = period_every(dated[day])
    keys = ["period", *([by] if by else [])]
    if dated.is_empty():
        return pl.DataFrame(
            schema={"period": pl.Date, **({by: pl.String} if by else {}), "n": pl.UInt32}
        ), every
    counts = dated.group_by(pl.col(day).dt.truncate(every).alias("period"), *([by] if by else [])).len("n")
    periods = (
        pl.date_range(counts["period"].min(), counts["period"].max(), every, eager=True)
        .alias("period")
        .to_frame()
    )
    grid = periods.join(counts.select(by).unique(), how="cross") if by else periods
    out = grid.join(counts, on=keys, how="left").with_columns(pl.col("n").fill_null(0))
    return out.sort(keys), every


def overview_stats(frames: dict[str, pl.DataFrame]) -> dict:
    """Everything the overview page shows, from the published tables (missing tables count as empty)."""
    get = {name: frames.get(name, empty_frame(name)) for name, _s in TABLE_SUITES}
    a = get["articles"]
    canonical = int(a["is_canonical"].sum()) if a.height else 0
    days = a.select(pl.col("published_at").dt.date())["published_at"].drop_nulls()
    per_day, every = counts_over_time(a.select(pl.col("published_at").dt.date().alias("day")), "day")
    events, event_every = event_timeline(get["events"], a)
    return {
        "totals": {
            "articles": a.height,
            "canonical": canonical,
            "duplicate_rate": (1 - canonical / a.height) if a.height else 0.0,
            "undated": int(a["published_at"].null_count()),
            "rejects": get["rejects"].height,
            "mentions": get["entities"].height,
            "entities": get["entity_dim"].height,
            "quotes": get["quotes"].height,
            "events": get["events"].height,
            "undated_events": get["events"].height - int(events["n"].sum()),
            "first_day": days.min(),
            "last_day": days.max(),
        },
        "per_day": per_day,
        "every": every,
        "per_outlet": top_counts(
            a.with_columns(pl.col("outlet").fill_null(_UNKNOWN)),
            "outlet",
            canonical=pl.col("is_canonical").sum(),
        ),
        "rejects": top_counts(get["rejects"], "reason", n=len(T.REJECT_REASONS)),
        "duplicates": a.group_by("dup_kind").len("n").sort("n", descending=True),
        "top_entities": top_entities(get["entity_dim"], get["entities"]),
        "top_speakers": top_counts(
            get["quotes"].filter(pl.col("speaker_name").is_not_null()), "speaker_name"
        ),
        "events": events,
        "event_every": event_every,
        "event_types": top_counts(get["events"], "event_type", n=len(T.PLOVER_TYPES)),
    }


def top_counts(frame: pl.DataFrame, key: str, n: int = TOP_N, **aggs: pl.Expr) -> pl.DataFrame:
    """The ``n`` most frequent values of ``key`` with their row count ``n`` (ties broken by value)."""
    return (
        frame.group_by(key)
        .agg(pl.len().alias("n"), **aggs)
        .sort(["n", key], descending=[True, False])
        .head(n)
    )


def top_entities(dim: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """Most mentioned entities: from entity_dim when published, else aggregated from the mentions."""
    cols = ["canonical_name", "entity_type", "n_mentions", "n_articles"]
    if dim.height:
        return dim.sort(["n_mentions", "entity_id"], descending=[True, False]).head(TOP_N).select(cols)
    agg = mentions.group_by("entity_id").agg(
        pl.col("canonical_name").mode().first(),
        pl.col("entity_type").first(),
        n_mentions=pl.len(),
        n_articles=pl.col("article_id").n_unique(),
    )
    return agg.sort(["n_mentions", "entity_id"], descending=[True, False]).head(TOP_N).select(cols)


def event_timeline(events: pl.DataFrame, articles: pl.DataFrame) -> tuple[pl.DataFrame, str]:
    """Events per period and type, dated by ``event_date``, else by their article's publication day."""
    dated = (
        events.select("article_id", "event_type", "event_date")
        .join(
            articles.select("article_id", pl.col("published_at").dt.date().alias("published_day")),
            on="article_id",
            how="left",
        )
        .select("event_type", pl.coalesce("event_date", "published_day").alias("day"))
    )
    return counts_over_time(dated, "day", by="event_type")


# ---------------------------------------------------------------------------------------------
# HTML rendering: one self-contained page, charts as inline SVG (no script, no network).

_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
# 20 distinguishable colours (Tableau 20 order), enough for the 16 PLOVER types.
PALETTE = tuple(
    "#4e79a7 #f28e2b #e15759 #76b7b2 #59a14f #edc948 #b07aa1 #ff9da7 #9c755f #bab0ac "
    "#1f77b4 #aec7e8 #ff7f0e #ffbb78 #2ca02c #98df8a #d62728 #ff9896 #9467bd #c5b0d5".split()
)
_DUP_COLOURS = {"none": "#4e79a7", "exact": "#e15759", "near": "#f28e2b"}
_DATE_FORMAT = {"1d": "%Y-%m-%d", "1w": "%Y-%m-%d", "1mo": "%Y-%m", "1y": "%Y"}
_EVERY_NAME = {"1d": "day", "1w": "week", "1mo": "month", "1y": "year"}
_CSS = """
body{font-family:"Noto Sans","Noto Sans Arabic","DejaVu Sans",Arial,sans-serif;margin:0;color:#222;background:#fafafa}
header{background:#1f3b57;color:#fff;padding:16px 32px}header a{color:#cfe3ff}
main{padding:8px 32px 32px;max-width:1180px}section{background:#fff;border:1px solid #ddd;border-radius:6px;
padding:12px 20px;margin:16px 0}h1{margin:0;font-size:24px}h2{font-size:18px;margin:4px 0 10px}
.cards{display:flex;flex-wrap:wrap;gap:10px}.card{background:#fff;border:1px solid #ddd;border-radius:6px;
padding:8px 14px;min-width:120px}.card b{display:block;font-size:20px}.card span{color:#666;font-size:12px}
table{border-collapse:collapse;font-size:14px}td,th{padding:3px 10px;border-bottom:1px solid #eee;text-align:start}
td.num,th.num{text-align:end;font-variant-numeric:tabular-nums}.ok{color:#2a7a2a;font-weight:bold}
.fail{color:#b3261e;font-weight:bold}.empty{color:#777;font-style:italic}.legend{font-size:13px}
.legend i{display:inline-block;width:11px;height:11px;margin:0 4px 0 12px;vertical-align:middle}
[dir=rtl]{font-size:15px}.note{color:#666;font-size:12px}svg text{font-size:11px;fill:#444}
"""


def _esc(value) -> str:
    return html.escape("" if value is None else str(value))


def text_cell(value, tag: str = "td") -> str:
    """A table cell; Arabic text gets ``dir="rtl" lang="ar"`` so it is laid out right to left."""
    text = "" if value is None else str(value)
    attrs = ' dir="rtl" lang="ar"' if _ARABIC.search(text) else ""
    return f"<{tag}{attrs}>{_esc(text)}</{tag}>"


def _num(value) -> str:
    return (
        f'<td class="num">{value:,}</td>' if isinstance(value, int) else f'<td class="num">{_esc(value)}</td>'
    )


def bar_table(
    frame: pl.DataFrame,
    label: str,
    value: str = "n",
    headers: dict[str, str] | None = None,
    colour: str = PALETTE[0],
    empty: str = "Nothing published yet.",
) -> str:
    """An HTML table of ``frame`` with a proportional inline-SVG bar for ``value`` on each row."""
    if frame.is_empty():
        return f'<p class="empty">{_esc(empty)}</p>'
    headers = headers or {}
    top = max(int(frame[value].max() or 0), 1)
    cols = frame.columns
    head = "".join(f"<th{' class=num' if c != label else ''}>{_esc(headers.get(c, c))}</th>" for c in cols)
    rows = []
    for row in frame.iter_rows(named=True):
        cells = "".join(text_cell(row[c]) if c == label else _num(row[c]) for c in cols)
        width = round(300 * int(row[value]) / top, 1)
        bar = f'<svg width="300" height="12" role="img"><rect width="{width}" height="12" fill="{colour}"/></svg>'
        rows.append(f"<tr>{cells}<td>{bar}</td></tr>")
    return f"<table><tr>{head}<th></th></tr>{''.join(rows)}</table>"


def svg_columns(
    periods: list,
    series: dict[str, list[int]],
    every: str,
    colours: dict[str, str],
    width: int = 1100,
    height: int = 240,
) -> str:
    """A stacked column chart (one column per period, one stack layer per series) as inline SVG."""
    left, right, bottom, top_pad = 48, 36, 36, 10  # room for tick labels on every side
    plot_w, plot_h = width - left - right, height - bottom - top_pad
    totals = [sum(v[i] for v in series.values()) for i in range(len(periods))]
    peak = max(max(totals, default=0), 1)
    step = plot_w / max(len(periods), 1)
    fmt, parts = _DATE_FORMAT[every], []
    for tick in sorted({0, round(peak / 2), peak}):  # baseline, middle and peak gridlines (counts)
        y = top_pad + plot_h - plot_h * tick / peak
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{tick:,.0f}</text>'
        )
    label_every = max(1, -(-len(periods) // 12))  # at most ~12 date labels fit under the axis
    for i, period in enumerate(periods):
        x, base = left + i * step, top_pad + plot_h
        for name, values in series.items():
            h = plot_h * values[i] / peak
            if values[i]:
                parts.append(
                    f'<rect x="{x + step * 0.1:.1f}" y="{base - h:.1f}" width="{max(step * 0.8, 1):.1f}" '
                    f'height="{h:.1f}" fill="{colours[name]}"><title>{period:{fmt}} {_esc(name)}: '
                    f"{values[i]:,}</title></rect>"
                )
            base -= h
        if i % label_every == 0:
            parts.append(
                f'<text x="{x + step / 2:.1f}" y="{height - bottom + 16}" text-anchor="middle">{period:{fmt}}</text>'
            )
    return f'<svg width="{width}" height="{height}" role="img">{"".join(parts)}</svg>'


def _legend(colours: dict[str, str]) -> str:
    items = "".join(f'<i style="background:{c}"></i>{_esc(name)}' for name, c in colours.items())
    return f'<div class="legend">{items}</div>'


def time_chart(counts: pl.DataFrame, every: str, by: str | None, empty: str) -> str:
    """The stacked column chart of a ``counts_over_time`` frame, with its legend."""
    if counts.is_empty():
        return f'<p class="empty">{_esc(empty)}</p>'
    periods = counts["period"].unique().sort().to_list()
    if by is None:
        series = {"articles": counts.sort("period")["n"].to_list()}
    else:
        names = (
            counts.group_by(by).agg(pl.col("n").sum()).sort(["n", by], descending=[True, False])[by].to_list()
        )
        series = {name: counts.filter(pl.col(by) == name).sort("period")["n"].to_list() for name in names}
    colours = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(series)}
    note = f'<p class="note">one column per {_EVERY_NAME[every]}; hover a column for its count</p>'
    return svg_columns(periods, series, every, colours) + (_legend(colours) if by else "") + note


def duplicate_bar(duplicates: pl.DataFrame, width: int = 800) -> str:
    """One horizontal stacked bar: canonical rows (dup_kind none), exact and near duplicates."""
    total = int(duplicates["n"].sum()) if duplicates.height else 0
    if not total:
        return '<p class="empty">No articles published yet.</p>'
    counts = dict(duplicates.iter_rows())
    x, rects = 0.0, []
    for kind, colour in _DUP_COLOURS.items():
        w = width * counts.get(kind, 0) / total
        rects.append(
            f'<rect x="{x:.1f}" width="{w:.1f}" height="22" fill="{colour}"><title>{kind}: '
            f"{counts.get(kind, 0):,}</title></rect>"
        )
        x += w
    legend = "".join(
        f'<i style="background:{c}"></i>{k}: {counts.get(k, 0):,} ({counts.get(k, 0) / total:.1%})'
        for k, c in _DUP_COLOURS.items()
    )
    return f'<svg width="{width}" height="22" role="img">{"".join(rects)}</svg><div class="legend">{legend}</div>'


def validation_table(validations: list[dict]) -> str:
    """One row per validated table: status, rows, expectations met, failures, link to its Data Docs page."""
    rows = []
    for v in validations:
        status = '<span class="ok">passed</span>' if v["success"] else '<span class="fail">FAILED</span>'
        failed = "<br>".join(_failure_text(f) for f in v["failed"])
        link = f'<a href="{_esc(v["href"])}">{_esc(v["suite"])}</a>' if v.get("href") else _esc(v["suite"])
        rows.append(
            f"<tr><td>{_esc(v['table'])}</td><td>{link}</td><td>{status}</td>{_num(v['n_rows'])}"
            f'<td class="num">{v["successful"]} / {v["evaluated"]}</td><td>{failed}</td></tr>'
        )
    head = (
        '<tr><th>table</th><th>suite</th><th>status</th><th class="num">rows</th>'
        '<th class="num">expectations met</th><th>failed expectations</th></tr>'
    )
    return f"<table>{head}{''.join(rows)}</table>"


def _failure_text(failure: dict) -> str:
    """A failed expectation as HTML: type, column, unexpected count, a few samples (failing rows' keys)."""
    count = failure.get("unexpected_count")
    head = f"{failure['expectation']}({failure.get('column') or ''})" + (f": {count:,} rows" if count else "")
    sample = "; ".join(str(s) for s in failure.get("sample") or [])
    return _esc(head) + (f'<br><span class="note">e.g. {_esc(sample)}</span>' if sample else "")


def _cards(totals: dict) -> str:
    span = f"{totals['first_day']} → {totals['last_day']}" if totals["first_day"] else "no dates"
    cards = [
        ("articles", f"{totals['articles']:,}"),
        ("canonical articles", f"{totals['canonical']:,}"),
        ("duplicate rate", f"{totals['duplicate_rate']:.1%}"),
        ("rejected inputs", f"{totals['rejects']:,}"),
        ("entity mentions", f"{totals['mentions']:,}"),
        ("entities", f"{totals['entities']:,}"),
        ("quotes", f"{totals['quotes']:,}"),
        ("events", f"{totals['events']:,}"),
        ("publication dates", span),
        ("articles without date", f"{totals['undated']:,}"),
    ]
    return (
        '<div class="cards">'
        + "".join(f'<div class="card"><b>{_esc(v)}</b><span>{_esc(k)}</span></div>' for k, v in cards)
        + "</div>"
    )


def _page(title: str, header: str, body: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{_esc(title)}</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_CSS}</style></head>'
        f"<body><header>{header}</header><main>{body}</main></body></html>\n"
    )


def render_unpublished(root: Path) -> str:
    """The overview page of a data directory where nothing is published yet."""
    body = (
        f"<section><h2>Nothing is published yet</h2><p>The data directory <code>{_esc(root)}</code> has no "
        "published version, so there is nothing to validate or chart. Run the pipeline "
        "(<code>akhbar run --input DIR</code>), then <code>akhbar docs</code> again.</p></section>"
    )
    return _page("akhbar dataset overview", "<h1>akhbar dataset overview</h1>", body)


def render_overview(stats: dict, validations: list[dict], manifest: dict, root: Path, docs_href: str) -> str:
    """The dataset overview page: totals, validation outcome, and the charts of ``overview_stats``."""
    t = stats["totals"]
    sections = [
        ("Totals", _cards(t)),
        (
            "Validation of the published tables",
            validation_table(validations)
            + f'<p>Full results, expectation by expectation: <a href="{_esc(docs_href)}">Data Docs</a>.</p>',
        ),
        (
            "Articles per publication date",
            time_chart(stats["per_day"], stats["every"], None, "No dated articles."),
        ),
        (
            "Articles per outlet",
            bar_table(stats["per_outlet"], "outlet", headers={"n": "articles", "canonical": "canonical"}),
        ),
        ("Duplicates", duplicate_bar(stats["duplicates"])),
        (
            "Rejected inputs by reason",
            bar_table(
                stats["rejects"],
                "reason",
                headers={"n": "inputs"},
                colour=PALETTE[2],
                empty="No rejected inputs.",
            ),
        ),
        (
            "Top entities",
            bar_table(
                stats["top_entities"],
                "canonical_name",
                value="n_mentions",
                headers={
                    "canonical_name": "entity",
                    "entity_type": "type",
                    "n_mentions": "mentions",
                    "n_articles": "articles",
                },
                colour=PALETTE[4],
                empty="No entities yet.",
            ),
        ),
        (
            "Top quoted speakers",
            bar_table(
                stats["top_speakers"],
                "speaker_name",
                headers={"speaker_name": "speaker", "n": "quotes"},
                colour=PALETTE[6],
                empty="No attributed quotes yet.",
            ),
        ),
        (
            "Event timeline (events per date and PLOVER type)",
            time_chart(stats["events"], stats["event_every"], "event_type", "No dated events yet.")
            + f"<p class=\"note\">dated by the event's resolved date, else by its article's publication date; "
            f"events with neither, not shown: {t['undated_events']:,}</p>",
        ),
    ]
    body = "".join(f"<section><h2>{_esc(title)}</h2>{content}</section>" for title, content in sections)
    return _page("akhbar dataset overview", _header(manifest, root, docs_href), body)


def _header(manifest: dict, root: Path, docs_href: str) -> str:
    return (
        f"<h1>akhbar dataset overview</h1><div>data directory <code>{_esc(root)}</code> · version "
        f"{_esc(manifest.get('version'))} · run {_esc(manifest.get('run_id'))} · published "
        f'{_esc(manifest.get("created_at"))} · <a href="{_esc(docs_href)}">Great Expectations Data Docs</a></div>'
    )
