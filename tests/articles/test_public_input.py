"""What a stranger can send to the public pages and the admin's helpers: never a 5xx, always a clear answer."""

import html
import xml.etree.ElementTree as ET

import pytest

from articles.search import query as search
from tests.factories import ArticleFactory, full_article

pytestmark = pytest.mark.django_db


HOSTILE_QUERIES = [
    "\x00", "monsoon\x00", "\x1b[31m", "a" * 5000, "' OR 1=1 --", "%", "_", "%_%", "100%", "\\", '"quad" AND "tokyo"',
    ".*", "(a+)+$", "[", "<script>alert(1)</script>", "&amp; &lt;", "\u202eevil", "\ufeff\u200b", "😀" * 60,
    "GS2 GS2 GS2 GS2 GS2 GS2 GS2 GS2 GS2", "-", "!", "()", "'", "\"", "or", "<>",
    "é%_\\", "क\"%", "\"\"\"é", "NEAR(ééé)", "é*",  # words in other scripts, matched through their own index
]


@pytest.mark.parametrize("many", [False, True], ids=["ranked", "many-newest-first"])
@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_queries_are_answered_200_with_the_query_shown_escaped(client, monkeypatch, query, many):
    """Very long, SQL- or regex-like, percent and underscore, quotes, markup, odd Unicode and control
    characters: each is searched (cut to 100 characters, control characters as spaces), never refused,
    whether the words are few enough to rank or so many that they are listed newest first."""
    if many:
        monkeypatch.setattr(search, "MANY", -1)  # any count of matches is "more than MANY"
    full_article(title="Quad summit in Tokyo", tags=("Quad",))

    response = client.get("/search/", {"q": query})

    page = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in page.split("<main")[1]
    assert "\x00" not in page and "\x1b" not in page
    shown = "".join(character if character.isprintable() else " " for character in query)
    shown = " ".join(shown.split())[:100].strip()
    if shown:
        assert html.escape(shown, quote=True) in page or html.escape(shown, quote=False) in page


def test_a_percent_or_underscore_matches_only_itself(client):
    """"%" and "_" are searched as the characters they are, not as wildcards that match every article."""
    full_article(title="Quad summit in Tokyo")

    page = client.get("/search/", {"q": "%"}).content.decode()

    assert "Quad summit in Tokyo" not in page and "Nothing matched" in page


def test_search_with_ordinary_words_still_finds_articles(client):
    """Validation keeps ordinary searches working, spaces tidied."""
    full_article(title="Groundwater depletion in Punjab")

    response = client.get("/search/", {"q": "  groundwater   depletion "})

    assert response.status_code == 200
    assert "Groundwater depletion in Punjab" in response.content.decode()


def test_a_nul_byte_in_a_query_string_is_dropped_before_any_view_reads_it(client, writer):
    """The admin's tag-suggestion helper gets the term without the NUL byte (PostgreSQL refuses to compare text
    holding one) and suggests as usual."""
    full_article(tags=("Monsoon",))
    client.force_login(writer)

    with_nul = client.get("/admin/articles/article/tag-suggestions/", {"q": "mon\x00"})

    assert with_nul.status_code == 200
    assert with_nul.json() == {"tags": ["Monsoon"]}


def test_feed_items_show_stored_markup_as_text_in_feed_readers(client):
    """A title and context holding markup reach feed readers escaped for HTML, so they show as typed."""
    ArticleFactory(title="<b>Bold</b> & <script>alert(1)</script>", context="Context with <img src=x onerror=alert(1)>")

    feed = ET.fromstring(client.get("/feeds/articles/").content)
    item = feed.find("channel/item")

    title, description = item.findtext("title"), item.findtext("description")
    assert "<" not in title and "<" not in description
    assert html.unescape(title) == "<b>Bold</b> & <script>alert(1)</script>"
    assert html.unescape(description) == "Context with <img src=x onerror=alert(1)>"
