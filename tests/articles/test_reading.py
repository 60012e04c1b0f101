"""Articles that lead somewhere: related reading, the month's previous and next article, sharing, and the
data search engines and messaging apps read."""

import html
import json
import re
from datetime import datetime, timedelta
from urllib.parse import unquote

import pytest
from django.conf import settings
from django.utils import timezone

from tests.factories import ArticleFactory, EditionFactory, relevance

pytestmark = pytest.mark.django_db


def published(title, *, topics=(), tags=(), days_ago=1, edition=None, **kwargs):
    """A published article with the given (paper code, topic) relevances (the first primary) and tags."""
    article = ArticleFactory(title=title, published_at=timezone.now() - timedelta(days=days_ago),
                             edition=edition or EditionFactory(year=2024, month=3), **kwargs)
    for position, (code, topic) in enumerate(topics):
        relevance(article, code, topic, primary=position == 0)
    article.tags.set(list(tags))
    return article


def related_titles(page):
    section = page.split('id="related-heading"')[1] if 'id="related-heading"' in page else ""
    return [html.unescape(title) for title in re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', section)]


def json_ld(page):
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL)
    return json.loads(block.group(1)) if block else None


def test_related_reading_ranks_by_shared_topics_and_tags_then_recency(client):
    """Up to five published articles, most shared topics and tags first and newest among equals; the article
    itself, drafts and unrelated articles never appear."""
    ir, fed = ("gs2", "International Relations"), ("gs2", "Federalism")
    article = published("Quad summit in Tokyo", topics=[ir, fed], tags=["Quad", "Indo-Pacific"], slug="quad")
    published("Shares topic, tag and tag", topics=[ir], tags=["Quad", "Indo-Pacific"], days_ago=9)
    published("Shares topic and tag, older", topics=[ir], tags=["Quad"], days_ago=8)
    published("Shares topic and tag, newer", topics=[fed], tags=["Indo-Pacific"], days_ago=2)
    published("Shares one tag, newest", tags=["Quad"], days_ago=1)
    published("Shares one topic", topics=[ir], days_ago=5)
    published("Shares one tag, oldest", tags=["Indo-Pacific"], days_ago=30)
    published("Nothing in common", topics=[("gs3", "Biodiversity")], tags=["Tigers"])
    ArticleFactory(title="A related draft", draft=True).tags.set(["Quad"])

    titles = related_titles(client.get(article.get_absolute_url()).content.decode())

    assert titles == ["Shares topic, tag and tag", "Shares topic and tag, newer", "Shares topic and tag, older",
                      "Shares one tag, newest", "Shares one topic"]


def test_related_reading_looks_only_at_the_newest_articles_sharing_a_topic_or_tag(client, monkeypatch):
    """However large the archive, only the newest few filed under each shared topic or tag are weighed: an old
    article sharing more than they do is left out once newer ones fill that window."""
    from articles import reading

    monkeypatch.setattr(reading, "RECENT_CANDIDATES", 2)
    ir = ("gs2", "International Relations")
    published("Old, shares topic and tag", topics=[ir], tags=["Quad"], days_ago=400)
    article = published("Quad summit in Tokyo", topics=[ir], tags=["Quad"], slug="quad", days_ago=0)
    published("Newer, shares the topic", topics=[ir], days_ago=3)
    published("Newest, shares the tag", tags=["Quad"], days_ago=2)

    titles = related_titles(client.get(article.get_absolute_url()).content.decode())

    assert titles == ["Newest, shares the tag", "Newer, shares the topic"]


def test_an_article_with_nothing_in_common_shows_no_related_section(client):
    """Without shared topics or tags there is no empty "Related reading" heading."""
    article = published("A lone piece", topics=[("gs4", None)], slug="lone")
    published("Another lone piece", topics=[("gs3", "Biodiversity")])

    page = client.get(article.get_absolute_url()).content.decode()

    assert "Related reading" not in page


def test_previous_and_next_follow_the_month_in_publication_order(client):
    """The article links the month's article published just before it and just after it, not other months'."""
    march, april = EditionFactory(year=2024, month=3), EditionFactory(year=2024, month=4)
    published("First of March", edition=march, days_ago=30)
    middle = published("Middle of March", edition=march, days_ago=20, slug="middle")
    published("Last of March", edition=march, days_ago=10)
    published("April piece", edition=april, days_ago=15)

    page = client.get(middle.get_absolute_url()).content.decode()

    assert re.search(r'rel="prev" href="[^"]+"><span class="muted">← Previous in March 2024</span> First of March', page)
    assert re.search(r'rel="next" href="[^"]+"><span class="muted">Next in March 2024 →</span> Last of March', page)
    assert "April piece" not in page


def test_sharing_links_whatsapp_and_copy_link_carry_the_canonical_address(client):
    """The WhatsApp link opens a chat with the title and the article's full address; "Copy link" copies it."""
    article = published("Quad & the sea lanes", slug="quad-sea-lanes")
    url = f"{settings.SITE_URL}/articles/quad-sea-lanes/"

    page = client.get(article.get_absolute_url()).content.decode()

    whatsapp = html.unescape(re.search(r'class="tool tool--whatsapp" href="([^"]+)"', page).group(1))
    assert whatsapp.startswith("https://wa.me/?text=") and unquote(whatsapp.split("text=")[1]) == f"Quad & the sea lanes {url}"
    assert f'data-copy-link="{url}"' in page
    assert f'<link rel="canonical" href="{url}">' in page


def test_opengraph_and_twitter_tags_describe_the_article(client):
    """Title, description from the context, the share image (1200 × 630), type article and its section."""
    article = published("Bustards and power lines", topics=[("gs3", "Biodiversity")], slug="bustards",
                        context="The court revisited its order on power lines in the bustard's habitat.")
    page = client.get(article.get_absolute_url()).content.decode()

    def meta(attribute, name):
        found = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', page)
        return html.unescape(found.group(1)) if found else None

    assert meta("property", "og:type") == "article"
    assert meta("property", "og:title") == meta("name", "twitter:title") == "Bustards and power lines"
    assert meta("property", "og:description") == "The court revisited its order on power lines in the bustard's habitat."
    assert meta("property", "og:url") == f"{settings.SITE_URL}/articles/bustards/"
    assert meta("property", "og:image") == f"{settings.SITE_URL}/static/img/share-card.png"
    assert meta("property", "article:section") == "GS3 - Biodiversity"
    assert meta("name", "twitter:card") == "summary_large_image"


def test_json_ld_is_a_valid_schema_org_news_article(client):
    """The JSON-LD block has the NewsArticle properties with schema.org's types: a headline of at most 110
    characters, ISO 8601 dates, an Organization author and a publisher with an ImageObject logo."""
    article = published("A " + "very long headline " * 8, topics=[("gs2", "International Relations")],
                        tags=["Quad"], slug="long-headline", context="Why it matters </script><b>now</b>.")

    page = client.get(article.get_absolute_url()).content.decode()
    data = json_ld(page)

    assert "</script><b>" not in page.split('application/ld+json">')[1].split("</script>")[0]
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert isinstance(data["headline"], str) and 0 < len(data["headline"]) <= 110
    assert data["description"] == "Why it matters </script><b>now</b>."
    for field in ("datePublished", "dateModified"):
        assert datetime.fromisoformat(data[field]).tzinfo is not None
    assert data["author"]["@type"] in ("Person", "Organization") and data["author"]["name"]
    assert data["publisher"]["@type"] == "Organization" and data["publisher"]["name"] == settings.SITE_NAME
    assert data["publisher"]["logo"]["@type"] == "ImageObject" and data["publisher"]["logo"]["url"].startswith("http")
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": f"{settings.SITE_URL}/articles/long-headline/"}
    assert data["articleSection"] == "GS2 - International Relations"
    assert data["image"] == [f"{settings.SITE_URL}/static/img/share-card.png"] and data["keywords"] == ["Quad"]


def test_a_draft_preview_carries_no_structured_data(client, editor):
    """Staff previewing a draft see no JSON-LD: search engines must never learn of unpublished work."""
    draft = ArticleFactory(title="Unfinished piece", draft=True, slug="unfinished")
    client.force_login(editor)

    page = client.get(draft.get_absolute_url()).content.decode()

    assert json_ld(page) is None


def test_each_paper_has_its_own_feed(client):
    """/feeds/papers/gs2/ lists GS2's published articles only; an unknown paper's feed is not found."""
    published("A GS2 piece", topics=[("gs2", "Governance")])
    published("A GS3 piece", topics=[("gs3", "Biodiversity")])
    ArticleFactory(title="A GS2 draft", draft=True)

    feed = client.get("/feeds/papers/gs2/")
    paper_page = client.get("/papers/gs2/").content.decode()

    body = feed.content.decode()
    assert feed.status_code == 200 and f"<title>{settings.SITE_NAME}: GS2 current affairs</title>" in body
    assert "A GS2 piece" in body and "A GS3 piece" not in body and "A GS2 draft" not in body
    assert 'href="/feeds/papers/gs2/"' in paper_page
    assert client.get("/feeds/papers/gs9/").status_code == 404
