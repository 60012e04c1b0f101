import pytest
from playwright.sync_api import expect

from tests.articles.samples import ARTICLE
from tests.e2e.admin_steps import log_in
from tests.factories import staff_user

pytestmark = pytest.mark.django_db(transaction=True)


def test_editor_pastes_an_article_previews_it_creates_the_draft_and_views_it(live_server, page):
    """Paste, preview the recognised structure, create the draft, and open it on the site."""
    staff_user("meera", role="Editor")
    log_in(page, live_server.url, "meera")

    page.goto(f"{live_server.url}/admin/articles/article/")
    page.get_by_role("link", name="Import article").click()
    page.fill("#id_text", ARTICLE)
    page.get_by_role("button", name="Preview").click()
    preview = page.locator(".import-preview")
    expect(preview).to_contain_text("Monsoon Forecast Raises Hopes for Kharif Sowing")
    expect(preview).to_contain_text("GS3 - Agriculture")
    expect(preview.locator("ol > li > strong")).to_have_text(
        ["About the forecast", "Impact on farm output", "Way Forward"])
    expect(preview.locator(".check-guess")).to_contain_text("by position")

    page.get_by_role("button", name="Create draft").click()
    expect(page.locator(".messagelist")).to_contain_text("as a draft")
    page.get_by_role("link", name="View on site").click()
    public = page
    expect(public).to_have_url(f"{live_server.url}/articles/monsoon-forecast-raises-hopes-for-kharif-sowing/")
    expect(public.locator(".draft-banner")).to_contain_text("Draft")
    expect(public.locator(".dimensions li")).to_have_text(["About the forecast", "Impact on farm output",
                                                           "Way Forward"])
    expect(public.locator(".relevance")).to_contain_text("GS3 - Agriculture")
