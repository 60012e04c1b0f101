"""Prelims questions written inline on the article's admin page: every shape, the key checked against the
statements before anything is saved, writers drafting and editors approving, a key correction re-marking
stored attempts, and an article form sent without the question blocks leaving the questions alone."""

import re
from decimal import Decimal

import pytest

from practice.models import Question
from tests.admin_forms import article_change_form, formset
from tests.factories import full_article
from tests.practice.factories import question
from tests.practice.test_errata import attempt_with

pytestmark = pytest.mark.django_db
PREFIX = "prelims_questions"
CODES = ["1 only", "1 and 3 only", "2 and 3 only", "1, 2 and 3"]


@pytest.fixture
def article():
    return full_article(title="The Sixteenth Finance Commission", slug="finance-commission")


def block(*, shape="which_correct", lines="T | It is set up under Article 280\nF | It advises on GST rates\n"
          "T | It recommends grants-in-aid | Article 275", correct="b", status="draft", explained=True,
          options=CODES, existing=None, article=None):
    row = {"shape": shape, "stem": "Consider the following statements about the Finance Commission:",
           "statement_lines": lines, "correct": correct, "status": status, "position": 0, "paper": "",
           "topic": "", "section": ""}
    for letter, text in zip("abcd", options):
        row[f"option_{letter}"] = text
        row[f"explanation_{letter}"] = f"Why ({letter}) is so, from the article." if explained else ""
    if existing is not None:
        row.update({"id": existing.pk, "article": article.pk})
    return row


def writers_draft(writer):
    """A draft the writer is still working on: the kind of article a writer may save."""
    return full_article(title="Finance Commission draft", slug="finance-draft", status="draft", published_at=None,
                        author=writer)


def save_article(client, article, rows, initial=0):
    return client.post(f"/admin/articles/article/{article.pk}/change/",
                       {**article_change_form(article), **formset(PREFIX, rows, initial=initial)})


def test_a_writer_adds_a_statement_question_on_the_articles_page(client, writer):
    """Three statements with flags and notes, four coded options, the key (b): saved as a draft on the writer's
    article, filed under its primary paper and topic, with its statements and options in order."""
    article = writers_draft(writer)
    client.force_login(writer)
    assert "Prelims practice questions" in client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()

    response = save_article(client, article, [block()])

    assert response.status_code == 302
    saved = Question.objects.get(article=article)
    assert saved.status == "draft" and saved.paper.code == "gs2"
    assert [(row.text, row.is_true, row.note) for row in saved.statements.all()] == [
        ("It is set up under Article 280", True, ""), ("It advises on GST rates", False, ""),
        ("It recommends grants-in-aid", True, "Article 275")]
    assert [(row.label, row.text, row.is_correct) for row in saved.options.all()] == [
        ("a", "1 only", False), ("b", "1 and 3 only", True), ("c", "2 and 3 only", False), ("d", "1, 2 and 3", False)]


def test_a_key_contradicting_the_statements_is_refused_and_nothing_is_saved(client, editor, article):
    """Statements 1 and 3 true but the key says (a) "1 only": the page comes back naming the right option, and
    neither the question nor the article's title change is stored."""
    client.force_login(editor)

    response = client.post(f"/admin/articles/article/{article.pk}/change/", {
        **article_change_form(article, title="Renamed while the key was wrong"),
        **formset(PREFIX, [block(correct="a")])})

    assert response.status_code == 200
    assert "make (b) right: correct the key or the marks" in response.content.decode()
    article.refresh_from_db()
    assert not Question.objects.exists() and article.title == "The Sixteenth Finance Commission"


@pytest.mark.parametrize("lines, message", [
    ("Yes | the commission is permanent", "Line 1: start with T or F"),
    ("T | fine\nmaybe true", "Line 2: start with T or F"),
])
def test_a_statement_line_without_its_mark_is_refused_by_line(client, editor, article, lines, message):
    """A statement line that does not start with T or F is named by its line number; nothing is saved."""
    client.force_login(editor)

    response = save_article(client, article, [block(lines=lines)])

    assert response.status_code == 200 and message in response.content.decode()
    assert not Question.objects.exists()


def test_an_editor_approves_a_two_statement_question_with_upscs_fixed_options(client, editor, article):
    """Statement-I true, Statement-II false: the four fixed options fill themselves in, (c) is the key, and an
    editor may approve it once every option is explained."""
    client.force_login(editor)

    response = save_article(client, article, [block(
        shape="statement_i_ii", lines="T | Statement-I about devolution\nF | Statement-II about grants",
        correct="c", status="approved", options=["", "", "", ""])])

    assert response.status_code == 302
    saved = Question.objects.get()
    assert saved.status == "approved"
    assert saved.right_option.text == "Statement-I is correct, but Statement-II is incorrect"


def test_a_writer_cannot_approve_and_approval_needs_every_explanation(client, writer, editor, article):
    """A writer's question stays a draft whatever was posted; an editor's approval without explanations is
    refused with the options that lack one."""
    client.force_login(writer)
    assert save_article(client, writers_draft(writer), [block(status="approved")]).status_code == 302
    assert Question.objects.get().status == "draft"

    Question.objects.all().delete()
    client.force_login(editor)
    response = save_article(client, article, [block(status="approved", explained=False)])
    assert response.status_code == 200
    assert "Explain every option before approving: (a), (b), (c), (d)" in response.content.decode()
    assert not Question.objects.exists()


def test_the_articles_page_shows_each_question_ready_to_edit_with_a_link_to_its_own_page(client, editor, article):
    """An existing question appears with its statements as lines, its options and key, and a link to the
    question's own page."""
    made = question(article, stem="Which body recommends the sharing of taxes?")
    client.force_login(editor)

    page = client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()

    assert "Which body recommends the sharing of taxes?" in page
    assert f'href="/admin/practice/question/{made.pk}/change/' in page
    right = made.right_option
    assert re.search(rf'name="{PREFIX}-0-correct" value="{right.label}"[^>]*checked', page)
    assert f'value="{right.text}"' in page


def test_correcting_the_key_on_the_articles_page_marks_stored_attempts_again(client, editor, article):
    """Moving a single-answer key from (a) to (b) inline re-marks the attempts that answered it, with an erratum."""
    made = question(article)
    chose_b = attempt_with(client, article, {made: made.options.get(position=1)})
    assert chose_b.marks == Decimal("-0.67")
    client.force_login(editor)
    options = [option.text for option in made.options.all()]

    response = save_article(client, article, [block(shape="single", lines="", correct="b", status="approved",
                                                    options=options, existing=made, article=article)], initial=1)

    assert response.status_code == 302
    chose_b.refresh_from_db()
    assert chose_b.marks == Decimal("2.00")
    assert "the answer is (b)" in Question.objects.get().erratum
    assert set(made.options.values_list("pk", flat=True)) == {option.pk for option in made.options.all()}


def test_saving_the_article_without_the_question_blocks_keeps_its_questions(client, editor, article):
    """A form sent with no question blocks at all (a script, an older page) saves the article and leaves its
    questions exactly as they were."""
    made = question(article)
    client.force_login(editor)

    response = client.post(f"/admin/articles/article/{article.pk}/change/",
                           article_change_form(article, title="Finance Commission: the new award"))

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Finance Commission: the new award"
    assert list(Question.objects.values_list("pk", flat=True)) == [made.pk]
    assert made.options.count() == 4
