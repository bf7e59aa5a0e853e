"""Trigger lexicon and context rules."""

from __future__ import annotations

from akhbar.tasks.annotate.events.lexicon import fold
from akhbar.tasks.annotate.events.triggers import find_triggers, tokenize


def _types(text: str) -> list[tuple[str, str]]:
    tokens = tokenize(fold(text))
    return [(text[t.start:t.end], t.sense.event_type) for t in find_triggers(tokens, text)]


def test_clitics_are_stripped_from_the_span_but_the_article_is_kept():
    assert _types("وتتهم كييف موسكو") == [("تتهم", "ACCUSE")]
    assert _types("وجرى خلال الاجتماع استعراض") == [("الاجتماع", "CONSULT")]
    assert _types("سيزور موسكو") == [("يزور", "CONSULT")]


def test_conditions_on_following_words():
    assert _types("دعا الحلف إلى إنهاء توسعه") == [("دعا", "REQUEST")]
    assert _types("دعا الله أن يحفظه") == []  # دعا without إلى is a prayer, not a request
    assert _types("تستطيع نشر قوات حيثما تشاء")[0][1] == "MOBILIZE"
    assert _types("نشرت الصحيفة مقالا") == []
    assert _types("حذر من عواقب وخيمة") == [("حذر", "THREATEN")]
    assert _types("حذر من ارتفاع الحرارة") == []  # a warning is a statement


def test_denials_of_accusations_are_not_rejections():
    assert _types("وترفض روسيا هذه الاتهامات") == []


def test_assault_only_when_it_happened():
    assert _types("تستعد لغزو أوكرانيا") == []
    # the attack is only prepared; v6: the preparations themselves are a build-up (MOBILIZE)
    assert _types("استعدادات لهجوم محتمل على أوكرانيا") == [("استعدادات", "MOBILIZE")]
    assert _types("هدد التنظيم أمس الأربعاء بإعدام كرواتي") == [("هدد", "THREATEN")]
    assert _types("قتل شرطي في هجوم مسلح") == [("هجوم", "ASSAULT")]


def test_joint_exercises_are_cooperation():
    assert _types("ستجري مناورات عسكرية مشتركة مع بيلاروسيا") == [("مناورات", "COOPERATE")]
    assert _types("أجرت روسيا مناورات عسكرية") == [("مناورات", "MOBILIZE")]


def test_nouns_are_not_read_as_verbs():
    assert _types("وزارة الخارجية") == []  # not و+زار+ة
    assert _types("خطف بأيدي مقاتلين")[-1][1] != "SUPPORT"  # أيدي (hands), not أيد (supported)


def test_postponed_meetings_fighting_and_passive_talks():
    assert _types("تم تأجيل زيارة الوزير") == [("تأجيل", "SANCTION"), ("زيارة", "CONSULT")]
    assert _types("تأجيل الامتحانات") == []
    assert _types("شن طيران التحالف غارات جوية") == [("غارات", "ASSAULT")]
    assert _types("وأفاد أنه جرى بحث موضوع القضية") == [("بحث", "CONSULT")]
    assert _types("بحث الطالب عن كتاب") == []


def test_sport_pages_are_not_events_but_political_idioms_are():
    assert _types("يستعد الفريق للقاء النصر في الجولة الأولى من الدوري") == []  # لقاء = a match
    assert _types("وأشاد المدرب بأداء اللاعبين") == []
    assert _types("التقى الوزير نظيره الروسي وقال إن الكرة في ملعب موسكو") == [("التقى", "CONSULT")]
    assert _types("قصفت طائرات تركية أهداف حزب العمال الكردستاني") == [("قصفت", "ASSAULT")]
