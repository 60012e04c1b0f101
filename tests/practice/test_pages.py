"""Practice on an article: the question paper holds no key, answers are judged on the server, the results
explain every option and point to the section that answers it; anonymous devices, one attempt per sheet."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from practice.models import Attempt, Question
from tests.factories import ArticleFactory, SectionFactory, full_article
from tests.practice.factories import EXPLAINED, question, statements_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    article = full_article(title="The Sixteenth Finance Commission", slug="finance-commission", sections=2)
    SectionFactory(article=article, position=3, heading="Way Forward", body="<p>Share taxes fairly.</p>")
    return article


def paper_url(article):
    return f"/articles/{article.slug}/practice/"


def open_sheet(client, article):
    page = client.get(paper_url(article)).content.decode()
    return page, re.search(r'name="sheet" value="([^"]+)"', page).group(1)


def test_the_article_invites_to_practise_after_way_forward(client, article):
    """The article page offers "Practise N Prelims questions" after its last section when it has approved ones."""
    question(article)
    statements_question(article, position=1)
    question(article, status=Question.Status.DRAFT, position=2)

    page = client.get(article.get_absolute_url()).content.decode()

    assert "Practise 2 Prelims questions" in page
    assert page.index("Share taxes fairly.") < page.index("Practise 2 Prelims questions")
    assert 'href="/articles/finance-commission/practice/"' in page


def test_the_question_paper_holds_no_key_and_no_explanation(client, article):
    """The paper's HTML shows stems, statements and options, but nothing that tells the right answer."""
    statements_question(article)
    question(article, position=1)

    page, _ = open_sheet(client, article)

    assert "Consider the following statements" in page and "1 and 3 only" in page
    assert "Which of the statements given above is/are correct?" in page
    for secret in (EXPLAINED, "note", "is_correct", "is_true", "correct answer", "True.", "False."):
        assert secret not in page, secret
    assert "data-correct" not in page and "checked" not in page


def test_answers_are_marked_on_the_server_and_the_results_explain_everything(client, article):
    """One right, one wrong, one blank: 2 − 2/3 = 1.33 of 6; each question shows the chosen and the right
    answer, every option's explanation, statement notes and "Read: <section>" linking to its anchor."""
    section = article.sections.get(position=1)
    first = question(article, section=section)
    second = statements_question(article, position=1)
    third = question(article, position=2)
    _, sheet = open_sheet(client, article)
    wrong_option = second.options.get(position=0)

    response = client.post(paper_url(article), {"sheet": sheet, f"q{first.pk}": first.right_option.pk,
                                                f"q{second.pk}": wrong_option.pk, f"q{third.pk}": ""})

    attempt = Attempt.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/practice/attempts/{attempt.public_id}/"
    assert (attempt.correct, attempt.wrong, attempt.blank, attempt.marks, attempt.maximum) == (
        1, 1, 1, Decimal("1.33"), Decimal("6.00"))
    page = client.get(response["Location"]).content.decode()
    assert "<strong>1.33</strong> / 6.00" in page and "1 correct" in page and "1 wrong" in page
    assert "1 unattempted" in page and "Negative marks: -0.67" in page
    assert "Your answer: (a) · Correct answer: (b) 1 and 3 only" in page
    assert page.count(EXPLAINED) == 12 and "Statement 2 note." in page
    assert f'href="/articles/finance-commission/#{article.dimensions[0].anchor}">Read: {section.heading}</a>' in page
    assert "Accuracy by topic" in page and '<th scope="row">International Relations</th><td>1</td><td>2</td>' in page


def test_the_first_attempt_on_a_device_is_counted_and_retakes_are_practice(client, article):
    """A device's first attempt is ranked; the next one is "practice — not counted"; the history lists both."""
    first = question(article)
    for _ in range(2):
        _, sheet = open_sheet(client, article)
        client.post(paper_url(article), {"sheet": sheet, f"q{first.pk}": first.right_option.pk})

    ranked, retake = Attempt.objects.order_by("created_at", "pk")
    history = client.get("/practice/history/").content.decode()

    assert ranked.ranked and not retake.ranked and ranked.device == retake.device
    assert "Your first attempt: counted." in client.get(ranked.get_absolute_url()).content.decode()
    assert "Practice — not counted" in client.get(retake.get_absolute_url()).content.decode()
    assert history.count(article.title) == 2 and "practice — not counted" in history


def test_another_device_sees_none_of_this_devices_history(client, article):
    """Attempts belong to the device that made them; a fresh browser's history is empty."""
    first = question(article)
    _, sheet = open_sheet(client, article)
    client.post(paper_url(article), {"sheet": sheet, f"q{first.pk}": first.right_option.pk})
    client.cookies.clear()

    assert "No attempts yet on this device." in client.get("/practice/history/").content.decode()


def test_staff_attempts_never_count(client, article, editor):
    """An editor trying the questions gets a result marked as a staff attempt, never ranked."""
    first = question(article)
    client.force_login(editor)
    _, sheet = open_sheet(client, article)

    client.post(paper_url(article), {"sheet": sheet, f"q{first.pk}": first.right_option.pk})

    attempt = Attempt.objects.get()
    assert attempt.by_staff and not attempt.ranked
    assert "Staff attempt — not counted." in client.get(attempt.get_absolute_url()).content.decode()


def test_the_same_sheet_sent_twice_is_one_attempt_with_the_same_result(client, article):
    """A double tap on "Submit" stores one attempt, and both answers lead to the same result page."""
    first = question(article)
    _, sheet = open_sheet(client, article)
    answers = {"sheet": sheet, f"q{first.pk}": first.right_option.pk}

    once, twice = client.post(paper_url(article), answers), client.post(paper_url(article), answers)

    assert Attempt.objects.count() == 1 and once["Location"] == twice["Location"]


def test_answers_no_paper_offers_are_refused_and_nothing_is_saved(client, article):
    """An option of another question, two choices for one question, a question of another article or a
    forged sheet answer 400 with the reason, and store nothing."""
    first, second = question(article), question(article, position=1)
    other = question(full_article(slug="elsewhere"))
    _, sheet = open_sheet(client, article)
    cases = [
        ({f"q{first.pk}": second.right_option.pk}, "is not one of its options"),
        ({f"q{first.pk}": [first.right_option.pk, first.options.last().pk]}, "more than one answer"),
        ({f"q{other.pk}": other.right_option.pk}, "not on this paper"),
        ({f"q{first.pk}": "x'); DROP TABLE"}, "is not one of its options"),
    ]
    for answers, reason in cases:
        response = client.post(paper_url(article), {"sheet": sheet, **answers})
        assert response.status_code == 400 and reason in response.content.decode(), reason
    forged = client.post(paper_url(article), {"sheet": "forged", f"q{first.pk}": first.right_option.pk})
    assert forged.status_code == 400 and "not one we gave out" in forged.content.decode()
    assert not Attempt.objects.exists()


def test_a_missing_csrf_token_is_refused(article):
    """Posting answers without the form's CSRF token answers 403 and stores nothing."""
    from django.test import Client

    first = question(article)
    browser = Client(enforce_csrf_checks=True)
    _, sheet = open_sheet(browser, article)

    response = browser.post(paper_url(article), {"sheet": sheet, f"q{first.pk}": first.right_option.pk})

    assert response.status_code == 403 and not Attempt.objects.exists()


def test_unknown_attempts_and_articles_without_questions_are_not_found(client, article):
    """An unknown or malformed attempt id, and an article with no approved question, answer 404."""
    question(article, status=Question.Status.DRAFT)

    for url in ("/practice/attempts/00000000-0000-0000-0000-000000000000/", "/practice/attempts/nope/",
                paper_url(article)):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("hidden", [
    {"status": "draft", "published_at": None},
    {"status": "scheduled", "published_at": "future"},
    {"status": "unpublished"},
    {"status": "approved", "published_at": None},
])
def test_questions_of_an_article_students_cannot_read_are_never_public(client, hidden):
    """Like the draft sweep: a draft, a scheduled-not-yet-live, an unpublished or an approved article's
    questions appear nowhere — no practice page, no invitation, no submission."""
    if hidden.get("published_at") == "future":
        hidden["published_at"] = timezone.now() + timedelta(days=1)
    article = ArticleFactory(slug="hidden-article", **hidden)
    first = question(article)

    assert client.get("/articles/hidden-article/practice/").status_code == 404
    assert client.post("/articles/hidden-article/practice/", {f"q{first.pk}": first.right_option.pk}).status_code == 404
    assert not Question.objects.public().exists()


@pytest.mark.parametrize("url, queries", [
    ("paper", 4),    # article; its questions; their statements; their options
    ("result", 6),   # attempt + quiz; answers with questions; options; statements; the article's sections;
                     # how many first attempts there are (too few for shares and a percentile)
])
def test_practice_pages_issue_a_fixed_number_of_queries(client, article, django_assert_num_queries, url, queries):
    """The paper and the results cost the same number of queries whatever the number of questions."""
    questions = [question(article, position=n) for n in range(3)] + [statements_question(article, position=5)]
    _, sheet = open_sheet(client, article)
    client.post(paper_url(article), {"sheet": sheet, **{f"q{q.pk}": q.right_option.pk for q in questions}})
    target = paper_url(article) if url == "paper" else Attempt.objects.get().get_absolute_url()

    with django_assert_num_queries(queries):  # the header's call-us numbers and papers are in the cache by now
        response = client.get(target)

    assert response.status_code == 200


def test_after_twenty_first_attempts_options_show_their_shares_and_results_a_percentile(client, article):
    """Before 20 counted attempts no shares are shown; from the 20th, each option says how many chose it
    and the result places the attempt among the first attempts. Retakes never count."""
    first = question(article)
    right, wrong = first.right_option, first.options.get(position=1)

    def attempt(option):
        client.cookies.clear()
        _, sheet = open_sheet(client, article)
        client.post(paper_url(article), {"sheet": sheet, f"q{first.pk}": option.pk})
        return Attempt.objects.latest("pk")

    for number in range(19):
        last = attempt(right if number % 4 else wrong)  # 14 right, 5 wrong
    assert "chose this" not in client.get(last.get_absolute_url()).content.decode()

    twentieth = attempt(wrong)  # 14 right, 6 wrong of 20
    page = client.get(twentieth.get_absolute_url()).content.decode()

    assert "(70% chose this)" in page and "(30% chose this)" in page and "(0% chose this)" in page
    assert "as well as or better than 30% of first attempts" in page
