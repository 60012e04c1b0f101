"""The relevance row of the article form fits a 360 px phone: every field can be seen and reached."""

import pytest
from playwright.sync_api import expect

from tests.e2e.admin_steps import log_in
from tests.factories import publishable_article, staff_user

pytestmark = pytest.mark.django_db(transaction=True)


def test_every_field_of_a_relevance_row_is_on_screen_at_360_px(live_server, page):
    """Paper, topic, the primary box and the delete box all sit within the phone's width, with no sideways
    scrolling anywhere on the form."""
    writer = staff_user("arjun", role="Writer")
    article = publishable_article(author=writer)
    page.set_viewport_size({"width": 360, "height": 740})
    log_in(page, live_server.url, "arjun")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")

    row = page.locator("#relevances-0")
    for field in ("#id_relevances-0-paper", "#relevances-0 .field-topic .select2-selection",
                  "#id_relevances-0-is_primary", "#id_relevances-0-DELETE"):
        box = page.locator(field).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360, field
    expect(page.locator("#id_relevances-0-is_primary")).to_be_visible()
    row.screenshot(path="/tmp/relevance-360.png")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.evaluate("document.querySelector('#relevances-group .tabular').scrollWidth") <= 360
