"""Errata instead of comment wars: students report, editors correct a key or drop a question, stored
attempts are marked again and say so, and questions most students miss are listed for review."""

import re
from decimal import Decimal

import pytest

from practice.models import REVIEW_MIN_ANSWERS, Attempt, Option, ProblemReport, Question
from tests.admin_forms import formset
from tests.factories import full_article
from tests.practice.factories import question

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return full_article(title="The Sixteenth Finance Commission", slug="finance-commission")


def attempt_with(client, article, answers):
    """Submit `answers` ({question: option or None}) from a fresh device; return the attempt."""
    client.cookies.clear()
    page = client.get(f"/articles/{article.slug}/practice/").content.decode()
    sheet = re.search(r'name="sheet" value="([^"]+)"', page).group(1)
    client.post(f"/articles/{article.slug}/practice/",
                {"sheet": sheet, **{f"q{q.pk}": option.pk if option else "" for q, option in answers.items()}})
    return Attempt.objects.latest("pk")


def test_a_report_from_the_results_page_reaches_the_editors_queue(client, editor, article):
    """"Report a problem" stores the student's words for the editors, who see it in their queue."""
    first = question(article)
    attempt = attempt_with(client, article, {first: first.right_option})

    response = client.post(f"/practice/attempts/{attempt.public_id}/report/",
                           {"question": first.pk, "text": "Option (b) is also correct after the 2023 amendment."},
                           follow=True)

    report = ProblemReport.objects.get()
    assert report.question == first and report.attempt == attempt
    assert "Thank you: an editor will check this question" in response.content.decode()
    client.force_login(editor)
    queue = client.get("/admin/practice/problemreport/").content.decode()
    assert "Option (b) is also correct after the 2023 amendment." in queue


def test_marking_reports_resolved_closes_only_the_open_ones(client, editor, article):
    """"Mark resolved" on the errata queue closes the chosen open reports and says how many; a report resolved
    earlier keeps its date."""
    first = question(article)
    attempt = attempt_with(client, article, {first: first.right_option})
    open_one = ProblemReport.objects.create(question=first, attempt=attempt, text="The key looks wrong.")
    closed = ProblemReport.objects.create(question=first, attempt=attempt, text="Typo in (c).",
                                          resolved_at="2024-03-01T06:00:00+05:30")
    client.force_login(editor)

    response = client.post("/admin/practice/problemreport/", {"action": "mark_resolved",
                                                              "_selected_action": [open_one.pk, closed.pk]}, follow=True)

    open_one.refresh_from_db()
    closed.refresh_from_db()
    assert "1 report(s) marked resolved." in response.content.decode()
    assert open_one.resolved_at is not None and closed.resolved_at.isoformat() == "2024-03-01T00:30:00+00:00"


@pytest.mark.parametrize("post", [{"question": "999999", "text": "Wrong"}, {"question": "x", "text": "Wrong"},
                                  {"text": "Wrong"}, {"question": "OWN", "text": "   "}])
def test_a_report_about_another_question_or_without_words_saves_nothing(client, article, post):
    """A question outside the attempt, a malformed one, or an empty report: a message, nothing stored."""
    first = question(article)
    attempt = attempt_with(client, article, {first: None})
    if post.get("question") == "OWN":
        post = {**post, "question": first.pk}

    response = client.post(f"/practice/attempts/{attempt.public_id}/report/", post, follow=True)

    assert response.status_code == 200 and not ProblemReport.objects.exists()
    page = response.content.decode()
    assert "not part of this attempt" in page or "Say what is wrong" in page


def test_correcting_a_key_marks_stored_attempts_again_and_their_results_say_so(client, editor, article):
    """An editor moves the key from (a) to (b): an attempt that chose (b) goes from −0.67 to 2.00, one that
    chose (a) the other way, and both results carry the erratum."""
    first = question(article)
    chose_b = attempt_with(client, article, {first: first.options.get(position=1)})
    chose_a = attempt_with(client, article, {first: first.options.get(position=0)})
    assert (chose_b.marks, chose_a.marks) == (Decimal("-0.67"), Decimal("2.00"))
    client.force_login(editor)
    options = [{"id": option.pk, "question": first.pk, "position": option.position, "text": option.text,
                "is_correct": "on" if option.position == 1 else "", "explanation": option.explanation}
               for option in first.options.all()]

    response = client.post(f"/admin/practice/question/{first.pk}/change/", {
        "article": article.pk, "paper": first.paper_id or "", "topic": first.topic_id or "", "section": "",
        "shape": "single", "stem": first.stem, "status": "approved", "position": 0,
        **formset("statements", []), **formset("options", options, initial=4)})

    assert response.status_code == 302
    chose_b.refresh_from_db(), chose_a.refresh_from_db()
    assert (chose_b.marks, chose_a.marks) == (Decimal("2.00"), Decimal("-0.67"))
    page = client.get(chose_b.get_absolute_url()).content.decode()
    assert "Erratum." in page and "the answer is (b)" in page


def test_dropping_a_question_takes_it_out_of_every_attempts_maximum(client, editor, article):
    """A dropped question no longer counts: 2 right of 2 becomes 1 right of 1 (2.00 / 2.00)."""
    first, second = question(article), question(article, position=1)
    attempt = attempt_with(client, article, {first: first.right_option, second: second.options.get(position=1)})
    assert (attempt.marks, attempt.maximum) == (Decimal("1.33"), Decimal("4.00"))
    client.force_login(editor)

    client.post("/admin/practice/question/", {"action": "drop_from_every_attempt", "_selected_action": [second.pk]})

    attempt.refresh_from_db()
    assert (attempt.marks, attempt.maximum, attempt.wrong) == (Decimal("2.00"), Decimal("2.00"), 0)
    assert not Question.objects.public().filter(pk=second.pk).exists()
    assert "no longer counts" in client.get(attempt.get_absolute_url()).content.decode()


def test_questions_most_students_miss_are_listed_for_review(client, editor, article):
    """With enough answers, a question under 25% right, or with most answers on one wrong option, is in the
    "Needs review" list; a question most get right is not."""
    hard, easy = question(article, stem="A hard one?"), question(article, stem="An easy one?", position=1)
    wrong = Option.objects.get(question=hard, position=2)
    for number in range(REVIEW_MIN_ANSWERS):
        attempt_with(client, article, {hard: wrong if number % 5 else hard.right_option, easy: easy.right_option})
    client.force_login(editor)

    page = client.get("/admin/practice/question/?review=needs").content.decode()

    assert "A hard one?" in page and "An easy one?" not in page


def test_reports_from_one_address_are_limited(client, article, monkeypatch):
    """Past the hourly limit of reports from one address the page answers 429 and files nothing more."""
    from practice import views

    monkeypatch.setattr(views, "REPORTS_PER_ADDRESS", "2/h")
    first = question(article)
    attempt = attempt_with(client, article, {first: None})
    url = f"/practice/attempts/{attempt.public_id}/report/"

    answers = [client.post(url, {"question": first.pk, "text": f"Doubt {n}"}).status_code for n in range(3)]

    assert answers == [302, 302, 429] and ProblemReport.objects.count() == 2
