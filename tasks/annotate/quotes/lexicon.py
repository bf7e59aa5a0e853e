"""Word lists of Arabic reporting conventions: cue verbs, complementisers, quote marks, stops.

Every list is looked up through ``match_key`` (hamza, alef maqsura, ta marbuta and diacritics
folded), so "أكّد", "اكد" and "أكد" are one entry. The cue lexicon is written as lemmas and
expanded to the inflections seen in news prose (past 3rd person sg/pl/dual, present with ي/ت/ن/أ,
the active participle used in "..., مشيرا إلى أن ..."), not collected from the samples.
"""

from __future__ import annotations

from akhbar.tasks.text import WEEKDAYS, match_key

# (past 3ms, present stem after the person prefix, participle stem) per reporting verb.
# None = that form is not used as a reporting cue (or is too ambiguous to list).
_CUE_LEMMAS: tuple[tuple[str, str | None, str | None], ...] = (
    ("قال", "قول", "قائل"),
    ("أكد", "ؤكد", "مؤكد"),
    ("أعلن", "علن", "معلن"),
    ("أوضح", "وضح", "موضح"),
    ("أشار", "شير", "مشير"),
    ("أضاف", "ضيف", "مضيف"),
    ("ذكر", "ذكر", None),
    ("اعتبر", "عتبر", "معتبر"),
    ("حذر", "حذر", "محذر"),
    ("نفى", "نفي", "نافي"),
    ("طالب", "طالب", "مطالب"),
    ("رأى", "رى", None),
    ("شدد", "شدد", "مشدد"),
    ("بين", "بين", "مبين"),
    ("أبان", "بين", None),
    ("أفاد", "فيد", "مفيد"),
    ("كشف", "كشف", "كاشف"),
    ("صرح", "صرح", "مصرح"),
    ("لفت", "لفت", "لافت"),
    ("نوه", "نوه", "منوه"),
    ("تابع", "تابع", "متابع"),
    ("أردف", "ردف", "مردف"),
    ("زعم", "زعم", "زاعم"),
    ("ادعى", "دعي", "مدعي"),
    ("اعترف", "عترف", "معترف"),
    ("أقر", "قر", "مقر"),
    ("رجح", "رجح", "مرجح"),
    ("توقع", "توقع", "متوقع"),
    ("اعتقد", "عتقد", "معتقد"),
    ("أجاب", "جيب", "مجيب"),
    ("أبلغ", "بلغ", "مبلغ"),
    ("أخبر", "خبر", None),
    ("أعرب", "عرب", "معرب"),
    ("استدرك", "ستدرك", "مستدرك"),
    ("أفصح", "فصح", "مفصح"),
    ("اختتم", "ختتم", "مختتم"),
    ("علق", "علق", "معلق"),
    ("تساءل", "تساءل", "متسائل"),
)

# Irregular past forms (weak final radical, hollow verbs) not produced by plain suffixing.
_IRREGULAR_PAST = {
    "نفى": ("نفت", "نفوا", "نفيا"),
    "رأى": ("رأت", "رأوا", "رأيا"),
    "ادعى": ("ادعت", "ادعوا"),
    "قال": ("قلن",),
}

# Verbal nouns that carry a statement ("كرر التأكيد على أن"، "اكتفى بالإشارة إلى").
_MASDAR = ("التأكيد", "بالتأكيد", "الإشارة", "بالإشارة", "تأكيده", "تأكيدها", "قوله", "قولها", "قولهم")

# Forms too ambiguous to act as cues without the conjunction و/ف in front: "بين" is also
# "between", "ذكر" a noun, "تابع" "follower/affiliated", "علق" "hung", "رجح" rare.
AMBIGUOUS_BARE = frozenset(match_key(w) for w in ("بين", "ذكر", "تابع", "علق", "يذكر", "مقر", "متابع", "مبلغ", "توقع", "متوقع", "معلق"))

# Cues that introduce speech but never a complementiser clause of their own in news prose.
SPEECH_NOUNS = frozenset(match_key(w) for w in ("قوله", "قولها", "قولهم"))


def _past_forms(past: str) -> list[str]:
    forms = [past, past + "ت", past + "وا", past + "ا"]
    forms += list(_IRREGULAR_PAST.get(past, ()))
    if past == "قال":
        forms += ["قالت", "قالوا"]
    return forms


def _present_forms(stem: str) -> list[str]:
    out = []
    for person in ("ي", "ت"):  # news narration reports in the 3rd person; "نتوقع" is speech
        out += [person + stem, person + stem + "ون", person + stem + "ان"]
    return out


def _participle_forms(stem: str) -> list[str]:
    return [stem + s for s in ("ا", "اً", "ًا", "ة", "ين", "ون", "تين", "ان")]


def _build_cues() -> dict[str, tuple[str, str]]:
    """match_key(form) -> (lemma, form kind) for every generated inflection."""
    cues: dict[str, tuple[str, str]] = {}
    for past, present, participle in _CUE_LEMMAS:
        for f in _past_forms(past):
            cues.setdefault(match_key(f), (past, "verb"))
        if present:
            for f in _present_forms(present):
                cues.setdefault(match_key(f), (past, "verb"))
        if participle:
            for f in _participle_forms(participle):
                cues.setdefault(match_key(f), (past, "participle"))
    for f in _MASDAR:
        cues[match_key(f)] = (f, "noun")
    return cues


CUES: dict[str, tuple[str, str]] = _build_cues()

# Complementisers "إن/أن/بأن" with the attached pronouns; "فإن", "لأن", "كأن" are excluded.
_PRONOUNS = ("", "ه", "ها", "هم", "هما", "هن", "ني", "نا", "ك", "كم")
COMPLEMENTISERS = frozenset(match_key(base + p) for base in ("أن", "إن", "بأن") for p in _PRONOUNS)

# A word right before "أن" that makes it a non-reporting "أن" (after, before, must, can ...).
NON_REPORTING_BEFORE_AN = frozenset(match_key(w) for w in (
    "بعد", "قبل", "منذ", "يجب", "يمكن", "ينبغي", "بد", "لابد", "يريد", "تريد", "يحاول", "تحاول",
    "حتى", "دون", "بدون", "إلا", "يستطيع", "تستطيع", "أراد", "أرادت", "عسى", "لعل", "مجرد",
    "ما", "يتوقع", "المتوقع", "المقرر", "المنتظر", "المفترض", "شأن", "شأنه", "شأنها", "أجل",
    # a speech noun owns the "بأن" that follows it ("تنفي تأكيدات أمريكية بأنها ...")
    "تأكيدات", "ضمانات", "اتهامات", "مزاعم", "ادعاءات", "أنباء", "تقارير", "معلومات", "شائعات",
    "توقعات", "قناعة", "اعتقاد", "أمل", "علم", "تأكيد", "وعد", "وعود", "تهديد", "تهديدات",
))

# Words that end a speaker noun phrase after the cue: prepositions, time words, adverbs.
SUBJECT_STOPS = frozenset(match_key(w) for w in (
    "في", "خلال", "يوم", "اليوم", "أمس", "مساء", "صباح", "ظهر", "الليلة", "عقب", "بعد", "قبل",
    "أثناء", "على", "عن", "إلى", "الى", "عبر", "أيضا", "أيضاً", "كذلك", "مؤخرا", "ردا", "رداً", "فيه",
    "فيها", "له", "لها", "لهم", "منه", "منها", "عليه", "عليها", "إليه", "إليها", "به", "بها",
    "تعليقا", "حسب", "بحسب", "وفقا", "وفقًا", "وفق", "نقلا", "الذي", "التي", "الذين", "اللذين",
    "من", "مع", "أمام", "لدى", "إن", "أن", "بأن", "هذا", "الأسبوع", "الشهر", "السبت",
    "مرارا", "مرارًا", "سابقا", "لاحقا", "حيث", "بينما", "فيما", "وقت", "مساء", "ضمن", "بشأن",
    "حول", "لوكالة", "للصحفيين", "لـ", "ل", "بتصريح", "قائلا", "إنه", "أي", "تجاه", "هذه",
    "ذلك", "كل", "جميع", "بعض", "إذا", "لأن", "كما", "ثم", "أو", "بل", "لكن", "نفسه", "نفسها",
    # adverbs and objects that follow a cue in place of a subject ("وبيّن حينها"، "اختتم حديثه
    # بالقول"), interrogatives of reported dialogue, existentials ("هناك جماعات ترى أن")
    "حينها", "حينه", "آنذاك", "بدوره", "بدورها", "جهته", "جهتها", "جانبه", "جانبها", "حديثه",
    "حديثها", "كلمته", "كلمتها", "تصريحه", "تصريحها", "بالقول", "ماذا", "هل", "كيف", "لماذا",
    "متى", "أين", "هناك", "زال", "مازال", "ليس", "بقوله", "بقولها",
) + tuple(n for names in WEEKDAYS.values() for n in names))

# Pronouns as the whole subject: resolve like an empty subject.
PRONOUN_SUBJECTS = frozenset(match_key(w) for w in ("هو", "هي", "هم", "هما", "هن", "نحن", "أنا"))

# Heads that start a description of a person by office; used to keep a title apart from the
# name that follows it and to resolve a bare title to a name given earlier in the article.
TITLE_HEADS = frozenset(match_key(w) for w in (
    "المتحدث", "المتحدثة", "الناطق", "الناطقة", "وزير", "وزيرة", "رئيس", "رئيسة", "الرئيس",
    "نائب", "مدير", "مديرة", "الأمين", "السفير", "سفير", "المسؤول", "مسؤول", "المستشار", "مستشار",
    "قائد", "الملك", "الأمير", "أمير", "الشيخ", "الدكتور", "اللواء", "العقيد", "العميد", "محافظ",
    "السكرتير", "المدير", "مساعد", "عضو", "كبير", "المندوب", "مندوب", "زعيم", "الزعيم", "المدرب",
    "مدرب", "كاتب", "مخرج", "الباحث", "المحلل", "الخبير", "المبعوث", "مبعوث", "قائد", "المرشد",
))

# Nouns that name the thing in marks (a title, outlet, campaign...) rather than quote speech.
NAMING_NOUNS = frozenset(match_key(w) for w in (
    "وكالة", "أنباء", "صحيفة", "جريدة", "قناة", "مجلة", "موقع", "حساب", "وسم", "هاشتاق", "هاشتاغ",
    "مسرحية", "فيلم", "مسلسل", "برنامج", "كتاب", "رواية", "قصيدة", "ديوان", "أغنية", "مهرجان",
    "جائزة", "مؤتمر", "منتدى", "معرض", "حملة", "عملية", "مشروع", "مبادرة", "شركة", "شركتا",
    "مجلس", "منظمة", "حزب", "حركة", "تنظيم", "جماعة", "مجموعة", "فريق", "نادي", "تطبيق", "منصة",
    "شعار", "عنوان", "بعنوان", "تحت", "اسم", "باسم", "لقب", "المسمى", "المسماة", "يسمى", "تسمى",
    "أسماه", "أسمته", "سماه", "مصطلح", "كلمة", "عبارة", "وثيقة", "دراسة", "تقرير", "نظام", "مركز",
    "مسابقة", "بطولة", "دوري", "كأس", "مسجد", "جامع", "مستشفى", "مدرسة", "جامعة", "شارع", "حي",
    "قرية", "مدينة", "سوق", "فندق", "مطعم", "مجمع", "ملتقى", "ندوة", "صفحة", "مدونة", "سلسلة",
    "رواية", "دار", "شبكة", "إذاعة", "راديو", "تلفزيون", "الرمز", "رمز", "نوع", "طراز", "ماركة",
))

# "according to" attributions (used only to attach a speaker to a marked quote).
ACCORDING_TO = frozenset(match_key(w) for w in ("وفقا", "وفقًا", "وفقاً", "ووفقا", "ووفقًا", "ووفقاً", "بحسب", "وبحسب", "حسب", "حسبما", "نقلا", "نقلاً"))

# Quote marks: double marks pair with each other in any combination (mixed pairs occur), the
# single marks only with single marks. "«" opens and "»" closes when they are used properly.
DOUBLE_MARKS = "“”„«»\"‟"
SINGLE_MARKS = "‘’'‚"
ALL_MARKS = DOUBLE_MARKS + SINGLE_MARKS
