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
