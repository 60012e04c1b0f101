"""Saving an article in the browser without touching a section records no change to that section."""

import pytest
from playwright.sync_api import expect

from articles.models import Section
from tests.e2e.admin_steps import log_in
from tests.factories import SectionFactory, publishable_article, staff_user

pytestmark = pytest.mark.django_db(transaction=True)

# The kinds of markup imports and older saves leave behind, which CKEditor re-serialises on load.
IMPORTED_BODY = (
    "<p><b>Launch:</b>&nbsp;the craft lifted off   from Sriharikota.</p>\n"
    "<ul>\n  <li><i>Payload</i> — three instruments</li>\n  <li>Orbit: 400 km</li>\n</ul>"
    "<table><tr><th>Stage</th><th>Fuel</th></tr><tr><td>First</td><td>Solid</td></tr></table>"
    "<p>Budget: <a href=\"https://example.org/budget\">₹ 615 crore</a></p>"
)


def test_saving_without_touching_a_section_records_no_section_change(live_server, page):
    """An editor opens an imported article, fixes only the title and saves: the history line names the
    title alone, and the sections are stored as they were."""
    editor = staff_user("meera", role="Editor")
    article = publishable_article(author=editor, title="Moon Lander Clears Final Test")
    SectionFactory(article=article, position=3, heading="Mission profile", body=IMPORTED_BODY)
    bodies_before = list(Section.objects.filter(article=article).values_list("body", flat=True))
    log_in(page, live_server.url, "meera")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    expect(page.locator("#sections-2 .ck-editor__editable_inline")).to_contain_text("three instruments")

    page.fill("#id_title", "Moon Lander Clears Its Final Test")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/history/")
    page.screenshot(path="/tmp/history-without-noise.png", full_page=True)
    history = page.locator("#change-history")
    expect(history).to_contain_text("Changed Title")
    expect(history).not_to_contain_text("section")
    assert list(Section.objects.filter(article=article).values_list("body", flat=True)) == bodies_before
