"""An imported article's "Mains Question:" lines become draft Mains questions, with the marks, word limit
and directive word read from how the writer noted them."""

import pytest

from answers.importing import read_question
from answers.models import MainsQuestion


@pytest.mark.parametrize("line, expected", [
    ("How does the monsoon shape rural demand in India? Discuss. (10 marks)",
     ("How does the monsoon shape rural demand in India? Discuss.", 10, 150, "discuss")),
    ("Critically examine the case for a fiscal council in India. (250 words)",
     ("Critically examine the case for a fiscal council in India.", 15, 250, "critically-examine")),
    ("Examine the role of the Finance Commission in cooperative federalism (10 M)",
     ("Examine the role of the Finance Commission in cooperative federalism", 10, 150, "examine")),
    ("Evaluate India's defence ties with Japan. 15 marks",
     ("Evaluate India's defence ties with Japan.", 15, 250, "evaluate")),
    ("Comment on the grasslands' place in conservation policy. [15 Marks, 250 Words]",
     ("Comment on the grasslands' place in conservation policy.", 15, 250, "comment")),
    ("ग्रामीण माँग पर मानसून के प्रभाव की चर्चा कीजिए। (150 शब्द)",
     ("ग्रामीण माँग पर मानसून के प्रभाव की चर्चा कीजिए।", 10, 150, "discuss")),
    ("What explains the rise of digital payments?", ("What explains the rise of digital payments?", 10, 150, "explain")),
])
def test_marks_words_and_directive_are_read_from_the_line(line, expected):
    """Each way of noting marks and words, in English and Hindi, gives the same question."""
    assert read_question(line) == expected


@pytest.mark.django_db
def test_importing_an_article_makes_its_mains_questions_drafts(client):
    """The import's draft article carries one draft Mains question per "Mains Question:" line."""
    from articles.importing.drafts import create_draft, read_article
    from tests.articles.samples import ARTICLE

    article = create_draft(read_article("pasted.txt", ARTICLE))

    assert list(MainsQuestion.objects.filter(article=article).values_list("text", "marks", "word_limit", "status")) == [
        ("How does the monsoon shape rural demand in India? Discuss.", 10, 150, "draft")]


@pytest.mark.django_db
def test_the_month_page_and_its_pdf_list_the_months_mains_questions(client):
    """The released month's page lists each approved Mains question with its marks, leading to its writing
    page; the PDF ends with them as an appendix; a draft question appears in neither."""
    import io

    import pypdf

    from tests.answers.factories import mains_question
    from tests.factories import EditionFactory, full_article

    march = EditionFactory(year=2024, month=3)
    article = full_article(slug="finance-commission", edition=march)
    question = mains_question(article, "Discuss how the Finance Commission weighs equity against efficiency.")
    mains_question(article, "A draft question nobody approved yet.", status="draft")

    page = client.get("/editions/2024/03/").content.decode()
    pdf = client.get("/editions/2024/03/pdf")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf.content)).pages)

    assert f'href="/articles/finance-commission/answer/{question.pk}/"' in page and "15 marks, 250 words" in page
    assert "A draft question" not in page
    assert "Appendix: the month's Mains questions" in text and "weighs equity against efficiency" in text
    assert "A draft question" not in text
