"""What editors learn: per question the answers received, the median marks and the rubric part students
lose most on; per month the directive words handled worst; shown on the article's and the month's admin
pages."""

import pytest

from answers import reviewing, services
from answers.insights import directive_insights, question_insights
from answers.models import Review
from tests.answers.factories import mains_question
from tests.factories import EditionFactory, full_article, staff_user

pytestmark = pytest.mark.django_db


def reviewed(question, device, **marks):
    answer = services.submit(question=question, device=device * 32, text="An answer.", uploads=[])
    return reviewing.review(answer, answer.evaluator, marks=marks, remark="Noted.")


@pytest.fixture
def month():
    staff_user("anil", role="Evaluator")
    march = EditionFactory(year=2024, month=3)
    discuss = mains_question(full_article(slug="one", edition=march), "Discuss the one thing.", marks=10,
                             word_limit=150, directive="discuss")
    examine = mains_question(full_article(slug="two", edition=march), "Critically examine the other.", marks=10,
                             word_limit=150, directive="critically-examine")
    # Discuss: totals 6, 7 and 8; conclusions are where marks go missing (0.5 of a usual 1.5).
    for device, body in (("a", "3"), ("b", "4"), ("c", "5")):
        reviewed(discuss, device, introduction="1.5", body=body, conclusion="0.5", presentation="1")
    reviewed(examine, "d", introduction="0.5", body="2", conclusion="0.5", presentation="0.5")
    services.submit(question=examine, device="e" * 32, text="Waiting.", uploads=[])
    return march, discuss, examine


def test_each_question_says_how_many_answered_its_median_and_the_part_students_lose_most_on(month):
    """Discuss: 3 answers, median 7 of 10, weakest the conclusion; Critically examine: 2 answers, 1 reviewed."""
    march, discuss, examine = month

    first, second = question_insights([discuss, examine])

    assert (first.answers, first.reviewed, first.median_marks, first.median_percent) == (3, 3, 7, 70)
    assert first.weakest_part == "Conclusion" and first.weakest_share == 33
    assert (second.answers, second.reviewed, second.median_marks) == (2, 1, 3.5)


def test_the_month_names_the_directive_words_handled_worst_first(month):
    """Critically examine (35%) comes before Discuss (70%)."""
    rows = directive_insights(Review.objects.select_related("answer__question"))

    assert rows == [("Critically examine", 1, 35), ("Discuss", 3, 70)]


def test_the_article_and_month_admin_pages_show_the_charts(client, month):
    """An editor sees the question's line and bar on the article page, and the directive table on the month's."""
    march, discuss, _ = month
    client.force_login(staff_user("meera", role="Editor"))

    article_page = " ".join(client.get(f"/admin/articles/article/{discuss.article_id}/change/").content.decode().split())
    month_page = client.get(f"/admin/articles/edition/{march.pk}/change/").content.decode()

    assert "What students' Mains answers say" in article_page
    assert "3 answers received, 3 reviewed; median 7 / 10; lost most on <em>Conclusion</em>" in article_page
    assert 'aria-label="Median 70% of the marks"' in article_page
    assert month_page.index("Critically examine") < month_page.index("<th scope=\"row\">Discuss")
