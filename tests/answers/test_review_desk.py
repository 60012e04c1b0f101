"""The review desk: answers handed out in turn among evaluators, oldest first with a 48-hour target, marked
on the rubric in half marks, with comments beside the words, and read by the student on the private page."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from answers import reviewing, services
from answers.models import Answer, Review
from tests.answers.factories import mains_question
from tests.factories import full_article, staff_user

pytestmark = pytest.mark.django_db
DESK = "/admin/answers/answer/"
TEXT = "Devolution balances need and effort.\nThe southern States fear losing their share."


@pytest.fixture
def question():
    return mains_question(full_article(slug="finance-commission"))


@pytest.fixture
def evaluators(db):
    return [staff_user(name, role="Evaluator", first_name=name.title()) for name in ("anil", "bina")]


def sent(question, device="d" * 32, text=TEXT, **kwargs):
    return services.submit(question=question, device=device, text=text, uploads=[], **kwargs)


def marks(introduction="2", body="5.5", conclusion="2", presentation="1"):
    return {"introduction": introduction, "body": body, "conclusion": conclusion, "presentation": presentation}


def test_answers_are_handed_out_in_turn_among_active_evaluators(question, evaluators):
    """Three answers go to Anil, Bina, Anil; an inactive evaluator is skipped; with nobody active an answer
    waits unassigned."""
    holders = [sent(question, device=str(n) * 32).evaluator for n in range(3)]
    for person in evaluators:
        person.is_active = False
        person.save()
    waiting = sent(question, device="z" * 32)

    assert [holder.username for holder in holders] == ["anil", "bina", "anil"]
    assert waiting.evaluator is None


def test_an_evaluator_sees_their_answers_and_unassigned_ones_oldest_first_with_overdue_marked(client, question, evaluators):
    """Anil's desk lists his answer and the unassigned one, not Bina's; one received 49 hours ago is overdue.
    No student email appears."""
    anil, bina = evaluators
    old = sent(question, device="1" * 32, email="student@example.com", consent=True)
    Answer.objects.filter(pk=old.pk).update(submitted_at=timezone.now() - timedelta(hours=49))
    bina_s = sent(question, device="2" * 32)
    free = sent(question, device="3" * 32)
    Answer.objects.filter(pk=free.pk).update(evaluator=None)
    client.force_login(anil)

    page = client.get(DESK).content.decode()

    assert bina_s.evaluator == bina
    assert f"/admin/answers/answer/{old.pk}/change/" in page and f"/admin/answers/answer/{free.pk}/change/" in page
    assert f"/admin/answers/answer/{bina_s.pk}/change/" not in page
    assert page.index(f"/answers/answer/{old.pk}/") < page.index(f"/answers/answer/{free.pk}/")
    assert "overdue" in page and "student@example.com" not in page
    assert client.get(f"{DESK}{bina_s.pk}/change/").status_code == 404


def test_an_evaluator_reviews_on_the_rubric_and_the_student_reads_it_beside_their_words(client, question, evaluators):
    """Marks 2 + 5.5 + 2 + 1 = 10.5 of 15, a remark and a comment on "southern States": the answer is
    reviewed, and its private page shows the parts, the total, the remark and the passage marked 1."""
    answer = sent(question)
    client.force_login(answer.evaluator)
    start = TEXT.index("southern States")

    response = client.post(f"{DESK}{answer.pk}/change/", {
        **marks(), "remark": "A balanced answer; add data from the Fifteenth Commission.",
        "comment_start": [str(start)], "comment_end": [str(start + len("southern States"))],
        "comment_text": ["Name the States and the share they lost."], "general_comment": ""})

    assert response.status_code == 302
    answer.refresh_from_db()
    assert answer.status == "reviewed" and answer.review.total == 10.5
    assert [(c.quote, c.start) for c in answer.review.comments.all()] == [("southern States", start)]
    client.logout()
    page = client.get(answer.get_absolute_url()).content.decode()
    assert "10.5 / 15" in page and "Body: content, structure, examples and data</th><td>5.5" in page
    assert "A balanced answer; add data" in page
    assert '<mark id="passage-1">southern States<sup><a href="#comment-1">1</a></sup></mark>' in page
    assert "Name the States and the share they lost." in page


@pytest.mark.parametrize("given, message", [
    (marks(body="12"), "The parts add up to 17, more than the question&#x27;s 15 marks."),
    (marks(introduction="-1"), "cannot be negative"),
    (marks(conclusion="1.25"), "in half marks"),
    (marks(presentation="lots"), "as a number"),
])
def test_marks_the_rubric_does_not_allow_are_refused_and_nothing_is_saved(client, question, evaluators, given, message):
    """A total above the question's marks, a negative mark, a quarter mark and a word each say what is
    wrong; the answer stays waiting."""
    answer = sent(question)
    client.force_login(answer.evaluator)

    response = client.post(f"{DESK}{answer.pk}/change/", {**given, "remark": "Fine."})

    assert response.status_code == 200 and message in response.content.decode()
    assert not Review.objects.exists() and Answer.objects.get().status == "submitted"


def test_only_the_evaluator_holding_an_answer_reviews_it_and_only_once(question, evaluators):
    """Bina cannot review Anil's answer; Anil can, once; a passage outside the answer is refused."""
    anil, bina = evaluators
    answer = sent(question)

    with pytest.raises(PermissionDenied, match="not assigned to you"):
        reviewing.review(answer, bina, marks=marks(), remark="Fine.")
    with pytest.raises(ValidationError, match="not in the answer"):
        reviewing.review(answer, anil, marks=marks(), remark="Fine.", anchored=[(5, 5000, "Too far.")])
    reviewing.review(answer, anil, marks=marks(), remark="Fine.")
    with pytest.raises(ValidationError, match="reviewed already"):
        reviewing.review(answer, anil, marks=marks(), remark="Again.")


def test_claiming_and_handing_out(question, evaluators):
    """An evaluator claims an answer nobody holds but not a colleague's; the Counselling manager gives any
    waiting answer to another evaluator; an evaluator may not."""
    anil, bina = evaluators
    manager = staff_user("meena", role="Counselling manager")
    answer = sent(question)  # Anil's
    free = sent(question, device="f" * 32)
    Answer.objects.filter(pk=free.pk).update(evaluator=None)

    assert reviewing.claim(free, bina).evaluator == bina
    with pytest.raises(PermissionDenied, match="Anil holds this answer"):
        reviewing.claim(answer, bina)
    with pytest.raises(PermissionDenied):
        reviewing.reassign(answer, bina, anil)
    assert reviewing.reassign(answer, bina, manager).evaluator == bina
    with pytest.raises(ValidationError, match="not an active evaluator"):
        reviewing.reassign(answer, manager, manager)


def ask_for_a_call(client, answer, **fields):
    import time

    from enquiries.forms import form_clock

    return client.post(f"/answers/{answer.link}/counsellor/", {
        "name": "Priya Nair", "phone": "98765 43210", "consent": "on",
        "started": form_clock(opened_at=time.time() - 60), **fields})


def test_after_a_review_the_student_may_ask_a_counsellor_to_call_and_share_the_marks_only_if_ticked(client, question, evaluators):
    """A reviewed answer's page offers the callback; the lead comes from answer writing, carries the marks
    only when "share" was ticked, and never the answer's private link."""
    from enquiries.models import Enquiry

    first, second = sent(question, device="1" * 32), sent(question, device="2" * 32)
    for answer in (first, second):
        reviewing.review(answer, answer.evaluator, marks=marks(), remark="Fine.")
    page = client.get(first.get_absolute_url()).content.decode()

    ask_for_a_call(client, first)
    ask_for_a_call(client, second, phone="91234 56789", share_score="on")

    assert "Talk to a counsellor about Mains preparation" in page and "(10.5 / 15)" in page
    silent, shared = Enquiry.objects.order_by("pk")
    assert silent.origin == shared.origin == "answer" and silent.source_article == question.article
    assert "Shared marks" not in silent.message and "Shared marks: 10.5 / 15." in shared.message
    assert first.link not in silent.message + silent.source_page


def test_no_callback_is_offered_before_the_review(client, question, evaluators):
    """A waiting answer's page has no callback form, and posting to it answers 404 with no lead."""
    from enquiries.models import Enquiry

    answer = sent(question)

    assert "Talk to a counsellor" not in client.get(answer.get_absolute_url()).content.decode()
    assert ask_for_a_call(client, answer).status_code == 404 and not Enquiry.objects.exists()


def test_a_student_who_gave_an_email_is_told_when_the_review_is_ready_in_their_language(
        client, question, evaluators, settings, django_capture_on_commit_callbacks):
    """An answer sent from the Hindi site with an address and consent gets one mail, in Hindi, with its
    private /hi/ link; an answer without an address gets none."""
    from tests.conftest import sent_mail
    from tests.factories import hindi_twin

    hindi_twin(question.article)
    client.post(f"/hi/articles/{question.article.slug}/answer/{question.pk}/", {
        "text": "मेरा उत्तर।", "email": "asha@example.com", "consent": "on"})
    answer = Answer.objects.get()
    quiet = sent(question, device="q" * 32)
    with django_capture_on_commit_callbacks(execute=True):
        for each in (answer, quiet):
            reviewing.review(each, each.evaluator, marks=marks(), remark="ठीक है।")

    mails = sent_mail()
    assert [mail.to for mail in mails] == [["asha@example.com"]]
    assert f"{settings.SITE_URL}/hi/answers/{answer.link}/" in mails[0].body


def test_the_demo_has_approved_mains_questions_with_model_answers_and_two_reviewed_answers(monkeypatch, client):
    """load_demo approves every demo article's Mains question, gives two a model answer, and adds two
    answers reviewed by the demo evaluator whose pages show marks and comments; a second run adds nothing."""
    from django.core.management import call_command

    from answers.models import MainsQuestion

    monkeypatch.setenv("DEMO_PASSWORD", "demo-pass-2024")
    call_command("load_demo", "--force", verbosity=0)
    call_command("load_demo", "--force", verbosity=0)

    assert MainsQuestion.objects.count() >= 7 and not MainsQuestion.objects.filter(status="draft").exists()
    assert MainsQuestion.objects.exclude(model_answer="").count() == 2
    reviewed = list(Answer.objects.filter(status="reviewed"))
    assert len(reviewed) == 2 and {answer.evaluator.username for answer in reviewed} == {"evaluator"}
    page = client.get(reviewed[0].get_absolute_url()).content.decode()
    assert "9.5 / 15" in page and '<mark id="passage-1">' in page


# The admin's own reads come first: session, user, whether they have an authenticator, their user and
# group permissions (five).
@pytest.mark.parametrize("page, expected", [
    ("desk", 9),  # + the count, the filtered count, one page of answers with their questions and holders,
                  # the evaluators for the "give to" picker
    ("review", 8),  # + the answer with its question and article, its holder, its photos
])
def test_the_desk_pages_cost_a_fixed_number_of_queries_for_3_answers_as_for_30(
        client, question, evaluators, django_assert_num_queries, page, expected):
    """The evaluator's list and an answer's review page issue the same few queries however many answers
    wait."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    anil = evaluators[0]
    answers = [sent(question, device=f"{n:032d}") for n in range(3)]
    client.force_login(anil)
    address = DESK if page == "desk" else f"{DESK}{answers[0].pk}/change/"
    client.get(address)
    with CaptureQueriesContext(connection) as few:
        client.get(address)
    assert len(few) == expected
    for n in range(3, 30):
        sent(question, device=f"{n:032d}")

    with django_assert_num_queries(len(few)):
        assert client.get(address).status_code == 200
