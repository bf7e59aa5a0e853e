"""Build benchmarks/events/handset.jsonl: hand-annotated event mentions (gold).

Gold was written by reading each article, before the rules were tuned on it. Each event is
given as (context, trigger, type, date, factuality, story): ``context`` is a unique
substring of the body that contains ``trigger``; the script turns it into offsets and
fails if the context is missing or ambiguous. Annotation guidelines are in RESULTS.md.

Bodies are ``final_text`` of the sample pages (whole page, boilerplate included, as a crude
cleaner would leave it) and of SaudiNewsNet ``text``; ``published_at`` is the SaudiNewsNet
``published`` field, or the date printed on a sample page (null when the page has none).

Run: .venv/bin/python benchmarks/events/make_handset.py
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from akhbar.tasks.text import final_text

ROOT = Path(__file__).resolve().parents[2]
SNN = Path("/work/shared/corpora/saudinewsnet")
OUT = Path(__file__).with_name("handset.jsonl")
C, R, Q, T, A, J, M, S, G, SU, P, CO, AS, AI = ("CONSULT", "REJECT", "REQUEST", "THREATEN", "ACCUSE", "AGREE",
                                                 "MOBILIZE", "SANCTION", "AGREE", "SUPPORT", "PROTEST",
                                                 "COOPERATE", "ASSAULT", "AID")
asr, pln, alg, den, hyp = "asserted", "planned", "alleged", "denied", "hypothetical"

SAMPLES = {
    "000_972afbc02aa55bf3": ("2021-12-07T09:21:37", [
        ("في اجتماعه مع بايدن", "اجتماعه", C, None, pln, "video_1207"),
        ("عندما يلتقي مع", "يلتقي", C, "2021-12-07", pln, "video_1207"),
        ("أثناء الاجتماع المقرر", "الاجتماع", C, None, pln, "video_1207"),
        ("قد دعا الحلف", "دعا", Q, None, asr, None),
        ("وطلب الحصول", "طلب", Q, None, asr, None),
        ("ستكون مستعدة أيضا", "مستعدة", G, None, asr, None),
        ("أن يبدأ اجتماع الفيديو", "اجتماع", C, "2021-12-07", pln, "video_1207"),
        ("قد عقدا أول اجتماع", "اجتماع", C, "2021-06-01", asr, "geneva_2106"),
        ("الرئيسي للمناقشات", "مناقشات", C, None, pln, "video_1207"),
        ("حيث تتهم الولايات", "تتهم", A, None, asr, None),
        ("بحشد القوات على", "حشد", M, None, alg, "buildup"),
        ("وتدعم روسيا بالفعل", "تدعم", SU, None, asr, None),
        ("في اجتماع افتراضي غير", "اجتماع", C, "2021-12-06", asr, "chiefs_1206"),
        ("عن تفاصيل المناقشات", "المناقشات", C, None, asr, "chiefs_1206"),
        ("قامت باستعدادات لهجوم", "استعدادات", M, None, alg, "buildup"),
        ("إلى “لقاء رؤساء", "لقاء", C, None, asr, "chiefs_1206"),
        ("تبادل رؤساء الأركان المعلومات", "تبادل", CO, None, asr, None),
        ("الهدف من الاجتماع", "الاجتماع", C, None, asr, "chiefs_1206"),
        ("بحث رؤساء الأركان العامة للدول الثلاثين الأعضاء في حلف الناتو تحركات القوات", "تحركات", M, None, asr,
         "buildup"),
    ]),
    "001_cc63c5169a8e1f91": ("2022-01-13T00:00:00", [
        ("التهديدات المتبادلة .. ماذا جرى في محادثات الناتو وروسيا بشأن الأزمة الأوكرانية؟\n\nنور", "محادثات", C,
         None, asr, "nrc_0112"),
        ("التهديدات المتبادلة .. ماذا جرى في محادثات الناتو وروسيا بشأن الأزمة الأوكرانية؟\n\nنور", "التهديدات", T,
         None, asr, "nato_russia_threats"),
        ("آخر تحديث : منذ أسبوعين\nالتهديدات المتبادلة .. ماذا جرى في محادثات", "محادثات", C, None, asr, "nrc_0112"),
        ("آخر تحديث : منذ أسبوعين\nالتهديدات المتبادلة", "التهديدات", T, None, asr, "nato_russia_threats"),
        ("عقد اجتماع بين الناتو", "اجتماع", C, None, asr, "nrc_0112"),
        ("والتي جمعت حوالي", "جمعت", M, None, asr, "buildup"),
        ("اللتان ترفضان إغلاق", "ترفضان", R, None, asr, None),
        ("وتطالب روسيا التي", "تطالب", Q, None, asr, None),
        ("التي تحشد قواتها", "تحشد", M, None, asr, "buildup"),
        ("عقب المحادثات التي جرت", "المحادثات", C, None, asr, "nrc_0112"),
        ("أعلن عدم استعداده للاتفاق", "عدم استعداده", R, None, asr, None),
        ("رغبتهم في الدخول", "رغبتهم", G, None, asr, None),
        ("” نرحب على الأقل", "نرحب", SU, None, asr, None),
        ("إلى نشر قوات إضافية", "نشر", M, None, hyp, None),
        ("قلقه من التعزيزات العسكرية", "التعزيزات", M, None, asr, "buildup"),
        ("علقت روسيا على المحادثات", "المحادثات", C, None, asr, "nrc_0112"),
        ("واتهم حلف شمال الأطلسي", "اتهم", A, None, asr, None),
        ("أنها عرضت على التحالف", "عرضت", G, None, asr, None),
        ("محذراً من أن تدهور", "محذراً", T, None, asr, None),
        ("الجانبين توصلا إلى اتفاق", "توصلا", G, None, den, None),
    ]),
    "002_b0e30f7200a0ed57": (None, [
        ("بايدن يتحدث مع بوتين\nالأخبار", "يتحدث", C, None, pln, "call_1230"),
        ("بايدن يتحدث مع بوتين وسط", "يتحدث", C, None, pln, "call_1230"),
        ("سيناقش زعيمان", "سيناقش", C, None, pln, "call_1230"),
        ("سيتحدث جو بايدن", "سيتحدث", C, None, pln, "call_1230"),
        ("أن الزعيمين سيناقشان", "سيناقشان", C, None, pln, "call_1230"),
        ("تأتي محادثات الخميس", "محادثات", C, None, pln, "call_1230"),
        ("بناء على طلب روسيا", "طلب", Q, None, asr, None),
        ("نما حشد القوات", "حشد", M, None, asr, "buildup"),
        ("ستجري مناورات عسكرية مشتركة", "مناورات", CO, None, pln, "belarus_drills"),
        ("يريد التحدث مع بايدن", "التحدث", C, None, pln, "call_1230"),
        ("من المحادثات الأمنية المقرر", "المحادثات", C, None, pln, "geneva_0110"),
        ("سبب طلب الكرملين", "طلب", Q, None, asr, None),
        ("إجراء مكالمة هاتفية", "مكالمة", C, None, pln, "call_1230"),
        ("وطالبت روسيا حلف", "طالبت", Q, None, asr, None),
        ("قبل المكالمة.", "المكالمة", C, None, pln, "call_1230"),
        ("تحدث وزير الخارجية الأمريكي", "تحدث", C, None, asr, None),
        ("كرر دعم الولايات", "دعم", SU, None, asr, None),
        ("أجرينا مناقشات جيدة", "مناقشات", C, None, asr, None),
        ("وستبدأ المحادثات بين", "المحادثات", C, None, pln, "call_1230"),
        ("الكرملين قبيل المكالمة", "المكالمة", C, None, pln, "call_1230"),
        ("لمتابعة الاتفاقات التي توصلنا", "الاتفاقات", G, None, asr, None),
        ("خلال قمة يونيو في جنيف", "قمة", C, None, asr, "geneva_2106"),
        ("عقد بايدن وبوتين قمة افتراضية", "قمة", C, None, asr, "video_1207"),
        ("كان النقاش بين", "النقاش", C, None, asr, "video_1207"),
        ("وطالب بوتين خلال", "طالب", Q, None, asr, None),
        ("خلال تلك المحادثات", "المحادثات", C, None, asr, "video_1207"),
        ("بعد وقت قصير من المحادثات", "المحادثات", C, None, asr, "video_1207"),
        ("كما طلبت روسيا من الناتو", "طلبت", Q, None, asr, None),
        ("أن يواصل الزعيمان المناقشات", "يواصل", C, None, pln, "call_1230"),
        ("بدأت في قمة الفيديو", "قمة", C, None, asr, "video_1207"),
        ("سيناقشان أيضًا المحادثات المقبلة", "المحادثات", C, None, pln, "jan_talks"),
        ("إلى “رد عسكري”", "رد عسكري", T, None, asr, None),
        ("سيجري تدريبات عسكرية مشتركة", "تدريبات", CO, None, pln, "belarus_drills"),
        ("بعد اجتماعه مع ألكسندر", "اجتماعه", C, None, asr, None),
        ("عدد القوات التي ستشارك في التدريبات", "التدريبات", CO, None, pln, "belarus_drills"),
        ("تحدث الرئيس بايدن مع القادة", "تحدث", C, None, asr, None),
        ("انخرط مسؤولو إدارة بايدن", "انخرط", C, None, asr, None),
        ("والتشاور والتنسيق", "التشاور", C, None, asr, None),
    ]),
    "003_02c3772a1e04e0aa": ("2022-01-24T00:00:00", [
        ("هناك وعد بذلك", "وعد", G, None, asr, None),
        ("نشرت روسيا مشروع اتفاق", "نشرت", G, "2021-12-01", asr, None),
        ("أول اجتماع له منذ", "اجتماع", C, None, asr, "nrc_0112"),
        ("وتناولت المباحثات", "المباحثات", C, None, asr, "nrc_0112"),
        ("في جنيف، محادثات بين", "محادثات", C, "2022-01-21", asr, "lavrov_blinken_0121"),
        ("لكنه لن يتنازل", "يتنازل", R, None, asr, None),
        ("وتتهم كييف", "تتهم", A, None, asr, None),
        ("روسيا بحشد قوات عند", "حشد", M, None, alg, "buildup"),
        ("لنشر المزيد من المعدات", "نشر", M, None, alg, None),
    ]),
    "004_2e112cc2085df9ad": (None, [
        ("لعقد اجتماع خاص مع روسيا", "اجتماع", C, None, pln, "nrc_0112"),
        ("قبل اجتماع وزراء دفاع", "اجتماع", C, "2021-10-21", asr, None),
        ("الأول لاجتماع وزراء خارجية", "اجتماع", C, "2021-11-30", asr, None),
        ("لعقد اجتماع خاص لسفراء", "اجتماع", C, None, pln, "nrc_0112"),
        ("الحشد العسكري الروسي على طول", "الحشد", M, None, asr, "buildup"),
        ("لعقد اجتماع لمجلس الناتو", "اجتماع", C, None, pln, "nrc_0112"),
        ("وسيعقد اجتماع المجلس", "اجتماع", C, "2022-01-12", pln, "nrc_0112"),
        ("وروس محادثات أمنية في 10 يناير", "محادثات", C, "2022-01-10", pln, "geneva_0110"),
        ("وتوجه كبير الدبلوماسيين", "توجه", C, None, asr, "borrell_ukraine"),
        ("لإظهار الدعم لكيف", "الدعم", SU, None, asr, None),
        ("وتريد موسكو ضمانات", "تريد", Q, None, asr, None),
        ("وتتهم كييف بتعزيز", "تتهم", A, None, asr, None),
        ("بتعزيز قواتها في شرق", "تعزيز", M, None, alg, None),
        ("سيحضرون اجتماع الناتو", "اجتماع", C, None, pln, "nrc_0112"),
        ("رفيعو المستوى محادثات بروكسل", "محادثات", C, None, pln, "nrc_0112"),
        ("بعد لقاء نائبة وزيرة", "لقاء", C, None, pln, "geneva_0110"),
        ("ستستمر المحادثات في الشكل", "المحادثات", C, "2022-01-13", pln, "osce_0113"),
        ("لزيادة العقوبات على", "العقوبات", S, "2021-01-01", asr, None),
        ("سيزور بوريل", "سيزور", C, None, pln, "borrell_ukraine"),
        ("أن يناقش وزراء خارجية", "يناقش", C, "2022-01-01", pln, None),
    ]),
}

SNN_DOCS = {
    "2015-07-21.jsonl.gz#L700": [
        ("التقى الأمير محمد", "التقى", C, "2015-07-21", asr, "mbs_kadyrov"),
        ("وجرى خلال اللقاء بحث", "اللقاء", C, None, asr, "mbs_kadyrov"),
        ("حضر اللقاء وزير", "اللقاء", C, None, asr, "mbs_kadyrov"),
        ("كما حضر الاجتماع رئيس", "الاجتماع", C, None, asr, "mbs_kadyrov"),
        ("اجتمع الأمير محمد", "اجتمع", C, "2015-07-21", asr, "mbs_geagea"),
        ("وجرى خلال الاجتماع استعراض", "الاجتماع", C, None, asr, "mbs_geagea"),
    ],
    "2015-07-21.jsonl.gz#L1128": [
        ("التقى صاحب السمو", "التقى", C, "2015-07-21", asr, "mbs_kadyrov"),
        ("وجرى خلال اللقاء بحث", "اللقاء", C, None, asr, "mbs_kadyrov"),
        ("حضر اللقاء معالي", "اللقاء", C, None, asr, "mbs_kadyrov"),
        ("كما حضر الاجتماع رئيس", "الاجتماع", C, None, asr, "mbs_kadyrov"),
    ],
    "2015-07-22.jsonl.gz#L834": [
        ("التقى صاحب السمو", "التقى", C, "2015-07-22", asr, "mbs_kadyrov"),
        ("وجرى خلال اللقاء بحث", "اللقاء", C, None, asr, "mbs_kadyrov"),
        ("حضر اللقاء معالي", "اللقاء", C, None, asr, "mbs_kadyrov"),
        ("كما حضر الاجتماع رئيس", "الاجتماع", C, None, asr, "mbs_kadyrov"),
    ],
    "2015-07-22.jsonl.gz#L272": [
        ("استقبل خادم الحرمين", "استقبل", C, "2015-07-22", asr, "salman_carter"),
        ("وجرى خلال الاستقبال", "الاستقبال", C, None, asr, "salman_carter"),
        ("حضر الاستقبال", "الاستقبال", C, None, asr, "salman_carter"),
    ],
    "2015-07-22.jsonl.gz#L1327": [
        ("استقبل خادم الحرمين", "استقبل", C, "2015-07-22", asr, "salman_carter"),
        ("وجرى خلال الاستقبال", "الاستقبال", C, None, asr, "salman_carter"),
        ("حضر الاستقبال", "الاستقبال", C, None, asr, "salman_carter"),
    ],
    "2015-07-22.jsonl.gz#L1501": [
        ("استقبل خادم الحرمين", "استقبل", C, "2015-07-22", asr, "salman_carter"),
        ("وجرى خلال الاستقبال", "الاستقبال", C, None, asr, "salman_carter"),
        ("حضر الاستقبال", "الاستقبال", C, None, asr, "salman_carter"),
        ("الشريفين يستقبل وزير", "يستقبل", C, None, asr, "salman_carter"),
    ],
    "2015-07-26.jsonl.gz#L77": [
        ("طالب الرئيس اليمني", "طالب", Q, None, asr, "hadi_truce"),
        ("ودعا الرئيس اليمني", "دعا", Q, "2015-07-26", asr, "hadi_invite"),
        ("خلال لقائه اليوم", "لقائه", C, "2015-07-26", asr, "hadi_envoy"),
        ("خلال اللقاء الذي", "اللقاء", C, None, asr, "hadi_envoy"),
        ("تستقبل وبشكل طبيعي المساعدات", "المساعدات", AI, None, asr, "aden_aid"),
        ("أن يقوم بزيارة", "زيارة", C, None, pln, "envoy_aden_visit"),
    ],
    "2015-07-26.jsonl.gz#L335": [
        ("طالب الرئيس اليمني", "طالب", Q, None, asr, "hadi_truce"),
        ("ودعا الرئيس اليمني", "دعا", Q, "2015-07-26", asr, "hadi_invite"),
        ("خلال لقائه اليوم", "لقائه", C, "2015-07-26", asr, "hadi_envoy"),
        ("خلال اللقاء الذي", "اللقاء", C, None, asr, "hadi_envoy"),
        ("تستقبل وبشكل طبيعي المساعدات", "المساعدات", AI, None, asr, "aden_aid"),
        ("أن يقوم بزيارة", "زيارة", C, None, pln, "envoy_aden_visit"),
    ],
    "2015-07-26.jsonl.gz#L677": [
        ("طالب الرئيس اليمني", "طالب", Q, None, asr, "hadi_truce"),
        ("ودعا الرئيس اليمني", "دعا", Q, "2015-07-26", asr, "hadi_invite"),
        ("خلال لقائه اليوم", "لقائه", C, "2015-07-26", asr, "hadi_envoy"),
        ("خلال اللقاء الذي", "اللقاء", C, None, asr, "hadi_envoy"),
        ("تستقبل وبشكل طبيعي المساعدات", "المساعدات", AI, None, asr, "aden_aid"),
        ("أن يقوم بزيارة", "زيارة", C, None, pln, "envoy_aden_visit"),
    ],
    "2015-07-24.jsonl.gz#L1177": [
        ("استقبل خادم الحرمين", "استقبل", C, "2015-07-24", asr, "salman_shoukry"),
        ("خلال الاستقبال تحيات", "الاستقبال", C, None, asr, "salman_shoukry"),
        ("كما تم خلال الاستقبال", "الاستقبال", C, None, asr, "salman_shoukry"),
        ("حضر الاستقبال", "الاستقبال", C, None, asr, "salman_shoukry"),
    ],
    "2015-07-24.jsonl.gz#L1390": [
        ("استقبل خادم الحرمين", "استقبل", C, "2015-07-24", asr, "salman_shoukry"),
        ("خلال الاستقبال تحيات", "الاستقبال", C, None, asr, "salman_shoukry"),
        ("كما تم خلال الاستقبال", "الاستقبال", C, None, asr, "salman_shoukry"),
        ("حضر الاستقبال", "الاستقبال", C, None, asr, "salman_shoukry"),
    ],
    "2015-07-24.jsonl.gz#L2032": [
        ("استقبل خادم الحرمين", "استقبل", C, "2015-07-24", asr, "salman_shoukry"),
        ("خلال الاستقبال تحيات", "الاستقبال", C, None, asr, "salman_shoukry"),
    ],
    "2015-07-23.jsonl.gz#L976": [
        ("استقبل صاحب السمو", "استقبل", C, "2015-07-23", asr, "mbn_shoukry"),
        ("وجرى خلال الاستقبال", "الاستقبال", C, None, asr, "mbn_shoukry"),
        ("حضر الاستقبال صاحب", "الاستقبال", C, None, asr, "mbn_shoukry"),
        ("كما حضر الاستقبال", "الاستقبال", C, None, asr, "mbn_shoukry"),
        ("ولي العهد يستقبل وزير", "يستقبل", C, None, asr, "mbn_shoukry"),
    ],
    "2015-07-23.jsonl.gz#L1074": [
        ("استقبل صاحب السمو", "استقبل", C, "2015-07-23", asr, "mbn_shoukry"),
        ("وجرى خلال الاستقبال", "الاستقبال", C, None, asr, "mbn_shoukry"),
        ("حضر الاستقبال صاحب", "الاستقبال", C, None, asr, "mbn_shoukry"),
        ("كما حضر الاستقبال", "الاستقبال", C, None, asr, "mbn_shoukry"),
    ],
    "2015-08-07.jsonl.gz#L287": [
        ("سيزور موسكو", "سيزور", C, "2015-08-11", pln, "jubeir_moscow"),
        ("خلال زيارته تبادلا", "تبادلا", C, None, pln, "jubeir_moscow"),
    ],
    "2015-08-07.jsonl.gz#L1151": [
        ("سيزور موسكو", "سيزور", C, "2015-08-11", pln, "jubeir_moscow"),
        ("خلال زيارته تبادلا", "تبادلا", C, None, pln, "jubeir_moscow"),
        ("السعودي يزور موسكو", "يزور", C, "2015-08-11", pln, "jubeir_moscow"),
    ],
    "2015-08-06.jsonl.gz#L175": [
        ("اتصالاً هاتفياً اليوم", "اتصالاً", C, "2015-08-06", asr, "mbn_m6_call"),
        ("عن إدانته للتفجير", "إدانته", A, "2015-08-06", asr, "m6_condemn"),
        ("للتفجير الإرهابي", "تفجير", AS, "2015-08-06", asr, "asir_bombing"),
    ],
    "2015-08-06.jsonl.gz#L1953": [
        ("اتصالاً هاتفياً اليوم", "اتصالاً", C, "2015-08-06", asr, "mbn_m6_call"),
        ("عن إدانته للتفجير", "إدانته", A, "2015-08-06", asr, "m6_condemn"),
        ("للتفجير الإرهابي", "تفجير", AS, "2015-08-06", asr, "asir_bombing"),
    ],
    "2015-08-06.jsonl.gz#L1358": [
        ("هدد الفرع المصري", "هدد", T, "2015-08-05", asr, "isis_threat"),
        ("كرواتي خطف في القاهرة", "خطف", AS, "2015-07-01", asr, "croat_kidnap"),
        ("داعش أسروني", "أسروني", AS, "2015-07-22", asr, "croat_kidnap"),
        ("بعد مبايعته", "مبايعته", SU, "2014-11-01", asr, None),
    ],
    "2015-08-06.jsonl.gz#L2458": [
        ("يهدد فيه بإعدام", "يهدد", T, "2015-08-05", asr, "isis_threat"),
        ("خطفه التنظيم نهاية", "خطفه", AS, "2015-07-21", asr, "croat_kidnap"),
        ("انه خطف في 22", "خطف", AS, "2015-07-22", asr, "croat_kidnap"),
    ],
    "2015-08-08.jsonl.gz#L1007": [
        ("بإطلاق النيران", "إطلاق النيران", AS, None, asr, "fayoum_attack"),
        ("في هجوم مسلح بمصر", "هجوم", AS, None, asr, "fayoum_attack"),
    ],
    "2015-08-08.jsonl.gz#L1178": [
        ("بإطلاق النيران", "إطلاق النيران", AS, None, asr, "fayoum_attack"),
    ],
    "2015-07-23.jsonl.gz#L142": [
        ("بزيارة لم يعلن", "زيارة", C, "2015-07-23", asr, "carter_iraq"),
        ("لإجراء محادثات مع الزعماء", "محادثات", C, "2015-07-23", pln, "carter_iraq"),
        ("الذي سيطر على مدينة", "سيطر", AS, "2015-05-01", asr, None),
        ("في أول زيارة للعراق", "زيارة", C, None, asr, "carter_iraq"),
    ],
    "2015-07-23.jsonl.gz#L675": [
        ("في زيارة غير معلنة", "زيارة", C, "2015-07-23", asr, "carter_iraq"),
        ("ومن المقرر أن يلتقي كارتر", "يلتقي", C, None, pln, "carter_iraq"),
    ],
    # Random SaudiNewsNet articles (random.seed(6) over 300-900 character texts), to measure
    # precision outside diplomatic news: sport, health and science pieces have no events.
    "2015-07-22.jsonl.gz#L1752": [],
    "2015-08-09.jsonl.gz#L54": [],
    "2015-07-31.jsonl.gz#L1453": [
        ("وقعت المملكة العربية", "وقعت", J, "2015-07-28", asr, "namibia_sign"),
        ("ووقع معالي المندوب", "وقع", J, None, asr, "namibia_sign"),
        ("وقد قرر البلدان إقامة", "قرر", SU, None, asr, None),
        ("ناميبيا توقعان على", "توقعان", J, None, asr, "namibia_sign"),
    ],
    "2015-07-21.jsonl.gz#L2417": [],
    "2015-07-21.jsonl.gz#L47": [
        ("بحث الأمير محمد", "بحث", C, "2015-07-20", asr, "mbs_kadyrov"),
        ("حضر اللقاء الدكتور", "اللقاء", C, None, asr, "mbs_kadyrov"),
        ("كما حضر الاجتماع", "الاجتماع", C, None, asr, "mbs_kadyrov"),
        ("اجتمع الأمير محمد", "اجتمع", C, None, asr, "mbs_geagea"),
    ],
    "2015-07-24.jsonl.gz#L1599": [
        ("الجيش التركي دمر بالكامل أهدافا", "دمر", AS, "2015-07-24", asr, None),
    ],
    "2015-08-08.jsonl.gz#L648": [],
    "2015-08-06.jsonl.gz#L2": [
        ("ويتبادل أطراف الحديث", "يتبادل", C, None, asr, "mbs_jordan"),
        ("قد قام بزيارة رسمية", "زيارة", C, "2015-08-04", asr, "mbs_jordan"),
        ("أكد فيه الطرفان", "أكد", J, None, asr, None),
    ],
}



# Held out: annotated after the rules were tuned on the documents above, and never used to
# tune them (two same-story pairs + random articles, random.seed(11) over 300-800 characters).
HELDOUT = {
    "2015-08-07.jsonl.gz#L57": [
        ("مباحثات اليوم مع", "مباحثات", C, "2015-08-07", asr, "jubeir_gentiloni"),
        ("إن المباحثات كانت", "المباحثات", C, None, asr, "jubeir_gentiloni"),
        ("جرى بحث موضوع", "بحث", C, None, asr, "jubeir_gentiloni"),
        ("تم بحث الأوضاع", "بحث", C, None, asr, "jubeir_gentiloni"),
    ],
    "2015-08-07.jsonl.gz#L343": [
        ("مباحثات اليوم مع", "مباحثات", C, "2015-08-07", asr, "jubeir_gentiloni"),
        ("إن المباحثات كانت", "المباحثات", C, None, asr, "jubeir_gentiloni"),
        ("جرى بحث موضوع", "بحث", C, None, asr, "jubeir_gentiloni"),
        ("تم بحث الأوضاع", "بحث", C, None, asr, "jubeir_gentiloni"),
    ],
    "2015-08-11.jsonl.gz#L1058": [
        ("انه تم تأجيل زيارة", "تأجيل", S, None, asr, "zarif_postpone"),
        ("تأجيل زيارة وزير", "زيارة", C, None, pln, "zarif_visit"),
        ("تم تأجيل الزيارة الى", "تأجيل", S, None, asr, "zarif_postpone"),
        ("تم تأجيل الزيارة الى", "الزيارة", C, None, pln, "zarif_visit"),
        ("“حربا على الارهاب”", "حربا", AS, "2015-07-24", asr, "turkey_war_terror"),
        ("ركزت غاراتها", "غاراتها", AS, None, asr, "turkey_pkk_strikes"),
        ("ثلاث غارات فقط", "غارات", AS, None, asr, "turkey_is_strikes"),
        ("انتقد ظريف", "انتقد", A, "2015-08-11", asr, "zarif_cumhuriyet"),
        ("ووافقت تركيا", "وافقت", J, None, asr, "turkey_us_agree"),
        ("وسمحت للتحالف", "سمحت", CO, None, asr, "incirlik_access"),
        ("فتدعم ايران", "تدعم", SU, None, asr, "iran_backs_assad"),
        ("تدعو تركيا الى", "تدعو", Q, None, asr, "turkey_calls_fall"),
        ("الوئام: تأجيل زيارة", "تأجيل", S, None, asr, "zarif_postpone"),
        ("الوئام: تأجيل زيارة", "زيارة", C, None, pln, "zarif_visit"),
    ],
    "2015-08-11.jsonl.gz#L1138": [
        ("انه تم تأجيل زيارة", "تأجيل", S, None, asr, "zarif_postpone"),
        ("تأجيل زيارة وزير", "زيارة", C, None, pln, "zarif_visit"),
        ("تم تأجيل الزيارة الى", "تأجيل", S, None, asr, "zarif_postpone"),
        ("تم تأجيل الزيارة الى", "الزيارة", C, None, pln, "zarif_visit"),
        ('"حربا على الارهاب"', "حربا", AS, "2015-07-24", asr, "turkey_war_terror"),
        ("ركزت غاراتها", "غاراتها", AS, None, asr, "turkey_pkk_strikes"),
        ("ثلاث غارات فقط", "غارات", AS, None, asr, "turkey_is_strikes"),
        ("انتقد ظريف", "انتقد", A, "2015-08-11", asr, "zarif_cumhuriyet"),
        ("ووافقت تركيا", "وافقت", J, None, asr, "turkey_us_agree"),
        ("وسمحت للتحالف", "سمحت", CO, None, asr, "incirlik_access"),
        ("فتدعم ايران", "تدعم", SU, None, asr, "iran_backs_assad"),
        ("تدعو تركيا الى", "تدعو", Q, None, asr, "turkey_calls_fall"),
    ],
    "2015-07-31.jsonl.gz#L2114": [],
    "2015-08-10.jsonl.gz#L1293": [
        ("من السيطرة على مديريتين", "السيطرة", AS, None, asr, "yemen_ibb"),
        ("إن المقاومة سيطرت", "سيطرت", AS, None, asr, "yemen_ibb"),
        ("أن السيطرة جاءت", "السيطرة", AS, None, asr, "yemen_ibb"),
        ("بعد مواجهات خفيفة", "مواجهات", AS, None, asr, None),
        ("وسلم آخرون", "سلم", "RETREAT", None, asr, None),
        ("المقاومة حررت أربع", "حررت", AS, "2015-08-07", asr, None),
        ("شن عدة غارات", "غارات", AS, None, asr, None),
    ],
    "2015-08-03.jsonl.gz#L937": [],
    "2015-08-10.jsonl.gz#L965": [],
    "2015-08-11.jsonl.gz#L1295": [
        ("استقبل معالي المستشار", "استقبل", C, "2015-08-11", asr, "rabeeah_ambassadors"),
        ("خلال الاستقبال السفراء", "الاستقبال", C, None, asr, "rabeeah_ambassadors"),
        ("عن استعدادهما بمساندة", "استعدادهما", J, None, asr, None),
    ],
    "2015-08-08.jsonl.gz#L947": [
        ("دان أعضاء مجلس", "دان", A, "2015-08-07", asr, None),
        ("التفجير الإرهابي الذي", "التفجير", AS, None, asr, "asir_bombing"),
    ],
}


# Held out 2 (story linking, v6): chosen by benchmarks/events/pick_heldout2.py --seed 2026 --pairs 6
# (titles and dates only, never the annotator's output): six drawn pairs of look-alike same-event
# groups, 33 articles. Annotated by reading each body, before any v6 rule was written, and
# scored once with v5 (RESULTS.md history). Story labels are the real-world event, so where two
# papers date one event differently (an SPA text printed a day late) the labels still agree.
HELDOUT2 = {
    # pair 0a: Asir governor's receptions (a condolence call and another guest, one day)
    "2015-08-03.jsonl.gz#L930": [
        ("استقبل صاحب السمو الملكي الأمير فيصل بن خالد", "استقبل", C, "2015-08-03", asr, "asir_ateyan"),
        ("خلال الاستقبال شكرها", "الاستقبال", C, None, asr, "asir_ateyan"),
        ("الوئام: أمير عسير يستقبل", "يستقبل", C, None, asr, "asir_ateyan"),
    ],
    "2015-08-04.jsonl.gz#L629": [
        ("استقبل صاحب السمو الملكي", "استقبل", C, "2015-08-03", asr, "asir_ghofais"),
        ("والذي يزور المنطقة حالياً", "يزور", C, None, asr, None),
        ("كما استقبل أمير منطقة عسير", "استقبل", C, "2015-08-03", asr, "asir_ateyan"),
        ("خلال اللقاء شكرها", "اللقاء", C, None, asr, "asir_ateyan"),
    ],
    # pair 0b: Doha, 3 Aug: GCC coordination meeting, the Emir's reception, the GCC–Kerry meeting
    "2015-08-03.jsonl.gz#L947": [
        ("في الدوحة اليوم اجتماعاً تنسيقياً", "اجتماعاً", C, "2015-08-03", asr, "gcc_coord"),
        ("تمهيداً للاجتماع المشترك", "اجتماع", C, "2015-08-04", pln, "gcc_kerry"),
        ("ورأس وفد المملكة إلى هذا الاجتماع", "الاجتماع", C, None, asr, "gcc_coord"),
        ("وترأس الاجتماع معالي", "الاجتماع", C, None, asr, "gcc_coord"),
        ("أن يناقش الاجتماع الخليجي/الأمريكي", "الاجتماع", C, None, pln, "gcc_kerry"),
        ("الاتفاق النووي الذي أبرمته", "أبرمته", J, "2015-07-14", asr, "iran_deal"),
        ("ويأتي هذا الاجتماع نظراً", "الاجتماع", C, None, pln, "gcc_kerry"),
        ("أهمية اجتماع الدوحة غداً", "اجتماع", C, "2015-08-04", pln, "gcc_kerry"),
        ("الوئام: وزراء خارجية دول مجلس التعاون الخليجي يعقدون اجتماعاً", "اجتماعاً", C, None, asr, "gcc_coord"),
    ],
    "2015-08-03.jsonl.gz#L968": [
        ("استقبل صاحب السمو الشيخ تميم", "استقبل", C, "2015-08-03", asr, "tamim_gcc"),
        ("الذين يزورون قطر", "يزورون", C, None, asr, None),
        ("لحضور اجتماعهم المشترك", "اجتماعهم", C, None, asr, "gcc_kerry"),
        ("ويرأس وفد المملكة إلى الاجتماع", "الاجتماع", C, None, asr, "gcc_kerry"),
        ("وتم خلال الاستقبال الذي", "الاستقبال", C, None, asr, "tamim_gcc"),
        ("والسداد في اجتماعهم", "اجتماعهم", C, None, pln, "gcc_kerry"),
    ],
    "2015-08-03.jsonl.gz#L1291": [
        ("أعمال الاجتماع التشاوري", "الاجتماع", C, "2015-08-03", asr, "gcc_kerry"),
        ("ومن المزمع أن يناقش الاجتماع", "الاجتماع", C, None, pln, "gcc_kerry"),
        ("الاتفاق النووي الذي أبرمته", "أبرمته", J, "2015-07-14", asr, "iran_deal"),
        ("على هامش هذا الاجتماع", "الاجتماع", C, None, asr, "gcc_kerry"),
        ("اجتماع ثلاثي آخر", "اجتماع", C, None, pln, "trilateral_doha"),
    ],
    # pair 1a / 1b: education offices and an airport "receive" candidates and a flight: no event
    "2015-07-26.jsonl.gz#L420": [],
    "2015-07-26.jsonl.gz#L49": [],
    "2015-08-07.jsonl.gz#L308": [],
    "2015-08-07.jsonl.gz#L1295": [],
    "2015-08-07.jsonl.gz#L1149": [],
    # pair 2a: Turkish tanks shell IS after fire from Syria killed a soldier (23 Jul)
    "2015-07-23.jsonl.gz#L990": [
        ("رد الجيش التركي الخميس بقصف", "قصف", AS, "2015-07-23", asr, "turkey_shells_is"),
        ("في إطلاق نار منها", "إطلاق نار", AS, "2015-07-23", asr, "kilis_fire"),
        ("ويأتي تبادل إطلاق النار هذا", "تبادل إطلاق النار", AS, None, asr, "kilis_exchange"),
        ("من هجوم (سوروتش)", "هجوم", AS, "2015-07-20", asr, "suruc_bombing"),
        ("وقصفت دبابات تركية اليوم الخميس", "قصفت", AS, "2015-07-23", asr, "turkey_shells_is"),
        ("بعد إطلاق نيران منها في وقت سابق", "إطلاق نيران", AS, "2015-07-23", asr, "kilis_fire"),
        ("ويأتي تبادل إطلاق النار بعد", "تبادل إطلاق النار", AS, None, asr, "kilis_exchange"),
        ("على هجوم انتحاري في سوروتش", "هجوم", AS, "2015-07-20", asr, "suruc_bombing"),
        ("والتي دمرتها معارك", "دمرتها", AS, None, asr, "kobani_battles"),
        ("الوئام: الجيش التركي يقصف", "يقصف", AS, None, asr, "turkey_shells_is"),
        ("مواقع داعش بعد إطلاق نار تسبب", "إطلاق نار", AS, None, asr, "kilis_fire"),
    ],
    "2015-07-23.jsonl.gz#L594": [
        ("قصفت دبابات تركية الخميس", "قصفت", AS, "2015-07-23", asr, "turkey_shells_is"),
        ("بعد إطلاق نيران منها", "إطلاق نيران", AS, "2015-07-23", asr, "kilis_fire"),
        ("ويأتي تبادل إطلاق النار", "تبادل إطلاق النار", AS, None, asr, "kilis_exchange"),
        ("على هجوم انتحاري في سوروتش", "هجوم", AS, "2015-07-20", asr, "suruc_bombing"),
        ("التي دمرتها معارك", "دمرتها", AS, None, asr, "kobani_battles"),
    ],
    # pair 2b: coalition strikes in Syria over 48 hours (two copies); coalition strikes in Hodeidah
    "2015-08-06.jsonl.gz#L717": [
        ("جراء قصف طائرات التحالف", "قصف", AS, None, asr, "coalition_syria_48h"),
        ("إلى مقتل 11 من داعش", "مقتل", AS, None, asr, "coalition_mayadin"),
        ("في استهداف لمنطقة معسكر", "استهداف", AS, None, asr, "coalition_tabqa"),
        ("إلى مقتل البقية", "مقتل", AS, None, asr, "coalition_rest"),
    ],
    "2015-08-06.jsonl.gz#L1794": [
        ("جراء قصف طائرات التحالف", "قصف", AS, None, asr, "coalition_syria_48h"),
        ("إلى مقتل 11 من داعش", "مقتل", AS, None, asr, "coalition_mayadin"),
        ("في استهداف لمنطقة معسكر", "استهداف", AS, None, asr, "coalition_tabqa"),
        ("إلى مقتل البقية", "مقتل", AS, None, asr, "coalition_rest"),
    ],
    "2015-08-07.jsonl.gz#L1162": [
        ("جراء غارات شنها طيران التحالف", "غارات", AS, "2015-08-07", asr, "hodeidah_clinic"),
        ("استهدف بغارتين مبنى", "غارتين", AS, None, asr, "hodeidah_clinic"),
        ("إلى “مقتل 17 حوثياً", "مقتل", AS, None, asr, "hodeidah_clinic"),
        ("كما استهدف طيران التحالف اليوم", "استهدف", AS, "2015-08-07", asr, "hodeidah_complex"),
        ("الوئام: اليمن: مقتل «17»", "مقتل", AS, None, asr, "hodeidah_clinic"),
    ],
    # pair 3a: PKK suicide attack on a gendarmerie post in Agri (night of 1–2 Aug)
    "2015-08-02.jsonl.gz#L920": [
        ("هجوماً انتحارياً على مخفر", "هجوماً", AS, None, asr, "pkk_agri"),
        ("أن “هجوماً انتحارياً بواسطة", "هجوماً", AS, "2015-08-02", asr, "pkk_agri"),
        ("وأسفر الهجوم عن مصرع", "الهجوم", AS, None, asr, "pkk_agri"),
        ("في هجوم انتحاري لـ", "هجوم", AS, None, asr, "pkk_agri"),
    ],
    "2015-08-03.jsonl.gz#L829": [
        ("وقوع عملية انتحارية", "عملية انتحارية", AS, None, asr, "pkk_agri"),
        ("في تفجير انتحاري نفذه حزب العمال في الإقليم خلال ليل", "تفجير", AS, "2015-08-01", asr, "pkk_agri"),
        ("إن الهجوم نفذ باستخدام", "الهجوم", AS, None, asr, "pkk_agri"),
        ("حينما انفجر لغم", "انفجر", AS, None, asr, "mardin_mine"),
        ("وبدأت تركيا حملة ضربات جوية", "ضربات", AS, "2015-07-24", asr, "turkey_air_campaign"),
        ("لكن معظم الضربات التي نفذتها", "الضربات", AS, None, asr, "turkey_air_campaign"),
        ("وزادت وتيرة هجمات", "هجمات", AS, None, asr, "pkk_attack_series"),
        ("أن بدأت أنقرة حملتها الجوية", "حملتها", AS, None, asr, "turkey_air_campaign"),
        ("وبهجمات أمس", "هجمات", AS, "2015-08-02", asr, None),
        ("تظاهر عشرات الأكراد", "تظاهر", P, "2015-08-01", asr, "sulaymaniyah_protest"),
        ("احتجاجا على الغارات الجوية التركية على أهداف", "الغارات", AS, None, asr, "turkey_air_campaign"),
        ("في مسيرة رافعين", "مسيرة", P, None, asr, "sulaymaniyah_protest"),
        ("ودعا البارزاني", "دعا", Q, None, asr, "barzani_calls_pkk"),
        ("وسط حملة الضربات الجوية التركية", "الضربات", AS, None, asr, "turkey_air_campaign"),
    ],
    "2015-08-03.jsonl.gz#L375": [
        ("في تفجير انتحاري نفذه حزب العمال الكردستاني", "تفجير", AS, "2015-08-02", asr, "pkk_agri"),
        ("إن الهجوم نفذ باستخدام", "الهجوم", AS, None, asr, "pkk_agri"),
        ("حينما انفجر لغم", "انفجر", AS, None, asr, "mardin_mine"),
        ("وزادت وتيرة هجمات", "هجمات", AS, None, asr, "pkk_attack_series"),
        ("بدأت أنقرة حملة ضربات جوية", "ضربات", AS, "2015-07-24", asr, "turkey_air_campaign"),
        ("سمحت تركيا للتحالف", "سمحت", CO, None, asr, "incirlik_access"),
        ("معظم الضربات التي نفذتها", "الضربات", AS, None, asr, "turkey_air_campaign"),
        ("إن الغارات الجوية على الحزب", "الغارات", AS, None, asr, "turkey_air_campaign"),
        ("وبهجمات اليوم", "هجمات", AS, "2015-08-03", asr, None),
        ("وأيد حلفاء غربيون", "أيد", SU, None, asr, "west_backs_turkey"),
        ("كثيرين حثوا أنقرة", "حثوا", Q, None, asr, "allies_urge_turkey"),
        ("قد أطلق المفاوضات في 2012", "المفاوضات", C, "2012-01-01", asr, "pkk_peace_talks"),
        ("واتهم زعيم حزب", "اتهم", A, None, asr, "hdp_accuses"),
        ("بشن الضربات الجوية في سوريا", "الضربات", AS, None, alg, "turkey_air_campaign"),
    ],
    # pair 3b: suicide attack on the Kabul police academy (7 Aug), after a truck bomb hours before
    "2015-08-07.jsonl.gz#L56": [
        ("إن انتحاريا هاجم", "هاجم", AS, "2015-08-07", asr, "kabul_academy"),
        ("من تفجير شاحنة ملغومة", "تفجير", AS, "2015-08-07", asr, "kabul_truck"),
        ("ووقع التفجير الأخير", "التفجير", AS, None, asr, "kabul_academy"),
        ("وفجر مواده الناسفة", "فجر", AS, None, asr, "kabul_academy"),
    ],
    "2015-08-07.jsonl.gz#L1002": [
        ("في هجوم انتحاري استهدف اليوم", "هجوم", AS, "2015-08-07", asr, "kabul_academy"),
        ("وفجر انتحاري نفسه", "فجر", AS, None, asr, "kabul_academy"),
    ],
    "2015-08-08.jsonl.gz#L325": [
        ("في هجوم انتحاري استهدف أمس", "هجوم", AS, "2015-08-07", asr, "kabul_academy"),
        ("وفجر انتحاري نفسه", "فجر", AS, None, asr, "kabul_academy"),
        ("وهذا الهجوم هو الثاني", "الهجوم", AS, None, asr, "kabul_academy"),
        ("تفجيرا بشاحنة مفخخة", "تفجيرا", AS, "2015-08-07", asr, "kabul_truck"),
        ("في الهجوم ضد أكاديمية الشرطة", "الهجوم", AS, None, asr, "kabul_academy"),
        ("عن التفجير الانتحاري", "التفجير", AS, None, asr, "kabul_academy"),
    ],
    # pair 4a: Riyadh governor's Eid receptions on 22 Jul: officials and citizens (office), staff
    "2015-07-22.jsonl.gz#L2037": [
        ("الرياض: استقبل أمير منطقة الرياض", "استقبل", C, "2015-07-22", asr, "riyadh_eid_officials"),
        ("واستقبل أمير المنطقة محافظ", "استقبل", C, None, asr, "riyadh_eid_officials"),
    ],
    "2015-07-23.jsonl.gz#L344": [
        ("استقبل صاحب السمو الملكي", "استقبل", C, "2015-07-22", asr, "riyadh_eid_staff"),
        ("حضر الاستقبال معالي", "الاستقبال", C, None, asr, "riyadh_eid_staff"),
        ("كما استقبل سموه في مكتبه", "استقبل", C, "2015-07-22", asr, "riyadh_eid_officials"),
    ],
    "2015-07-23.jsonl.gz#L704": [
        ("استقبل صاحب السمو الملكي الأمير فيصل بن بندر بن عبدالعزيز أمير منطقة الرياض في مكتب", "استقبل", C,
         "2015-07-22", asr, "riyadh_eid_officials"),
        ("إلى ذلك، استقبل", "استقبل", C, "2015-07-22", asr, "riyadh_eid_staff"),
        ("حضر الاستقبال وكيل", "الاستقبال", C, None, asr, "riyadh_eid_staff"),
    ],
    # pair 4b: the same governor on 26 Jul: two Eid callers (one reception in okaz) and Peru's envoy
    "2015-07-27.jsonl.gz#L457": [
        ("استقبل صاحب السمو الملكي الأمير فيصل بن بندر بن عبدالعزيز أمير منطقة الرياض في مكتب سموه بقصر الحكم امس", "استقبل", C, "2015-07-26", asr, "riyadh_callers_0726"),
        ("كما استقبل صاحب السمو", "استقبل", C, "2015-07-26", asr, "riyadh_callers_0726"),
        ("واستقبل صاحب السمو", "استقبل", C, "2015-07-26", asr, "riyadh_peru"),
    ],
    "2015-07-27.jsonl.gz#L711": [
        ("استقبل صاحب السمو الملكي الأمير فيصل بن بندر بن عبدالعزيز أمير منطقة الرياض في مكتب سموه بقصر الحكم أمس عضو", "استقبل", C, "2015-07-26", asr, "riyadh_callers_0726"),
        ("كما استقبل صاحب السمو", "استقبل", C, "2015-07-26", asr, "riyadh_callers_0726"),
        ("من جهة أخرى، استقبل", "استقبل", C, "2015-07-26", asr, "riyadh_peru"),
    ],
    "2015-07-27.jsonl.gz#L1237": [
        ("استقبل صاحب السمو الملكي", "استقبل", C, "2015-07-26", asr, "riyadh_callers_0726"),
        ("كما استقبل أمير منطقة الرياض سفير", "استقبل", C, None, asr, "riyadh_peru"),
    ],
    # pair 5a: Egypt rejects Iranian interference (one agency text, three papers)
    "2015-07-21.jsonl.gz#L1409": [
        ("رفض مصر الكامل", "رفض", R, None, asr, "egypt_rejects_iran"),
        ("مطالبة بضرورة الالتزام بسياسة", "مطالبة", Q, None, asr, "egypt_good_neighbour"),
        ("على تضامن مصر", "تضامن", SU, None, asr, "egypt_solidarity"),
        ("مطالبًا بضرورة الالتزام بنصوص", "مطالبًا", Q, None, asr, "egypt_un_charter"),
    ],
    "2015-07-21.jsonl.gz#L1344": [
        ("رفض مصر الكامل", "رفض", R, None, asr, "egypt_rejects_iran"),
        ("مطالبة بضرورة الالتزام بسياسة", "مطالبة", Q, None, asr, "egypt_good_neighbour"),
        ("على تضامن مصر", "تضامن", SU, None, asr, "egypt_solidarity"),
        ("مطالبًا بضرورة الالتزام بنصوص", "مطالبًا", Q, None, asr, "egypt_un_charter"),
    ],
    "2015-07-21.jsonl.gz#L934": [
        ("رفض مصر الكامل", "رفض", R, None, asr, "egypt_rejects_iran"),
        ("مطالبة بضرورة الالتزام بسياسة", "مطالبة", Q, None, asr, "egypt_good_neighbour"),
        ("على تضامن مصر", "تضامن", SU, None, asr, "egypt_solidarity"),
        ("مطالبًا بضرورة الالتزام بنصوص", "مطالبًا", Q, None, asr, "egypt_un_charter"),
    ],
    # pair 5b: MBS's working visit to Egypt (30 Jul), announced (two papers) and over (one)
    "2015-07-31.jsonl.gz#L141": [
        ("في زيارة عمل يلتقي", "زيارة", C, "2015-07-30", pln, "mbs_egypt"),
    ],
    "2015-07-31.jsonl.gz#L363": [
        ("سيقوم اليوم بزيارة", "زيارة", C, "2015-07-31", pln, "mbs_egypt"),
        ("ويلتقي ولي ولي العهد", "يلتقي", C, None, pln, "mbs_egypt"),
    ],
    "2015-07-31.jsonl.gz#L2106": [
        ("بعد زيارة عمل التقى", "زيارة", C, None, asr, "mbs_egypt"),
    ],
}


# Dev 2 (story linking, v6 tuning): drawn by the heldout2 procedure with another seed and
# heldout2 left out (pick_heldout2.py --seed 7 --pairs 6 --exclude-heldout2), 34 articles,
# annotated before any v6 change; the v6 rules were tuned on it and on dev, never on heldout2.
DEV2 = {
    # pair 0a: Riyadh governor, 9 Aug: the two Hisba heads, then Aba al-Khail's sons
    "2015-08-10.jsonl.gz#L514": [
        ("استقبل صاحب السمو الملكي الأمير فيصل بن بندر بن عبدالعزيز أمير منطقة الرياض في مكتب سموه بقصر الحكم امس مدير",
         "استقبل", C, "2015-08-09", asr, "riyadh_hisba_heads"),
        ("كما استقبل صاحب السمو", "استقبل", C, "2015-08-09", asr, "riyadh_abalkhail_sons"),
    ],
    "2015-08-10.jsonl.gz#L867": [
        ("استقبل صاحب السمو الملكي", "استقبل", C, "2015-08-09", asr, "riyadh_hisba_heads"),
        ("كما استقبل سمو أمير", "استقبل", C, "2015-08-09", asr, "riyadh_abalkhail_sons"),
    ],
    # pair 0b: al-Rabeeah (KSrelief) meets Madani (OIC) and a Kuwaiti delegation on 9 Aug, the IIRO head on 11 Aug
    "2015-08-10.jsonl.gz#L529": [
        ("التقى معالي المستشار", "التقى", C, "2015-08-09", asr, "rabeeah_madani"),
        ("واستعرض الدكتور الربيعة خلال اللقاء", "اللقاء", C, None, asr, "rabeeah_madani"),
        ("وأشاد معالي الأمين العام", "أشاد", SU, None, asr, "madani_praises_centre"),
        ("من جهة أخرى استقبل معالي", "استقبل", C, "2015-08-09", asr, "rabeeah_kuwait"),
        ("ورحب الدكتور الربيعة خلال الاستقبال", "الاستقبال", C, None, asr, "rabeeah_kuwait"),
        ("من أعمال ومساعدات إغاثية", "مساعدات", AI, None, asr, "ksrelief_yemen_aid"),
    ],
    "2015-08-10.jsonl.gz#L875": [
        ("التقى المستشار بالديوان", "التقى", C, "2015-08-09", asr, "rabeeah_madani"),
        ("واستعرض د. الربيعة خلال اللقاء", "اللقاء", C, None, asr, "rabeeah_madani"),
        ("وأشاد الأمين العام", "أشاد", SU, None, asr, "madani_praises_centre"),
        ("من جهة أخرى، استقبل د.", "استقبل", C, "2015-08-09", asr, "rabeeah_kuwait"),
        ("ورحب د. الربيعة خلال الاستقبال", "الاستقبال", C, None, asr, "rabeeah_kuwait"),
        ("من أعمال ومساعدات إغاثية", "مساعدات", AI, None, asr, "ksrelief_yemen_aid"),
    ],
    "2015-08-11.jsonl.gz#L1684": [
        ("استقبل معالي المستشار", "استقبل", C, "2015-08-11", asr, "rabeeah_iiro"),
        ("وشاهد الطيب خلال الاستقبال", "الاستقبال", C, None, asr, "rabeeah_iiro"),
        ("كما ناقش اللقاء الذي", "اللقاء", C, None, asr, "rabeeah_iiro"),
        ("وفي نهاية اللقاء تسلم", "اللقاء", C, None, asr, "rabeeah_iiro"),
    ],
    # pair 1a: Crown Prince Mohammed bin Nayef's majlis of 5 Aug (three papers)
    "2015-08-06.jsonl.gz#L1148": [
        ("استقبل نائب خادم الحرمين", "استقبل", C, "2015-08-05", asr, "mbn_majlis_0805"),
        ("وفي بداية الاستقبال", "الاستقبال", C, None, asr, "mbn_majlis_0805"),
        ("حضر الاستقبال صاحب", "الاستقبال", C, None, asr, "mbn_majlis_0805"),
    ],
    "2015-08-06.jsonl.gz#L1479": [
        ("استقبل نائب خادم الحرمين", "استقبل", C, "2015-08-05", asr, "mbn_majlis_0805"),
        ("وفي بداية الاستقبال", "الاستقبال", C, None, asr, "mbn_majlis_0805"),
        ("حضر الاستقبال صاحب", "الاستقبال", C, None, asr, "mbn_majlis_0805"),
    ],
    "2015-08-06.jsonl.gz#L1966": [
        ("استقبل نائب خادم الحرمين", "استقبل", C, "2015-08-05", asr, "mbn_majlis_0805"),
        ("وفي بداية الاستقبال", "الاستقبال", C, None, asr, "mbn_majlis_0805"),
        ("حضر الاستقبال مستشار", "الاستقبال", C, None, asr, "mbn_majlis_0805"),
    ],
    # pair 1b: King Salman's calls from the kings of Bahrain and Jordan about the Asir mosque attack
    "2015-08-07.jsonl.gz#L1308": [
        ("حفظه الله اتصالا هاتفيا اليوم من جلالة الملك حمد", "اتصالا", C, "2015-08-07", asr, "salman_hamad_call"),
        ("فيه عن استنكاره للاعتداء", "استنكاره", A, "2015-08-07", asr, "hamad_condemns"),
        ("فيه عن استنكاره للاعتداء", "اعتداء", AS, None, asr, "asir_mosque_attack"),
        ("كما تلقى خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود حفظه الله اتصالا", "اتصالا", C,
         "2015-08-07", asr, "salman_abdullah_call"),
        ("عن إدانته و استنكاره", "إدانته", A, "2015-08-07", asr, "abdullah_condemns"),
        ("و استنكاره للاعتداء", "اعتداء", AS, None, asr, "asir_mosque_attack"),
    ],
    "2015-08-07.jsonl.gz#L1000": [
        ("حفظه الله اتصالا هاتفيا اليوم من جلالة الملك حمد", "اتصالا", C, "2015-08-07", asr, "salman_hamad_call"),
        ("فيه عن استنكاره للاعتداء", "استنكاره", A, "2015-08-07", asr, "hamad_condemns"),
        ("فيه عن استنكاره للاعتداء", "اعتداء", AS, None, asr, "asir_mosque_attack"),
        ("كما تلقى خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود حفظه الله اتصالا", "اتصالا", C,
         "2015-08-07", asr, "salman_abdullah_call"),
        ("عن إدانته و استنكاره", "إدانته", A, "2015-08-07", asr, "abdullah_condemns"),
        ("و استنكاره للاعتداء", "اعتداء", AS, None, asr, "asir_mosque_attack"),
    ],
    "2015-08-08.jsonl.gz#L531": [
        ("حفظه الله اتصالا هاتفيا اليوم", "اتصالا", C, "2015-08-08", asr, "salman_abdullah_call"),
        ("عن إدانته و استنكاره", "إدانته", A, "2015-08-08", asr, "abdullah_condemns"),
        ("و استنكاره للاعتداء", "اعتداء", AS, None, asr, "asir_mosque_attack"),
    ],
    # pair 2a: Obama asks Iran to free four Americans (21 Jul), one paper adds his call with Xi
    "2015-07-21.jsonl.gz#L1410": [
        ("ينبغي إطلاق سراح الصحفي", "ينبغي", Q, None, asr, "obama_rezaian"),
        ("وينبغي إطلاق سراح القس", "ينبغي", Q, None, asr, "obama_abedini"),
        ("وينبغي إطلاق سراح أمير", "ينبغي", Q, None, asr, "obama_hekmati"),
        ("وينبغي لإيران أن تساعدنا", "ينبغي", Q, None, asr, "obama_levinson"),
    ],
    "2015-07-22.jsonl.gz#L71": [
        ("ينبغي إطلاق سراح الصحافي", "ينبغي", Q, None, asr, "obama_rezaian"),
        ("وينبغي إطلاق سراح القس", "ينبغي", Q, None, asr, "obama_abedini"),
        ("وسراح أمير حكمتي", "سراح", Q, None, asr, "obama_hekmati"),
        ("ينبغي لإيران أن تساعدنا", "ينبغي", Q, None, asr, "obama_levinson"),
        ("اتصل الرئيس الأميركي مساء", "اتصل", C, "2015-07-20", asr, "obama_xi_call"),
        ("في التوصل إلى الاتفاق حول", "التوصل", J, None, asr, "iran_deal"),
        ("من أجل التوصل إلى اتفاق نووي", "التوصل", J, None, asr, "iran_deal"),
        ("واتفق الرئيسان", "اتفق", J, None, asr, "obama_xi_agree"),
        ("لهذا الاتفاق الذي أبرم", "أبرم", J, None, asr, "iran_deal"),
        ("خلال المكالمة الهاتفية", "المكالمة", C, None, asr, "obama_xi_call"),
        ("خلال زيارة الدولة", "زيارة", C, "2015-09-01", pln, "xi_state_visit"),
    ],
    # pair 2b: Obama's speech of 5 Aug defending the Iran deal (three papers)
    "2015-08-06.jsonl.gz#L27": [
        ("من ان رفض الكونجرس", "رفض", R, None, hyp, "congress_rejection"),
        ("دافع فيه عن هذا الاتفاق", "دافع", SU, None, asr, "obama_defends_deal"),
        ("“رفضا للاتفاق من جانب", "رفضا", R, None, hyp, "congress_rejection"),
    ],
    "2015-08-06.jsonl.gz#L2244": [
        ("مؤكدا أن رفض الكونغرس", "رفض", R, None, hyp, "congress_rejection"),
        ("وحث اوباما الكونغرس", "حث", Q, None, asr, "obama_urges_congress"),
        ("مؤكدا أن الرفض سيخلق", "الرفض", R, None, hyp, "congress_rejection"),
    ],
    "2015-08-06.jsonl.gz#L1467": [
        ("وسخر من انتقادات", "انتقادات", A, None, asr, None),
        ("مؤكدا أن رفض الكونغرس", "رفض", R, None, hyp, "congress_rejection"),
        ("بدعم إيران للأحزاب", "دعم", SU, None, asr, "iran_backs_hezbollah"),
    ],
    # pair 3a: MBS receives Qatar's defence minister in Jeddah, 10 Aug (three papers)
    "2015-08-10.jsonl.gz#L1639": [
        ("استقبل صاحب السمو الملكي", "استقبل", C, "2015-08-10", asr, "mbs_attiyah"),
        ("وجرى خلال الاستقبال", "الاستقبال", C, None, asr, "mbs_attiyah"),
        ("حضر الاستقبال معالي", "الاستقبال", C, None, asr, "mbs_attiyah"),
    ],
    "2015-08-10.jsonl.gz#L992": [
        ("استقبل صاحب السمو الملكي", "استقبل", C, "2015-08-10", asr, "mbs_attiyah"),
        ("وجرى خلال الاستقبال", "الاستقبال", C, None, asr, "mbs_attiyah"),
        ("حضر الاستقبال معالي", "الاستقبال", C, None, asr, "mbs_attiyah"),
    ],
    "2015-08-10.jsonl.gz#L720": [
        ("استقبل صاحب السمو الملكي", "استقبل", C, "2015-08-10", asr, "mbs_attiyah"),
        ("وجرى خلال الاستقبال", "الاستقبال", C, None, asr, "mbs_attiyah"),
        ("حضر الاستقبال معالي", "الاستقبال", C, None, asr, "mbs_attiyah"),
    ],
    # pair 3b: the Riyadh governor receives al-Wohaibi (WAMY), 10 Aug (three papers)
    "2015-08-10.jsonl.gz#L1697": [
        ("استقبل صاحب السمو الملكي", "استقبل", C, "2015-08-10", asr, "riyadh_wohaibi"),
    ],
    "2015-08-11.jsonl.gz#L523": [
        ("استقبل صاحب السمو الملكي", "استقبل", C, "2015-08-10", asr, "riyadh_wohaibi"),
    ],
    "2015-08-11.jsonl.gz#L801": [
        ("استقبل صاحب السمو الملكي", "استقبل", C, "2015-08-10", asr, "riyadh_wohaibi"),
    ],
    # pair 4a: the Asir governor on 5 Aug: al-Qarni (two papers), a police general (okaz)
    "2015-08-06.jsonl.gz#L1219": [
        ("استقبل صاحب السمو الملكي", "استقبل", C, "2015-08-05", asr, "asir_qarni"),
        ("والذي يزور المنطقة حاليا", "يزور", C, None, asr, "qarni_asir_visit"),
    ],
    "2015-08-06.jsonl.gz#L1603": [
        ("استقبل صاحب السمو الملكي", "استقبل", C, "2015-08-05", asr, "asir_qarni"),
        ("والذي يزور المنطقة.", "يزور", C, None, asr, "qarni_asir_visit"),
    ],
    "2015-08-06.jsonl.gz#L2910": [
        ("استقبل صاحب السمو الملكي", "استقبل", C, "2015-08-05", asr, "asir_ghamdi"),
        ("الذي يزور المنطقة حالياً", "يزور", C, None, asr, None),
        ("مشيداً بالجهود", "مشيداً", SU, None, asr, None),
    ],
    # pair 4b: officials visit the wounded of the Asir mosque bombing (10 Aug; 11 Aug, two papers)
    "2015-08-10.jsonl.gz#L17": [
        ("بزيارة مصابي حادثة", "زيارة", C, "2015-08-10", asr, "karkaman_visit"),
        ("حادثة التفجير الذي شهده", "التفجير", AS, None, asr, "asir_mosque_attack"),
        ("والتقى في نهاية الزيارة", "التقى", C, None, asr, None),
        ("في نهاية الزيارة المشرف", "الزيارة", C, None, asr, "karkaman_visit"),
    ],
    "2015-08-11.jsonl.gz#L537": [
        ("زار مدير جوازات منطقة عسير", "زار", C, None, asr, "suwaidi_visit"),
        ("في حادث تفجير مسجد", "تفجير", AS, None, asr, "asir_mosque_attack"),
    ],
    "2015-08-11.jsonl.gz#L1366": [
        ("اكتب رأيك زار", "زار", C, None, asr, "suwaidi_visit"),
        ("في حادث تفجير مسجد", "تفجير", AS, None, asr, "asir_mosque_attack"),
        ("أن هذه الزيارة تأتي", "الزيارة", C, None, asr, "suwaidi_visit"),
    ],
    # pair 5a: PKK ambush on an army convoy in Sirnak, 30 Jul (three papers)
    "2015-07-31.jsonl.gz#L834": [
        ("أعلن الجيش التركي مقتل", "مقتل", AS, "2015-07-30", asr, "pkk_sirnak"),
        ("نتيجة هجوم نفذته", "هجوم", AS, None, asr, "pkk_sirnak"),
        ("نصبوا كمينا", "كمينا", AS, None, asr, "pkk_sirnak"),
        ("قتل في الاشتباكات", "الاشتباكات", AS, None, asr, "sirnak_clashes"),
        ("في سلسة هجمات", "هجمات", AS, None, asr, "pkk_attack_series"),
        ("أطلقت تركيا حملة جوية", "حملة", AS, None, asr, "turkey_air_campaign"),
        ("ورغم الاتفاق لوقف إطلاق النار تم التوصل", "التوصل", J, "2013-01-01", asr, "pkk_ceasefire_2013"),
        ("شهد الأسبوع الماضي مجموعة هجمات", "هجمات", AS, "2015-07-20", asr, "pkk_attacks_last_week"),
    ],
    "2015-07-31.jsonl.gz#L1362": [
        ("أعلن الجيش التركي مقتل", "مقتل", AS, "2015-07-30", asr, "pkk_sirnak"),
        ("نتيجة هجوم نفذته", "هجوم", AS, None, asr, "pkk_sirnak"),
        ("نصبوا كمينا", "كمينا", AS, None, asr, "pkk_sirnak"),
        ("قتل في الاشتباكات", "الاشتباكات", AS, None, asr, "sirnak_clashes"),
        ("في سلسة هجمات", "هجمات", AS, None, asr, "pkk_attack_series"),
        ("أطلقت تركيا حملة جوية", "حملة", AS, None, asr, "turkey_air_campaign"),
        ("ورغم اتفاق لوقف إطلاق نار تم التوصل", "التوصل", J, "2013-01-01", asr, "pkk_ceasefire_2013"),
        ("شهد الأسبوع الماضي مجموعة هجمات", "هجمات", AS, "2015-07-20", asr, "pkk_attacks_last_week"),
    ],
    "2015-07-31.jsonl.gz#L1542": [
        ("في هجوم على كتيبة", "هجوم", AS, "2015-07-30", asr, "pkk_sirnak"),
        ("الوئام: تركيا: مقتل 3 جنود في هجوم", "هجوم", AS, None, asr, "pkk_sirnak"),
    ],
    # pair 5b: gunmen attack a hotel in Sevare, Mali, and take hostages, 7 Aug (three papers)
    "2015-08-07.jsonl.gz#L60": [
        ("إثر هجوم شنه مسلحون", "هجوم", AS, "2015-08-07", asr, "sevare_attack"),
        ("وهاجموا ثلاثة فنادق", "هاجموا", AS, None, asr, "sevare_attack"),
        ("تم نشر جنود حول", "نشر", M, None, asr, None),
    ],
    "2015-08-07.jsonl.gz#L193": [
        ("في الهجوم على فندق", "الهجوم", AS, "2015-08-07", asr, "sevare_attack"),
        ("والهجوم الذي شنه مسلحون صباح اليوم", "الهجوم", AS, "2015-08-07", asr, "sevare_attack"),
    ],
    "2015-08-08.jsonl.gz#L579": [
        ("هاجموا فندقًا في وسط مالي", "هاجموا", AS, "2015-08-07", asr, "sevare_attack"),
        ("الذين داهموا الفندق", "داهموا", AS, None, asr, "sevare_attack"),
        ("ونجحت عملية عسكرية قادتها فرنسا", "عملية عسكرية", AS, "2013-01-01", asr, None),
        ("وبلدات سيطروا عليها", "سيطروا", AS, "2012-01-01", asr, None),
        ("وتم نشر قوة حفظ السلام", "نشر", M, None, asr, None),
        ("بخطف ثلاثة طيارين روس", "خطف", AS, None, den, None),
    ],
}


def _locate(body: str, ctx: str, trigger: str) -> tuple[int, int]:
    at = body.find(ctx)
    if at < 0 or body.find(ctx, at + 1) >= 0:
        raise ValueError(f"context not found once: {ctx!r}")
    off = ctx.find(trigger)
    if off < 0:
        raise ValueError(f"trigger {trigger!r} not in context {ctx!r}")
    return at + off, at + off + len(trigger)


def _events(body: str, rows) -> list[dict]:
    out = []
    errors = []
    for ctx, trig, typ, date, fact, story in rows:
        try:
            s, e = _locate(body, ctx, trig)
        except ValueError as exc:
            errors.append(str(exc))
            continue
        out.append({"start": s, "end": e, "trigger": trig, "type": typ, "date": date, "factuality": fact,
                    "story": story})
    if errors:
        raise ValueError("\n".join(errors))
    return out


def _snn_lines() -> dict[str, dict]:
    keys = {**SNN_DOCS, **HELDOUT, **HELDOUT2, **DEV2}
    want = {k.split("#L")[0] for k in keys}
    found = {}
    for name in sorted(want):
        with gzip.open(SNN / name, "rt", encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                key = f"{name}#L{n}"
                if key in keys:
                    found[key] = json.loads(line)
    return found


def main() -> None:
    docs = []
    for stem, (pub, rows) in SAMPLES.items():
        body = final_text((ROOT / "samples" / f"{stem}.txt").read_text(encoding="utf-8"))
        docs.append({"doc": f"sample:{stem}", "split": "dev", "published_at": pub, "body": body, "events": _events(body, rows)})
    lines = _snn_lines()
    for split, table in (("dev", SNN_DOCS), ("heldout", HELDOUT), ("heldout2", HELDOUT2), ("dev2", DEV2)):
        for key, rows in table.items():
            d = lines[key]
            body = final_text(d["text"])
            docs.append({"doc": f"snn:{key}", "split": split, "outlet": d["outlet"],
                         "published_at": d["published"].replace(" ", "T"), "body": body,
                         "events": _events(body, rows)})
    with OUT.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"{len(docs)} articles, {sum(len(d['events']) for d in docs)} events -> {OUT}")


if __name__ == "__main__":
    main()
