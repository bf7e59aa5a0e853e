"""Agencies, bylines and outlet self-names; the boilerplate lexicon on lines it must and must
not drop."""

from __future__ import annotations

import pytest

from akhbar.tasks.clean import boilerplate as bp
from akhbar.tasks.clean.authors import authors_from_field, byline_names, is_person_name
from akhbar.tasks.clean.metadata import (agencies_in_credit, dateline_of, is_credit_line,
                                          outlet_from_dateline, outlet_from_self_description)


@pytest.mark.parametrize("credit, agencies", [
    ("(د ب أ)", ["وكالة الأنباء الألمانية"]),
    ("لندن - (أ.ف.ب):", ["وكالة فرانس برس"]),
    ("واشنطن : (رويترز)", ["رويترز"]),
    ("الرياض - واس", ["وكالة الأنباء السعودية"]),
    ("القاهرة - أ ش أ", ["وكالة أنباء الشرق الأوسط"]),
    ("باريس ــ الفرنسية:", ["وكالة فرانس برس"]),
    ("(أ ف ب، رويترز)", ["رويترز", "وكالة فرانس برس"]),
    ("الوئام - الاناضول", ["الأناضول"]),
    ("عكاظ (جدة)", []),
    ("لندن: رنيم حنوش", []),
    ("قنا - أ ش أ", ["وكالة أنباء الشرق الأوسط"]),
    ("الدوحة - قنا", ["وكالة الأنباء القطرية"]),
])
def test_agencies_canonical_sorted(credit, agencies):
    assert agencies_in_credit(credit) == agencies


def test_credit_lines_vs_sentences():
    assert is_credit_line("(د ب أ)") and is_credit_line("رويترز") and is_credit_line("- واس -")
    assert is_credit_line("المصدر: رويترز") and is_credit_line("(وكالات)")
    assert agencies_in_credit("المصدر: رويترز") == ["رويترز"]
    assert not is_credit_line("وعلمت وكالة الأنباء الألمانية أن المناقشات شملت معلومات أمريكية")
    assert not is_credit_line("موسكو")


@pytest.mark.parametrize("field, names", [
    ("لندن: رنيم حنوش", ["رنيم حنوش"]),
    ("لندن: «الشرق الأوسط أونلاين»", []),
    ("«الاقتصادية» من الرياض", []),
    ("أبها - عبدالله الهاجري:", ["عبدالله الهاجري"]),
    ("فهد السبيعي - الرياض", ["فهد السبيعي"]),
    ("الرياض - واس", []),
    ("أغسطس 6, 2015, 11:25 ص", []),
    ("جورجينا روي , ترجمة - محمد الضبع", ["جورجينا روي", "محمد الضبع"]),
    (None, []),
])
def test_authors_from_json_field(field, names):
    assert authors_from_field(field) == names


def test_bylines():
    assert byline_names("كتب – محمد صفوت:") == ["محمد صفوت"]
    assert byline_names("بقلم: سارة أحمد العلي") == ["سارة أحمد العلي"]
    assert byline_names("كتب الرئيس الروسي رسالة إلى نظيره الأمريكي يطالب فيها بضمانات") == []
    assert not is_person_name("أخبار العالم") and not is_person_name("الدفاع")


def test_dateline_outlet_and_self_description():
    para = "( أردو بوینت نتورك ۔ / سبوتنيك - 24 كانون الثاني 2022ء) أعلن المتحدث"
    dateline = dateline_of(para)
    assert outlet_from_dateline(dateline) == "أردو بوینت نتورك"
    assert outlet_from_dateline("موسكو - أ ف ب") is None
    line = "ينشر موقع الخبر اليوم مقالات من مصادر متنوعة. الآراء الواردة ليست بالضرورة آراء الخبر اليوم."
    assert outlet_from_self_description(line) == "الخبر اليوم"


@pytest.mark.parametrize("line", [
    "التعليقات (12)", "اترك تعليقاً", "أضف تعليق", "SHARE:", "شارك", "Spread the love",
    "حصة هذه المادة:", "الوسوم: روسيا، الناتو", "مواضيع ذات صلة", "أخبار ذات صلة",
    "جميع الحقوق محفوظة © 2022", "وصــل حديــثا", "الأكثر قراءة", "رابط مختصر",
])
def test_stop_widgets(line):
    assert bp.is_stop(line) and bp.is_chrome(line)


@pytest.mark.parametrize("line", [
    "إعلان", "(تستمر)", "• eye 463", "profile", "Slide 01", "3 / 12", "اقرأ أيضاً: بوتين يلتقي بايدن",
    "تم النشر", "تواصل معنا", "الرئيسية » أخبار » العالم", "نستخدم ملفات تعريف الارتباط لتحسين تجربتك",
    "عدد المشاهدات: 1,204", "اشترك في النشرة البريدية", "فيسبوك", "طباعة",
    "يستخدم هذا الموقع ملفات تعريف الارتباط (الكوكيز). بمتابعة التصفح فإنك توافق على ذلك.",
])
def test_chrome_lines(line):
    assert bp.is_chrome(line)


@pytest.mark.parametrize("line", [
    "أعلام تلوح خارج مقر الحلف ، في بروكسل ، 21 أكتوبر / تشرين الأول 2021. رويترز / باسكال روسينول / File Photo",
    "(تصوير: سامي الغامدي)", "تصوير: المركز الإعلامي", "الرئيس الروسي فلاديمير بوتين (أرشيفية)",
])
def test_captions(line):
    assert bp.is_caption(line)


@pytest.mark.parametrize("line", [
    "وكان بايدن وبوتين قد عقدا أول اجتماع بينهما خلال قمة عقدت بجنيف في حزيران/ يونيو.",
    "الناتو يحذر من مخاطر نشوب صراع في أوروبا",
    "وقال المتحدث إن الحلف سيتابع التعليقات التي صدرت عن موسكو بشأن الضمانات.",
    "وأضاف:", "يوم الأربعاء",
    "قالت رويترز / إن الحكومة تدرس خطة جديدة لزيادة الدعم المالي للمزارعين في المناطق الريفية.",
    "وحل بوش -الذي جاء ثانياً في استطلاع أجرته مؤخرا رويترز/ابسوس- بالمركز السابع في تغريدات تويتر.",
    "فيسبوك يقول إن لديه الآن 1.5 مليار مستخدم شهرياً",
    "* X - Men: Days of Future(**)",
    "اشترك أكثر من 500 متسابق في المسابقة التي نظمتها الجمعية في الرياض أمس.",
    "وقالت الشركة إنها ستعدل سياسة الخصوصية الخاصة بها الشهر المقبل بعد انتقادات واسعة.",
])
def test_prose_is_not_chrome(line):
    assert not bp.is_chrome(line) and not bp.is_caption(line) and not bp.is_stop(line)


def test_code_blocks_stripped_but_brace_quotes_kept():
    text = "نص عربي. #vote ul { padding: 0; margin: 0; } خاص بـ{الشرق الأوسط}"
    out = bp.strip_code(text)
    assert "padding" not in out and "{الشرق الأوسط}" in out
    thumb = "الأخضر يستعد http://www.x.com/files/2015/B60U8570.JPG?itok=usQnpLLK أجرى المنتخب"
    assert bp.strip_code(thumb).split() == ["الأخضر", "يستعد", "أجرى", "المنتخب"]
    assert "www.gdp.gov.sa" in bp.strip_code("يمكن زيارة موقع المديرية http://www.gdp.gov.sa للمزيد")


def test_name_ali_is_not_the_preposition_ala():
    from akhbar.tasks.clean.authors import authors_from_field

    assert authors_from_field("محمد علي، سارة المطيري") == ["محمد علي", "سارة المطيري"]
    assert authors_from_field("الرياض - واس") == []
