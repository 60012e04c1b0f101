import re

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.factories import PASSWORD, ArticleFactory, EditionFactory, staff_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def type_into_editor(page, inline_prefix, text):
    editable = page.locator(f"#{inline_prefix} .ck-editor__editable")
    editable.click()
    page.keyboard.type(text)


def choose_topic(page, row, name):
    """The topic field is the admin's select2 autocomplete."""
    page.locator(f"#relevances-{row} .field-topic .select2-selection").click()
    page.locator(".select2-search__field").fill(name)
    page.locator(".select2-results__option", has_text=name).first.click()


def test_editor_writes_and_publishes_an_article_that_students_then_read(live_server, page, browser):
    """An editor logs in, types two sections into CKEditor, publishes, and the public Dimensions list shows both."""
    staff_user("meera", role="Editor")
    EditionFactory(year=2024, month=3)
    ArticleFactory(title="An older piece").tags.set(["Parliamentary Committees"])

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "meera")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.goto(f"{live_server.url}/admin/articles/article/add/")

    page.locator("#id_title").press_sequentially("Monsoon Session Passes the Coastal Shipping Bill")
    expect(page.locator("#id_slug")).to_have_value("monsoon-session-passes-the-coastal-shipping-bill")
    page.fill("#id_context", "Recently, Parliament passed a bill to make coastal shipping easier.")
    page.select_option("#id_edition", label="March 2024")
    page.locator("#id_tags").press_sequentially("Shipping, Parl")
    expect(page.locator("#tag-suggestions option")).to_have_attribute("value", "Shipping, Parliamentary Committees")
    page.fill("#id_tags", "Shipping, Parliamentary Committees")
    page.select_option("#id_status", "published")
    page.select_option("#id_relevances-0-paper", label="GS3")
    choose_topic(page, 0, "Infrastructure")
    page.locator("#id_relevances-0-is_primary").check()

    page.fill("#id_sections-0-heading", "What the bill changes")
    type_into_editor(page, "sections-0", "Licences for Indian coastal vessels are simplified.")
    page.locator("#sections-group .add-row a").click()
    page.fill("#id_sections-1-heading", "Way Forward")
    type_into_editor(page, "sections-1", "Ports must add berths for coastal cargo.")
    page.click("input[name=_save]")

    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    article = Article.objects.get(slug="monsoon-session-passes-the-coastal-shipping-bill")
    assert article.is_public
    assert sorted(article.tags.names()) == ["Parliamentary Committees", "Shipping"]

    # Saving again must not trip over the spare, untouched section row and its empty editor.
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert article.sections.count() == 2

    student = browser.new_context(viewport={"width": 360, "height": 800}).new_page()
    student.goto(f"{live_server.url}{article.get_absolute_url()}")
    expect(student.locator(".dimensions li")).to_have_text(["What the bill changes", "Way Forward"])
    expect(student.locator(".relevance")).to_contain_text("GS3 - Infrastructure")
    expect(student.locator("#way-forward")).to_contain_text("Ports must add berths for coastal cargo.")
    student.locator(".dimensions a", has_text="Way Forward").click()
    expect(student).to_have_url(re.compile("#way-forward$"))
    student.context.close()
