"""Layouts other than the five samples: SaudiNewsNet articles wrapped in synthetic chrome of
several Arabic site families, as text dumps; the body must come back unchanged."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from akhbar.tasks.clean import clean_batch

EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def gulf_wordpress(a: dict) -> tuple[str, datetime, str]:
    """Nav menu, breadcrumb, icon row, share bar, related links, tags, comment form, footer."""
    date = "12 أغسطس 2015, 10:30 م"
    page = [
        "الرئيسية", "محليات", "اقتصاد", "رياضة", "تواصل معنا",
        "الرئيسية » أخبار » محليات", a["title"], "profile", f"  • clock {date}", "  • eye 1,204",
        "شارك", "فيسبوك", "تويتر", "واتساب", "",
        *[ln + "\n" for ln in a["lines"]],
        "اقرأ أيضاً: وزير الصحة يفتتح مستشفى جديدا في جدة", "الوسوم: السعودية، الرياض",
        "اترك تعليقاً", "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *",
        "جميع الحقوق محفوظة © 2015 صحيفة الخبر",
    ]
    return "\n".join(page), datetime(2015, 8, 12, 22, 30, tzinfo=timezone.utc), date


def levant_news(a: dict) -> tuple[str, datetime, str]:
    """Cookie banner, Eastern digits and a Levantine month, a byline, an ad marker mid-body,
    related stories and a comment counter."""
    date = "تاريخ النشر: 21 تموز 2015 - 09:15 ص".translate(EASTERN)
    mid = len(a["lines"]) // 2
    body = a["lines"][:mid] + ["إعلان"] + a["lines"][mid:]
    page = [
        "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا. بمتابعة التصفح فإنك توافق على ذلك.",
        "أخبار عربية", a["title"], date, "بقلم: سارة أحمد العلي", "Shutterstock",
        *body, "(تستمر)",
        "مواضيع ذات صلة", "ارتفاع أسعار النفط في الأسواق العالمية",
        "البنك المركزي يرفع سعر الفائدة", "التعليقات (3)", "أضف تعليق",
    ]
    return "\n".join(page), datetime(2015, 7, 21, 9, 15, tzinfo=timezone.utc), date.split(": ")[1]


def maghreb_portal(a: dict) -> tuple[str, datetime, str]:
    """Short headline then the full one, Maghrebi month, Latin share icons, credit line,
    newsletter box, 'most read' footer."""
    short = " ".join(a["title"].split()[:3])
    date = "الخميس 23 جويلية 2015 - 18:05"
    page = [
        short, "سياسة", a["title"], date, "Facebook", "Twitter", "WhatsApp",
        *a["lines"], "(و م ع)", "اشترك في النشرة البريدية لتصلك آخر الأخبار",
        "الأكثر قراءة", "فوز المنتخب الوطني على نظيره التونسي في مباراة ودية",
    ]
    return "\n".join(page), datetime(2015, 7, 23, 18, 5, tzinfo=timezone.utc), "23 جويلية 2015 - 18:05"


LAYOUTS = [gulf_wordpress, levant_news, maghreb_portal]


@pytest.mark.parametrize("layout", LAYOUTS, ids=[f.__name__ for f in LAYOUTS])
def test_body_title_date_recovered(articles, layout, make_raw):
    pages = [layout(a) for a in articles]
    out, rejects = clean_batch(make_raw([p[0] for p in pages]))
    assert rejects.height == 0
    for row, a, (_, published, published_text) in zip(out.to_dicts(), articles, pages):
        assert row["body"] == a["body"]
        assert row["title"] == a["title"]
        assert row["published_at"] == published
        assert row["published_text"] == published_text


def test_byline_read_from_header(articles, make_raw):
    out, _ = clean_batch(make_raw([levant_news(a)[0] for a in articles[:2]]))
    assert out["authors"].to_list() == [["سارة أحمد العلي"]] * 2


def test_date_in_body_is_not_publication_date(articles, make_raw):
    a = articles[0]
    lines = [*a["lines"][:-1], "وكان الاجتماع الأول قد عقد في 3 مارس 2014 في الرياض بحضور الوزراء.",
             a["lines"][-1]]
    out, _ = clean_batch(make_raw(["\n".join([a["title"], *lines])]))
    assert out["published_at"].to_list() == [None]


def test_footer_comments_are_not_body(articles, make_raw):
    a = articles[1]
    comment = "أتفق مع الكاتب تماما في كل ما ذهب إليه وأرى أن على الجهات المختصة التحرك سريعا."
    page = "\n".join([a["title"], *a["lines"], "التعليقات (2)", comment, comment.replace("أتفق", "لا أتفق")])
    out, _ = clean_batch(make_raw([page]))
    assert out["body"].to_list() == [a["body"]]


def test_short_and_foreign_pages_rejected(articles, make_raw):
    caption = "طفلة تلهو بين فكي ديناصور خلال افتتاح حديقة للديناصورات في مدينة مينسك. أ ف ب"
    english = "\n".join(["Putin meets Biden", "The two leaders will discuss security guarantees "
                         "in Europe during a video call on Tuesday, the Kremlin said."] * 3)
    out, rejects = clean_batch(make_raw([caption, english, "اترك تعليقاً\nجميع الحقوق محفوظة ©"]))
    assert out.height == 0
    assert dict(zip(rejects["source_uri"], rejects["reason"])) == {
        "page_000": "too_short", "page_001": "not_arabic", "page_002": "no_text"}


def test_update_stamp_is_not_publication(articles, make_raw):
    a = articles[2]
    page = "\n".join([a["title"], "آخر تحديث: 14 يناير 2022 - 10:00 ص",
                      "نشر في: 11 يناير 2022", *a["lines"]])
    out, _ = clean_batch(make_raw([page]))
    assert out["published_text"].to_list() == ["11 يناير 2022"]


def test_relative_stamp_gives_no_date(articles, make_raw):
    a = articles[3]
    out, _ = clean_batch(make_raw(["\n".join([a["title"], "منذ 3 ساعات", *a["lines"]])]))
    assert out["published_at"].to_list() == [None] and out["published_text"].to_list() == [None]


def test_columnist_signature_is_author_not_body(articles, make_raw):
    a = articles[4]
    out, _ = clean_batch(make_raw(["\n".join([a["title"], *a["lines"], "عبدالله بن محمد الشهري"])]))
    row = out.to_dicts()[0]
    assert row["authors"] == ["عبدالله بن محمد الشهري"] and row["body"] == a["body"]


def test_footer_stamp_used_when_header_has_none(articles, make_raw):
    a = articles[5]
    page = "\n".join([a["title"], *a["lines"], "نشر بتاريخ 5/8/2015", "جميع الحقوق محفوظة ©"])
    out, _ = clean_batch(make_raw([page]))
    assert out["published_at"].to_list() == [datetime(2015, 8, 5, tzinfo=timezone.utc)]
    assert out["body"].to_list() == [a["body"]]


def test_deterministic(articles, make_raw):
    raw = make_raw([gulf_wordpress(a)[0] for a in articles[:5]])
    first, second = clean_batch(raw), clean_batch(raw)
    assert first[0].equals(second[0]) and first[1].equals(second[1])
