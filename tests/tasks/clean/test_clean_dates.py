"""``parse_published``: the publication-stamp forms of Arabic news pages."""

from __future__ import annotations

from datetime import datetime

import pytest

from akhbar.tasks.clean.dates import find_dates, parse_published


@pytest.mark.parametrize("text, expected, matched", [
    ("clock 7 ديسمبر 2021, 9:21:37 ص", datetime(2021, 12, 7, 9, 21, 37), "7 ديسمبر 2021, 9:21:37 ص"),
    ("12 ديسمبر 2021, 12:05 ص", datetime(2021, 12, 12, 0, 5), "12 ديسمبر 2021, 12:05 ص"),
    ("3 مارس 2022 - 4:10 م", datetime(2022, 3, 3, 16, 10), "3 مارس 2022 - 4:10 م"),
    ("نور السبكي13 يناير 2022آخر تحديث : منذ أسبوعين", datetime(2022, 1, 13), "13 يناير 2022"),
    ("( أردو بوینت نتورك ۔ / سبوتنيك - 24 كانون الثاني 2022ء) أعلن", datetime(2022, 1, 24),
     "24 كانون الثاني 2022"),
    ("21 أكتوبر / تشرين الأول 2021", datetime(2021, 10, 21), "21 أكتوبر / تشرين الأول 2021"),
    ("5 يناير/كانون الثاني 2022", datetime(2022, 1, 5), "5 يناير/كانون الثاني 2022"),
    ("تاريخ النشر: ٣ جانفي ٢٠٢٢ - ١٠:٣٠ م", datetime(2022, 1, 3, 22, 30), "٣ جانفي ٢٠٢٢ - ١٠:٣٠ م"),
    ("نشر في 14 أوت 2021", datetime(2021, 8, 14), "14 أوت 2021"),
    ("تم النشر الخميس 1 نيسان 2021", datetime(2021, 4, 1), "1 نيسان 2021"),
    ("الأربعاء 5 من يونيو 2019", datetime(2019, 6, 5), "5 من يونيو 2019"),
    ("أغسطس 6, 2015, 11:25 ص", datetime(2015, 8, 6, 11, 25), "أغسطس 6, 2015, 11:25 ص"),
    ("2015-07-21 02:51:32", datetime(2015, 7, 21, 2, 51, 32), "2015-07-21 02:51:32"),
    ("2022-01-04T10:00:00+02:00", datetime(2022, 1, 4, 10, 0), "2022-01-04T10:00:00"),
    ("2022-01-04", datetime(2022, 1, 4), "2022-01-04"),
    ("نشر في 12/03/2021", datetime(2021, 3, 12), "12/03/2021"),
    ("٢٠٢١/١٢/٠٧", datetime(2021, 12, 7), "٢٠٢١/١٢/٠٧"),
    ("الأحد 5 جمادى الأولى 1443 هـ - 9 يناير 2022 م", datetime(2022, 1, 9), "9 يناير 2022"),
    ("Tue, 04 Jan 2022 10:00:00 GMT", datetime(2022, 1, 4, 10, 0), "Tue, 04 Jan 2022 10:00:00 GMT"),
])
def test_reads_stamp_and_keeps_exact_text(text, expected, matched):
    value, got = parse_published(text)
    assert value == expected
    assert got == matched
    assert got in text  # the exact string it was read from


@pytest.mark.parametrize("text", [
    "منذ أسبوعين", "آخر تحديث : منذ ساعتين", "الثلاثاء (4 يناير)", "في يناير 2022",
    "31 فبراير 2022", "1436هـ", "قبل 3 ساعات", "", None, "العدد 12345 من الصحيفة",
    "15 يونيو 1066",
])
def test_no_date_is_invented(text):
    assert parse_published(text) == (None, None)


def test_finds_all_dates_in_order():
    text = "نشر في 4 يناير 2022، وعقد الاجتماع في 12 يناير 2022"
    assert [d[1].day for d in find_dates(text)] == [4, 12]
