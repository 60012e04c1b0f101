"""Fix the text, then press the workflow button: the edit is kept and the move made (nothing typed is lost)."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.e2e.admin_steps import log_in, press_workflow_button
from tests.factories import publishable_article, staff_user

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_writer_adds_a_mains_question_and_submits_without_saving_first(live_server, page):
    """The writer types a mains question and presses "Submit for review" straight away: the article is in
    review and the question is there."""
    writer = staff_user("arjun", role="Writer")
    article = publishable_article(author=writer, title="Deep Ocean Mission Reaches 6,000 Metres", mains_questions="")
    log_in(page, live_server.url, "arjun")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")

    page.fill("#id_mains_questions", "How does the mission serve the blue economy? (10 marks)")
    press_workflow_button(page, "Submit for review")

    expect(page.locator(".workflow-panel h2")).to_contain_text("In review")
    expect(page.locator(".messagelist")).to_contain_text("Your changes were saved.")
    page.screenshot(path="/tmp/save-then-move.png")
    article = Article.objects.get(pk=article.pk)
    assert article.mains_questions == "How does the mission serve the blue economy? (10 marks)"
    assert article.status == "in_review"
