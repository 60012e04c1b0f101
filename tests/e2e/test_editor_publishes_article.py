import re

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.e2e.admin_steps import log_in, press_workflow_button, write_article
from tests.factories import ArticleFactory, EditionFactory, staff_user

pytestmark = pytest.mark.django_db(transaction=True)


def test_editor_writes_and_publishes_an_article_that_students_then_read(live_server, page, browser):
    """An editor types two sections into CKEditor, takes the article through review to published, and the
    public Dimensions list shows both sections."""
    staff_user("meera", role="Editor")
    EditionFactory(year=2024, month=3)
    ArticleFactory(title="An older piece").tags.set(["Parliamentary Committees"])
    log_in(page, live_server.url, "meera")

    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.locator("#id_tags").press_sequentially("Shipping, Parl")
    expect(page.locator("#tag-suggestions option")).to_have_attribute("value", "Shipping, Parliamentary Committees")
    write_article(
        page, live_server.url, title="Monsoon Session Passes the Coastal Shipping Bill",
        context="Recently, Parliament passed a bill to make coastal shipping easier.",
        tags="Shipping, Parliamentary Committees",
        sections=[("What the bill changes", "Licences for Indian coastal vessels are simplified."),
                  ("Way Forward", "Ports must add berths for coastal cargo.")],
    )
    article = Article.objects.get(slug="monsoon-session-passes-the-coastal-shipping-bill")
    assert sorted(article.tags.names()) == ["Parliamentary Committees", "Shipping"]

    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    # Saving again must not trip over the spare, untouched section row and its empty editor.
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    for label in ["Submit for review", "Approve", "Publish now"]:
        press_workflow_button(page, label)
    expect(page.locator(".workflow-panel h2")).to_contain_text("Published")
    article.refresh_from_db()
    assert article.is_published and article.sections.count() == 2

    student = browser.new_context(viewport={"width": 360, "height": 800}).new_page()
    student.goto(f"{live_server.url}{article.get_absolute_url()}")
    expect(student.locator(".dimensions li")).to_have_text(["What the bill changes", "Way Forward"])
    expect(student.locator(".relevance")).to_contain_text("GS3 - Infrastructure")
    expect(student.locator("#way-forward")).to_contain_text("Ports must add berths for coastal cargo.")
    student.locator(".dimensions a", has_text="Way Forward").click()
    expect(student).to_have_url(re.compile("#way-forward$"))
    student.context.close()
