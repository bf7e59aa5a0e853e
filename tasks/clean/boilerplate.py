"""Lexicon of page chrome in Arabic news sites: which lines are widgets, captions or footers.

Patterns are written from Arabic web conventions (WordPress and Arabic CMS themes: share bars,
comment forms, "اقرأ أيضا" boxes, tag lists, cookie and newsletter banners, copyright lines,
icon words left by font icons). Every pattern is matched against a *line key*: the stripped
line, folded like ``match_key`` (alef/ya/ta-marbuta variants, diacritics and tatweel removed,
so "وصــل حديــثا" matches "وصل حديثا") and lower-cased. The patterns use only syntax shared by
Python ``re`` and Rust ``regex`` so that the JSON fast path can apply them in polars.
Avoid bounded repeats of wide classes (``.{0,150}``) in them: one such pattern made the
combined Rust regex 100x slower (2 s instead of 0.02 s for 32k lines); length limits come
from ``MAX_WIDGET_CHARS`` instead.

Two kinds of lines:
- ``CHROME``: a widget line; dropped wherever it is.
- ``STOP``: a widget that closes the article (share bar, comment form, tags, related links,
  copyright, site footer); in a page dump everything after the first one is footer.
"""

from __future__ import annotations

import re
from functools import lru_cache

import polars as pl

from akhbar.tasks.text import match_key

_OPT_COLON = r"\s*[:：.]?\s*"
_COUNT = r"\s*[(\[]?\s*\d*\s*[)\]]?"

# Widgets that end the article text.
_STOP = [
    # share and follow bars
    r"(share|شارك|مشاركه|شارك هذا|شارك الخبر|شارك المقال|شارك هذه المقاله|حصه هذه الماده"
    r"|انشر|انشر الخبر|spread the love|share this|share on|تابعنا|تابعونا|تابعنا علي .*|تابعونا علي .*)"
    + _OPT_COLON,
    # comment forms and their rules
    r"(اترك|اضف|اكتب|أرسل|ارسل) (تعليق|تعليقا|تعليقك|ردا)" + _OPT_COLON + r".*",
    r"(التعليقات|تعليقات|تعليق|الردود|comments?|leave a (reply|comment)|أفكارك وتعليقاتك|افكارك وتعليقاتك)"
    + _COUNT + _OPT_COLON,
    r"لن يتم نشر (عنوان )?بريدك الالكتروني.*",
    r"(الحقول|حقول) (الالزاميه|المطلوبه|الاجباريه).*",
    r"شروط (التعليق|التعليقات|النشر)" + _OPT_COLON + r".*",
    # short links, related links, tags
    r"(رابط مختصر|الرابط المختصر|رابط الخبر|رابط المقال|short ?link|permalink)" + _OPT_COLON + r".*",
    r"(مواضيع|اخبار|مقالات|قصص|موضوعات) (ذات صله|متعلقه|مشابهه|قد تهمك)" + _OPT_COLON,
    r"(ذات صله|related( posts| articles| news)?|you may also like|قد يعجبك ايضا|قد يهمك ايضا)"
    + _OPT_COLON,
    r"(الوسوم|وسوم|الكلمات المفتاحيه|كلمات مفتاحيه|كلمات دلاليه|الكلمات الدلاليه|tags)"
    + _OPT_COLON + r".*",
    # copyright and site footers
    r".*(جميع الحقوق محفوظه|حقوق النشر محفوظه|all rights reserved|copyright).*",
    r".*©.*",
    r"(وصل حديثا|احدث الاخبار|اخر الاخبار|الاكثر قراءه|الاكثر مشاهده|الاكثر تعليقا|اخترنا لكم"
    r"|شاهد ايضا|المزيد من الاخبار|اقرا المزيد|more stories|latest news|trending)" + _OPT_COLON,
]

# Widgets dropped wherever they are (inside the article too).
_CHROME = [
    r"(اقرا|إقرأ|اقرأ|اقرا ايضا|شاهد) (ايضا|المزيد)" + _OPT_COLON + r".*",
    r"(اعلان|اعلانات|مساحه اعلانيه|advertisement|sponsored|محتوي مدفوع)",
    # Icon words left by font icons, followed at most by a short value ("clock 7 ديسمبر 2021").
    r"(profile|clock|eye|user|calendar|comment|comments|time|views?|folder|tag|icon)( \S+){0,6}",
    r"(عدد )?(المشاهدات|القراءات|الزيارات|مشاهده|قراءه|views?)" + _OPT_COLON + r"[\d,.]+",
    r"[\d,.]+ (مشاهده|مشاهدات|قراءه|قراءات|views?|comments?)",
    r"(slide|صوره|الصوره) ?\d+( (من|of) \d+)?",
    r"\d+ ?/ ?\d+",
    r"[(\[]?\s*-?(تستمر|يتبع|يتبع للخبر بقيه|انتهي|end)-?\s*[)\]]?",
    r"تم نسخ (عنوان|رابط|النص).*",
    r"(نسخ الرابط|انسخ الرابط|طباعه|print|email|البريد الالكتروني|ارسل لصديق|حفظ|save)",
    r"(facebook|twitter|whatsapp|telegram|linkedin|pinterest|reddit|messenger|x|فيسبوك|فيس بوك"
    r"|تويتر|واتساب|واتس اب|تيليجرام|تلغرام|انستغرام|انستجرام|يوتيوب)\s*:?( \S+){0,2}",
    r"(تم النشر|نشر في|نشر|اخر تحديث|تاريخ النشر|تاريخ التحديث|حدث في|بتاريخ|on|by|في)"
    + _OPT_COLON,
    r"اخر تحديث\s*[:：]?.*",
    r"نستخدم (تسجيلك|ملفات تعريف الارتباط|الكوكيز|cookies).*",
    # Cookie banners name the cookies *and* ask for consent; a news line about a privacy
    # policy does not ask the reader for anything.
    r".*(نستخدم|يستخدم|باستخدامك|بمتابعه|بمتابعتك|توافق|we use|uses).*"
    r"(ملفات تعريف الارتباط|الكوكيز|cookies|سياسه الخصوصيه|privacy policy).*",
    r".*(ملفات تعريف الارتباط|الكوكيز|cookies|سياسه الخصوصيه|privacy policy).*"
    r"(توافق|موافقه|اوافق|قبول|agree|accept).*",
    # Newsletter boxes; "اشترك" alone is also the verb "took part" and is not matched.
    r"(يمكنك الغاء الاشتراك|اشترك الان|اشترك في (النشره|القائمه|قناتنا|خدمه|نشرتنا)|سجل الان"
    r"|subscribe|sign up|newsletter).*",
    r"(تواصل معنا|اتصل بنا|من نحن|contact us|about us|الرئيسيه|home|القائمه|menu|بحث|search)"
    + _OPT_COLON,
    r"(للمزيد من الاخبار|لمتابعه اخر الاخبار|حمل تطبيق|حمل التطبيق).*",
    # Disclaimer that a republishing site adds under every article.
    r".*(المواقف|الاراء|المقالات|المقال|المحتوي).*(ليست بالضروره|لا تعبر بالضروره|لا يعبر بالضروره).*",
]

# Photo captions and credits: a line ending with "agency / photographer [/ File Photo]",
# "(صورة: ...)", "تصوير: ...", or English stock-caption endings.
_CAPTION = [
    r"(.*[\s(])?(رويترز|reuters|ا ف ب|afp|ا ب|ap|epa|getty( images)?|د ب ا|dpa|الاناضول|سبوتنيك)"
    r"\s*/\s*[^/\s]+( [^/\s]+){0,3}\s*(/\s*(file photo|photo|صوره ارشيفيه|ارشيف))?\s*[.]?",
    r".*(file photo|getty images|photo credit|image credit)\s*[.)]?",
    r"[(\[]?\s*(صوره|الصوره|تصوير|الصور|photo|image)\s*[:：]\s*[^.]{0,80}[)\]]?",
    r"(تصوير|عدسه)\s*[-–:]\s*.{2,40}",
    # "الرئيس الروسي فلاديمير بوتين (أرشيفية)": a caption marked as an archive photo.
    r".*[(\[]\s*(صوره |الصوره )?(ارشيفيه|ارشيف|من الارشيف|archive|file)\s*[)\]]\s*[.]?",
]

# Widget lines are short: the longest in the seed pages is a 190-character disclaimer, the
# longest Reuters caption seen about 200. A longer line is prose, whatever words it contains;
# the cap also keeps the "anywhere in the line" patterns (copyright, cookies) off paragraphs.
MAX_WIDGET_CHARS = 300

_BREADCRUMB_SEP = re.compile(r"\s[»›>|/]\s|\s[»›>|/]$|^[»›>|/]\s")


def _fold(pattern: str) -> str:
    """Fold the Arabic letters of a pattern the way ``line_key`` folds lines."""
    return "".join(match_key(ch) if ch.strip() and ch.isalpha() else ch for ch in pattern)


def _joined(patterns: list[str]) -> str:
    return "^(?:" + "|".join(_fold(p) for p in patterns) + ")$"


def _compile(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(_joined(patterns), re.IGNORECASE)


@lru_cache(maxsize=1)
def _compiled() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    return _compile(_STOP), _compile(_CHROME), _compile(_CAPTION)


# Bullets and list markers that themes put before widget words ("• clock 7 ديسمبر").
BULLETS = "•·●▪■◦*-–—>»|"


def line_key(line: str) -> str:
    """Fold a line for lexicon matching (see module docstring); leading bullets removed."""
    return match_key(line).lower().lstrip(BULLETS + " ")


def is_stop(line: str) -> bool:
    """True when ``line`` is a widget that ends the article (share bar, comments, tags...)."""
    return len(line) <= MAX_WIDGET_CHARS and bool(_compiled()[0].match(line_key(line)))


def is_chrome(line: str) -> bool:
    """True when ``line`` is page chrome to drop wherever it occurs."""
    if len(line) > MAX_WIDGET_CHARS:
        return False
    key = line_key(line)
    stop, chrome, _ = _compiled()
    return bool(chrome.match(key) or stop.match(key) or is_breadcrumb(line))


def is_caption(line: str) -> bool:
    """True when ``line`` is a photo caption or credit (not article text)."""
    return len(line) <= MAX_WIDGET_CHARS and bool(_compiled()[2].match(line_key(line)))


def is_breadcrumb(line: str) -> bool:
    """True for navigation trails and menus: 3+ short items joined by » › > | /."""
    parts = [p for p in re.split(r"\s*[»›>|/]\s*", line) if p.strip()]
    return (len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts)
            and bool(_BREADCRUMB_SEP.search(line)))


def drop_line_pattern() -> str:
    """One regex (Python and Rust syntax) matching the key of any line to drop on the fast path."""
    return _joined(_STOP + _CHROME + _CAPTION)  # keys are lower-cased already


_DIACRITICS_CLASS = "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]"
_FOLD_FROM = "أإآٱىةؤئکیھگ"


def line_key_expr(col: pl.Expr) -> pl.Expr:
    """Vectorised ``line_key`` over a column of lines (same folding as ``match_key``)."""
    return (
        col.str.normalize("NFC")
        .str.replace_all(_DIACRITICS_CLASS, "")
        .str.replace_many(list(_FOLD_FROM), [match_key(c) for c in _FOLD_FROM])
        .str.replace_all(r"\s+", " ")
        .str.strip_chars()
        .str.to_lowercase()
        .str.strip_chars_start(BULLETS + " ")
    )


# CSS rules and script blocks leaked into the text by crawlers ("#vote_area2 ul { padding: 0;
# }", seen in 14 SaudiNewsNet alriyadh articles, where they made up to 60% of the letters). A
# rule needs a Latin selector and a "prop: value" inside its braces, so Arabic text that uses
# braces as quotes ("خاص بـ{الشرق الأوسط}") is left alone.
# Bare image addresses left by thumbnails ("http://.../x.jpg?itok=usQn", 52 arriyadiyah
# articles) are not text either; other URLs can be (a ministry's site) and stay.
CODE_BLOCK_PATTERN = (r"[A-Za-z#.@_*][A-Za-z0-9_\-#.>:,*\[\]=\"'() ]*\{[^{}]*:[^{}]*\}"
                      r"|(?i:https?://\S+?\.(?:jpe?g|png|gif|webp|bmp|svg))(?:\?\S*)?")
_CODE_BLOCK_RE = re.compile(CODE_BLOCK_PATTERN)


def strip_code(text: str) -> str:
    """Remove leaked CSS rules / script blocks and bare image addresses from ``text``."""
    return _CODE_BLOCK_RE.sub(" ", text) if "{" in text or "://" in text else text
