"""HTML pages through trafilatura: SaudiNewsNet articles in two page templates; metadata from
meta tags or from the visible header; the body normalised like a dump; no network access."""

from __future__ import annotations

import html as H
import socket
from datetime import datetime, timezone

import pytest

from akhbar.tasks.clean import clean_batch
from akhbar.tasks.clean.html import host_of, parse_html, visible_text


def wordpress_page(a: dict) -> str:
    """Meta tags (og:site_name, article:published_time, author), nav, share bar, tags, related
    links, comment form, footer and cookie banner around <article>."""
    paras = "".join(f"<p>{H.escape(ln)}</p>\n" for ln in a["lines"])
    t = H.escape(a["title"])
    return f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{t} | صحيفة الخبر</title><script>var x = {{a: 1}};</script>
<meta property="og:site_name" content="صحيفة الخبر"><meta property="og:title" content="{t}">
<meta property="article:published_time" content="2015-08-01T14:05:00+03:00">
<meta name="author" content="سارة أحمد العلي"></head><body>
<header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/l">محليات</a></li></ul></nav>
<div class="breadcrumb"><a href="/">الرئيسية</a> » <a href="/n">أخبار</a> » <a>محليات</a></div></header>
<main><article><h1>{t}</h1><div class="meta"><span>1 أغسطس 2015</span> <span>1,204 مشاهدة</span></div>
<div class="share"><a>فيسبوك</a> <a>تويتر</a> <a>واتساب</a></div>
<div class="entry-content">{paras}<div class="ad">إعلان</div></div>
<div class="tags">الوسوم: <a>السعودية</a> <a>الرياض</a></div></article>
<aside class="related"><h3>مواضيع ذات صلة</h3><ul><li><a href="/1">ارتفاع أسعار النفط في الأسواق العالمية</a></li></ul></aside>
<section id="comments"><h3>اترك تعليقاً</h3><p>لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *</p>
<form><textarea></textarea></form></section></main>
<footer><p>جميع الحقوق محفوظة © 2015 صحيفة الخبر</p></footer>
<div class="cookie">نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا.</div></body></html>"""


def legacy_page(a: dict) -> str:
    """No meta tags, div soup, the date in a header div with Eastern digits and a Levantine
    month, a credit line after the text, invisible characters inside the text."""
    paras = "".join(f"<div class='para'>\u200f{H.escape(ln)}&nbsp;</div>\n" for ln in a["lines"])
    t = H.escape(a["title"])
    return f"""<html><head><title>{t}</title><style>.para {{ color: red; }}</style></head><body>
<div id="menu"><a>الرئيسية</a> | <a>عربي ودولي</a> | <a>اقتصاد</a></div>
<div id="content"><h2>{t}</h2><div class="info">تاريخ النشر: ٢١ تموز ٢٠١٥ - ٠٩:١٥ ص</div>
<div class="text">{paras}</div><div>(و م ع)</div><div class="share">SHARE: <a>Facebook</a></div></div>
<div id="footer">وصــل حديــثا<ul><li>خبر آخر عن الطقس في المنطقة الشرقية</li></ul></div></body></html>"""


@pytest.fixture
def no_network(monkeypatch):
    """Fail the test on any attempt to open a connection."""
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_wordpress_html(articles, make_raw, no_network):
    out, rejects = clean_batch(make_raw([wordpress_page(a) for a in articles], fmt="html"))
    assert rejects.height == 0
    for row, a in zip(out.to_dicts(), articles):
        assert row["body"] == a["body"]
        assert row["title"] == a["title"]
        assert row["outlet"] == "صحيفة الخبر"
        assert row["authors"] == ["سارة أحمد العلي"]
        # Wall time as printed in the page's meta tag (schema: wall time stored as UTC).
        assert row["published_at"] == datetime(2015, 8, 1, 14, 5, tzinfo=timezone.utc)


def test_legacy_html_header_metadata(articles, make_raw, no_network):
    out, _ = clean_batch(make_raw([legacy_page(a) for a in articles[:4]], fmt="html"))
    for row, a in zip(out.to_dicts(), articles):
        assert row["body"] == a["body"]  # invisible marks and NBSP normalised away
        assert row["title"] == a["title"]
        assert row["published_text"] == "٢١ تموز ٢٠١٥ - ٠٩:١٥ ص"
        assert row["published_at"] == datetime(2015, 7, 21, 9, 15, tzinfo=timezone.utc)
        assert row["agencies"] == ["وكالة المغرب العربي للأنباء"]
        assert row["outlet"] is None  # the page never names itself: no guess


def test_outlet_falls_back_to_url_host(articles):
    page = legacy_page(articles[0])
    assert parse_html(page, url="https://www.example-news.com/a/1").outlet == "example-news.com"
    assert host_of(None) is None


def test_visible_text_one_block_per_line():
    text = visible_text("<div><p>سطر أول</p><script>x()</script><p>سطر <a>ثان</a></p></div>")
    assert [ln.strip() for ln in text.split("\n") if ln.strip()] == ["سطر أول", "سطر ثان"]


def test_empty_or_broken_html_is_rejected(make_raw):
    out, rejects = clean_batch(make_raw(["", "<html><body><nav>الرئيسية</nav></body></html>"], fmt="html"))
    assert out.height == 0 and set(rejects["reason"]) == {"no_text"}


def test_fragment_without_main_text_falls_back_to_visible_text(articles):
    a = articles[0]
    fragment = "<div>" + "".join(f"<div>{H.escape(ln)}</div>" for ln in [a["title"], *a["lines"]]) + "</div>"
    parsed = parse_html(fragment)
    assert parsed.title == a["title"] and parsed.body.replace("\n\n", "\n") == "\n".join(a["lines"])
