"""The shared text primitives: the sentence splitter every annotator's sentence_index comes from."""

from akhbar.tasks.text import sentence_spans


def _sentences(body: str) -> list[str]:
    return [body[a:b] for a, b in sentence_spans(body)]


def test_sentences_end_at_stops_question_marks_and_paragraphs():
    assert _sentences("التقى الرئيس الوزير. هل اتفقا؟ نعم\nفقرة ثانية") == [
        "التقى الرئيس الوزير.", "هل اتفقا؟", "نعم", "فقرة ثانية"]


def test_a_number_can_end_a_sentence_but_a_decimal_dot_does_not():
    body = "وقعت الأزمة بعد عام 1997. وقالت الوزارة إن النمو بلغ 3.5 في المئة."
    assert _sentences(body) == ["وقعت الأزمة بعد عام 1997.", "وقالت الوزارة إن النمو بلغ 3.5 في المئة."]


def test_a_dot_after_a_one_letter_title_or_initial_is_no_boundary():
    body = "استقبل د. الربيعة أمس في الرياض. والتقى J. Biden م. سامي اليوم."
    assert _sentences(body) == ["استقبل د. الربيعة أمس في الرياض.", "والتقى J. Biden م. سامي اليوم."]


def test_a_question_mark_after_a_one_letter_word_still_ends_a_sentence():
    assert _sentences("هل قال ب؟ نعم قال. وانتهى...") == ["هل قال ب؟", "نعم قال.", "وانتهى..."]
