"""Writing Prelims questions in the admin: the key is checked against the statements before anything is
saved, editors approve, and the article's page lists its questions."""

import pytest

from practice.models import Question
from tests.admin_forms import formset
from tests.factories import full_article

pytestmark = pytest.mark.django_db
ADD = "/admin/practice/question/add/"
CODES = ["1 only", "1 and 3 only", "2 and 3 only", "1, 2 and 3"]


def question_post(article, *, flags=(True, False, True), key="1 and 3 only", status="draft", explained=True,
                  shape="which_correct", correct_count=None):
    statements = [{"position": n, "text": f"Statement {n} about the commission.", "is_true": "on" if flag else ""}
                  for n, flag in enumerate(flags, start=1)]
    options = [{"position": position, "text": code, "explanation": "Because of the article." if explained else "",
                "is_correct": "on" if (code == key if correct_count is None else position < correct_count) else ""}
               for position, code in enumerate(CODES)]
    return {"article": article.pk, "paper": "", "topic": "", "section": "", "shape": shape, "status": status,
            "stem": "Consider the following statements about the Finance Commission:", "position": 0,
            **formset("statements", statements), **formset("options", options)}


def test_a_sound_question_is_saved_with_the_articles_paper_and_topic(client, editor):
    """Statements 1 and 3 true with the key "1 and 3 only": saved, filed under the article's primary relevance."""
    article = full_article(slug="finance-commission")
    client.force_login(editor)

    response = client.post(ADD, question_post(article, status="approved"))

    saved = Question.objects.get()
    assert response.status_code == 302
    assert saved.statements.count() == 3 and saved.right_option.text == "1 and 3 only"
    assert (saved.paper.code, saved.topic.name) == ("gs2", "International Relations")


@pytest.mark.parametrize("post, message", [
    ({"key": "1 only"}, "The key says (a), but the statements&#x27; true/false marks make (b) right"),
    ({"correct_count": 2}, "Mark exactly one option correct (now 2)."),
    ({"correct_count": 0}, "Mark exactly one option correct (now 0)."),
    ({"status": "approved", "explained": False}, "Explain every option before approving"),
    ({"flags": (True,)}, "Write at least two statements"),
])
def test_a_contradicting_or_incomplete_key_is_refused_and_nothing_saved(client, editor, post, message):
    """A key against the statements' marks, not exactly one correct option, or approval without
    explanations: the form says what to fix and saves nothing."""
    article = full_article(slug="finance-commission")
    client.force_login(editor)

    response = client.post(ADD, question_post(article, **post))

    assert response.status_code == 200 and message in response.content.decode()
    assert not Question.objects.exists()


def test_writers_draft_and_editors_approve(client, writer, editor):
    """A writer's form has no status to change (their questions stay drafts); an editor's has."""
    article = full_article(slug="finance-commission")
    client.force_login(writer)
    writer_form = client.get(f"{ADD}?article={article.pk}").content.decode()
    client.post(ADD, question_post(article, status="approved"))
    client.force_login(editor)
    editor_form = client.get(f"{ADD}?article={article.pk}").content.decode()

    assert 'name="status"' not in writer_form and 'name="status"' in editor_form
    assert Question.objects.get().status == "draft"


def test_each_role_gathers_its_permissions_from_every_app(editor, writer):
    """An editor keeps the newsroom's permissions beside practice's (approving questions); a writer drafts
    questions but cannot approve them."""
    assert editor.has_perm("articles.publish_article") and editor.has_perm("practice.approve_question")
    assert writer.has_perm("articles.add_article") and writer.has_perm("practice.add_question")
    assert not writer.has_perm("practice.approve_question")
