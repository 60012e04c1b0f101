"""Practice that cannot be gamed: the month's key stays closed while the quiz is open, the timer belongs to the
device and quiz (not the sheet), a sheet handed in faster than anyone reads is not counted, sheets from one
address are limited, and the editors' statistics count only attempts that pass these rules."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.test import Client
from django.utils import timezone

from practice import services
from practice.models import REVIEW_MIN_ANSWERS, Question
from practice.models import Attempt, Option
from tests.factories import ArticleFactory, EditionFactory, full_article, relevance
from tests.practice.factories import EXPLAINED, question

pytestmark = pytest.mark.django_db
QUIZ = "/editions/2024/03/quiz/"


@pytest.fixture(autouse=True)
def ten_seconds_a_question(monkeypatch):
    monkeypatch.setattr(services, "MIN_SECONDS_PER_QUESTION", 10)


@pytest.fixture
def open_quiz():
    """A March quiz released an hour ago (it closes a week after the release), with three questions."""
    march = EditionFactory(year=2024, month=3, release_at=timezone.now() - timedelta(hours=1))
    article = ArticleFactory(edition=march)
    relevance(article, "gs2", "International Relations")
    return march, [question(article, stem=f"Question number {n} of the month?", position=n) for n in range(3)]


def sheet_of(page):
    return re.search(r'name="sheet" value="([^"]+)"', page).group(1)


def read_for(seconds):
    """A sheet whose time started `seconds` ago, as if the student had been reading that long."""
    return services.new_token(started_at=services.time.time() - seconds)


def test_a_blank_sheet_handed_in_while_the_quiz_is_open_shows_no_key(client, open_quiz):
    """The result shows the student's own choices and score, and no right answer or explanation, until the
    quiz closes; then the same page shows them."""
    march, questions = open_quiz
    client.get(QUIZ)
    result = client.post(QUIZ, {"sheet": read_for(60), **{f"q{item.pk}": "" for item in questions}}, follow=True)
    page = result.content.decode()

    assert "0.00</strong> / 6.00" in page and "3 unattempted" in page
    assert "its answers stay closed until" in page
    assert EXPLAINED not in page and "Correct answer" not in page and "The Finance Commission" not in page

    march.release_at = timezone.now() - timedelta(days=8)
    march.save()
    after = client.get(result.redirect_chain[-1][0]).content.decode()
    assert "Correct answer: (a) The Finance Commission" in after and EXPLAINED in after


def test_the_timer_runs_from_the_devices_first_opening_not_from_each_reload(client, open_quiz):
    """Reloading the quiz two minutes later does not give the time back: the timer shows what is left since
    this device first opened it, and the sheet carries that start; another device starts its own."""
    first_page = client.get(QUIZ).content.decode()
    two_minutes_later = services.time.time() + 120

    with mock.patch.object(services.time, "time", return_value=two_minutes_later):
        reloaded = client.get(QUIZ).content.decode()
        other_device = Client().get(QUIZ).content.decode()
        sheet_started = services.read_token(sheet_of(reloaded))[1]

    assert 'data-quiz-timer="216"' in first_page and 'data-quiz-timer="216"' in other_device
    assert 'data-quiz-timer="96"' in reloaded and two_minutes_later - sheet_started == pytest.approx(120, abs=2)


def test_a_sheet_handed_in_faster_than_anyone_reads_is_marked_but_not_counted(client, open_quiz):
    """Three questions in under 30 seconds: scored, not ranked; the same after 40 seconds on a new device is
    ranked."""
    _, questions = open_quiz
    answers = {f"q{item.pk}": item.right_option.pk for item in questions}

    client.post(QUIZ, {"sheet": read_for(5), **answers})
    Client().post(QUIZ, {"sheet": read_for(40), **answers})

    hurried, read = Attempt.objects.order_by("pk")
    assert hurried.marks == read.marks == 6 and not hurried.ranked and read.ranked


def test_sheets_from_one_address_past_the_hourly_limit_answer_429(client, open_quiz, settings):
    """Past PRACTICE_RATE_PER_IP sheets an hour from one address the page answers 429 and marks nothing more."""
    settings.PRACTICE_RATE_PER_IP = "2/h"
    _, questions = open_quiz

    answers = [Client().post(QUIZ, {"sheet": read_for(60), f"q{questions[0].pk}": ""}) for _ in range(3)]

    assert [answer.status_code for answer in answers] == [302, 302, 429]
    assert "Too many answer sheets from your network" in answers[2].content.decode()
    assert Attempt.objects.count() == 2


def test_scripted_sheets_do_not_put_a_question_on_the_review_list(client):
    """Twenty-two sheets all choosing a wrong option, each handed in at once, leave the question off the
    editors' "needs review" list: only counted attempts make the statistics."""
    article = full_article(slug="finance-commission")
    item = question(article)
    wrong = Option.objects.get(question=item, position=2)
    for _ in range(REVIEW_MIN_ANSWERS + 2):
        Client().post("/articles/finance-commission/practice/", {"sheet": read_for(1), f"q{item.pk}": wrong.pk})

    assert Attempt.objects.count() == REVIEW_MIN_ANSWERS + 2 and not Attempt.objects.filter(ranked=True).exists()
    assert not Question.objects.needing_review().exists()
