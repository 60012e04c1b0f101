"""The edition quiz: opens with the edition, assembled from the month's questions (three per article at
most, papers in turn, up to 25, editors' pins and exclusions), frozen when it opens, timed as the exam."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from practice import quizzes, services
from practice.models import Attempt, EditionQuiz, Question
from tests.factories import ArticleFactory, EditionFactory, relevance
from tests.practice.factories import EXPLAINED, question

pytestmark = pytest.mark.django_db
QUIZ = "/editions/2024/03/quiz/"


def month_article(edition, paper_code="gs2", topic="International Relations", **kwargs):
    article = ArticleFactory(edition=edition, **kwargs)
    relevance(article, paper_code, topic)
    return article


def sheet_of(page):
    return re.search(r'name="sheet" value="([^"]+)"', page).group(1)


def test_the_quiz_opens_with_the_edition_and_not_before(client):
    """Before the release the quiz answers 404 like the edition page; once released it opens, and the
    edition page offers it."""
    march = EditionFactory(year=2024, month=3, release_at=timezone.now() + timedelta(hours=1))
    question(month_article(march))

    assert client.get(QUIZ).status_code == 404
    march.release_at = timezone.now() - timedelta(minutes=1)
    march.save()
    assert client.get(QUIZ).status_code == 200
    assert 'href="/editions/2024/03/quiz/"' in client.get("/editions/2024/03/").content.decode()


def test_the_paper_takes_three_per_article_papers_in_turn_and_at_most_25():
    """Ten GS2 articles with four questions each and two GS3 articles: at most three from one article,
    GS3 represented from the start, 25 in all."""
    march = EditionFactory(year=2024, month=3)
    for number in range(10):
        article = month_article(march, published_at=timezone.now() - timedelta(days=30 - number))
        for position in range(4):
            question(article, stem=f"GS2 question {number}.{position}", position=position)
    for number in range(2):
        article = month_article(march, "gs3", "Biodiversity", published_at=timezone.now() - timedelta(days=5))
        question(article, stem=f"GS3 question {number}")

    chosen = quizzes.assemble(march)

    per_article = {}
    for made in chosen:
        per_article[made.article_id] = per_article.get(made.article_id, 0) + 1
    assert len(chosen) == 25 and max(per_article.values()) == 3
    assert {made.stem for made in chosen[:4]} >= {"GS3 question 0", "GS3 question 1"}


def test_pinned_questions_are_on_the_paper_and_excluded_ones_never():
    """An editor's pin puts a question on the paper however full; an exclusion keeps one off."""
    march = EditionFactory(year=2024, month=3)
    articles = [month_article(march) for _ in range(10)]
    made = [question(article, stem=f"Q{number}.{position}", position=position)
            for number, article in enumerate(articles) for position in range(3)]
    quiz = EditionQuiz.objects.create(edition=march)
    quiz.pinned.add(made[-1])
    quiz.excluded.add(made[0])

    chosen = quizzes.assemble(march, quiz)

    assert chosen[0] == made[-1] and made[0] not in chosen and len(chosen) == 25


def test_the_paper_is_frozen_when_the_quiz_opens(client):
    """A question approved after the quiz opened does not join the paper students are answering."""
    march = EditionFactory(year=2024, month=3)
    article = month_article(march)
    question(article, stem="On the paper from the start?")
    client.get(QUIZ)

    question(article, stem="Approved a day later?", position=1)
    page = client.get(QUIZ).content.decode()

    assert "On the paper from the start?" in page and "Approved a day later?" not in page
    assert EditionQuiz.objects.get().frozen_at is not None


def test_exam_mode_shows_a_timer_at_upscs_pace_and_no_key(client):
    """Three questions give 3 × 72 s = 3:36 on the timer; the page holds no answer or explanation."""
    march = EditionFactory(year=2024, month=3)
    article = month_article(march)
    for position in range(3):
        question(article, position=position)

    page = client.get(QUIZ).content.decode()

    assert 'data-quiz-timer="216"' in page and "3 minutes (72 seconds a question" in page
    assert EXPLAINED not in page and "checked" not in page


def test_a_sheet_handed_in_long_after_time_is_up_is_marked_but_not_counted(client):
    """On time: ranked. Handed in more than five minutes after the limit: scored, "Late — not counted"."""
    march = EditionFactory(year=2024, month=3)
    first = question(month_article(march))
    sheet = sheet_of(client.get(QUIZ).content.decode())
    late_by = quizzes.time_limit([first]) + quizzes.LATE_AFTER_SECONDS + 60

    with mock.patch.object(services.time, "time", return_value=services.time.time() + late_by):
        response = client.post(QUIZ, {"sheet": sheet, f"q{first.pk}": first.right_option.pk})

    attempt = Attempt.objects.get()
    assert attempt.late and not attempt.ranked and attempt.marks == 2
    assert "Late — not counted." in client.get(response["Location"]).content.decode()


def test_a_quiz_result_links_each_question_to_its_own_article(client):
    """In the month's results each question's "Read:" link goes to the section of the article it came from."""
    march = EditionFactory(year=2024, month=3)
    article = month_article(march, slug="quad-summit")
    section = article.sections.create(position=1, heading="Why the Quad matters", body="<p>Sea lanes.</p>")
    first = question(article, section=section)
    sheet = sheet_of(client.get(QUIZ).content.decode())

    result = client.post(QUIZ, {"sheet": sheet, f"q{first.pk}": first.right_option.pk}, follow=True)

    assert 'href="/articles/quad-summit/#why-the-quad-matters">Read: Why the Quad matters</a>' in result.content.decode()


def test_a_month_without_questions_has_no_quiz(client):
    """A released month whose articles have no approved question answers 404 and offers no quiz."""
    march = EditionFactory(year=2024, month=3)
    question(month_article(march), status=Question.Status.DRAFT)

    assert client.get(QUIZ).status_code == 404
    assert "/quiz/" not in client.get("/editions/2024/03/").content.decode()


def test_the_printable_paper_has_an_answer_grid_and_the_key_opens_when_the_quiz_closes(client):
    """/quiz/print/ prints every question with a grid and no answers; /quiz/key/ is 404 until the quiz
    closes (a week after the release by default), then lists each answer with its explanation."""
    march = EditionFactory(year=2024, month=3, release_at=timezone.now() - timedelta(days=2))
    first = question(month_article(march), stem="Which body recommends the sharing of taxes?")

    printed = client.get("/editions/2024/03/quiz/print/").content.decode()
    before = client.get("/editions/2024/03/quiz/key/")
    EditionQuiz.objects.filter(edition=march).update(closes_after_days=1)
    after = client.get("/editions/2024/03/quiz/key/").content.decode()

    assert "Which body recommends the sharing of taxes?" in printed and "Answer grid" in printed
    assert EXPLAINED not in printed and "The key opens on" in printed
    assert before.status_code == 404
    assert "<td>(a)</td>" in after and first.right_option.explanation in after


@pytest.mark.parametrize("url, queries", [
    (QUIZ, 5),                   # edition; its quiz (frozen); the paper's questions; statements; options
    ("/editions/2024/03/quiz/print/", 5),  # the same paper
    ("/practice/history/", 2),   # this device's attempts with their quizzes; its Mains answers with theirs
])
def test_quiz_pages_issue_a_fixed_number_of_queries(client, django_assert_num_queries, url, queries):
    """The month's quiz, its printable paper and the history cost the same however many questions."""
    march = EditionFactory(year=2024, month=3)
    for number in range(4):
        article = month_article(march)
        question(article, stem=f"Question {number}?")
    sheet = sheet_of(client.get(QUIZ).content.decode())
    client.post(QUIZ, {"sheet": sheet})

    with django_assert_num_queries(queries):  # the header's call-us numbers and papers are in the cache by now
        response = client.get(url)

    assert response.status_code == 200


def test_the_results_number_questions_as_the_quiz_paper_does(client):
    """The month's paper orders questions by paper in turn, not by their place in their articles; the
    result numbers each question as the quiz did, and the printed paper and key the same way."""
    march = EditionFactory(year=2024, month=3)
    ir = month_article(march)
    space = month_article(march, "gs3", "Space")
    question(ir, stem="First on its article, GS2?", position=0)
    question(ir, stem="Second on its article, GS2?", position=1)
    question(space, stem="Sixth on its article, GS3?", position=5)
    quiz_page = client.get(QUIZ).content.decode()
    on_quiz = re.findall(r'quiz-question__number">(\d+)\.</span> ([^<]+)</legend>', quiz_page)

    result = client.post(QUIZ, {"sheet": sheet_of(quiz_page)}, follow=True).content.decode()
    on_result = re.findall(r'quiz-question__number">(\d+)\.</span> ([^<]+)</h2>', result)
    printed = client.get(QUIZ + "print/").content.decode()

    assert [stem for _, stem in on_quiz] == ["First on its article, GS2?", "Sixth on its article, GS3?",
                                             "Second on its article, GS2?"]  # papers in turn
    assert on_result == on_quiz
    for number, stem in on_quiz:
        assert f"<strong>{number}.</strong> {stem}" in printed


def test_the_quiz_timer_and_answered_count_stay_on_screen_with_the_questions(client):
    """The time left and the count answered sit inside the quiz form (sticky there), not in the page head
    that scrolls away."""
    march = EditionFactory(year=2024, month=3)
    question(month_article(march))

    page = client.get(QUIZ).content.decode()
    form = page.split('<form method="post" class="quiz"')[1].split("</form>")[0]

    assert 'data-quiz-timer="72"' in form and 'data-quiz-answered="1"' in form and "0 of 1 answered" in form
