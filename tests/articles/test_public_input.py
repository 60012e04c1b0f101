"""What a stranger can send to the public pages and the admin's helpers: never a 5xx, always a clear answer."""

import html
import xml.etree.ElementTree as ET

import pytest

from tests.factories import ArticleFactory, full_article

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["\x00", "monsoon\x00", "%00", "\x1b[31m", "a" * 101])
def test_search_refuses_control_characters_and_overlong_queries_with_a_message(client, query):
    """A NUL byte, a control character or 101 characters give a 400 page saying what to fix, never a 500."""
    response = client.get("/search/", {"q": query} if query != "%00" else None, QUERY_STRING="q=%00")

    page = response.content.decode()
    assert response.status_code == 400
    assert any(message in page for message in [
        "Null characters are not allowed.", "Search for words, without control characters.",
        "Search for at most 100 characters."])


def test_search_with_ordinary_words_still_finds_articles(client):
    """Validation keeps ordinary searches working, spaces tidied."""
    full_article(title="Groundwater depletion in Punjab")

    response = client.get("/search/", {"q": "  groundwater   depletion "})

    assert response.status_code == 200
    assert "Groundwater depletion in Punjab" in response.content.decode()


def test_tag_suggestions_refuse_a_nul_byte_with_a_400(client, writer):
    """The admin's tag-suggestion helper answers 400 with the reason for a NUL byte, and suggests as usual otherwise."""
    full_article(tags=("Monsoon",))
    client.force_login(writer)

    refused = client.get("/admin/articles/article/tag-suggestions/", {"q": "mon\x00"})
    suggested = client.get("/admin/articles/article/tag-suggestions/", {"q": "mon"})

    assert refused.status_code == 400
    assert refused.json()["errors"]["q"][0]["message"] == "Null characters are not allowed."
    assert suggested.json() == {"tags": ["Monsoon"]}


def test_feed_items_show_stored_markup_as_text_in_feed_readers(client):
    """A title and context holding markup reach feed readers escaped for HTML, so they show as typed."""
    ArticleFactory(title="<b>Bold</b> & <script>alert(1)</script>", context="Context with <img src=x onerror=alert(1)>")

    feed = ET.fromstring(client.get("/feeds/articles/").content)
    item = feed.find("channel/item")

    title, description = item.findtext("title"), item.findtext("description")
    assert "<" not in title and "<" not in description
    assert html.unescape(title) == "<b>Bold</b> & <script>alert(1)</script>"
    assert html.unescape(description) == "Context with <img src=x onerror=alert(1)>"
