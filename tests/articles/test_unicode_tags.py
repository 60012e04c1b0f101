"""Tags in any script work on every public page that shows them."""

import pytest
from urllib.parse import quote

from articles.models import Tag, unicode_slug
from tests.factories import full_article

pytestmark = pytest.mark.django_db

HINDI_TAG = "जलवायु परिवर्तन"


@pytest.mark.parametrize("name, slug", [
    ("जलवायु परिवर्तन", "जलवायु-परिवर्तन"),      # vowel signs kept, unlike Django's slugify
    ("காலநிலை மாற்றம்", "காலநிலை-மாற்றம்"),
    ("India-Japan", "india-japan"),
    ("GS2: Polity & Governance", "gs2-polity-governance"),
    ("  Quad  ", "quad"),
    ("!!!", ""),
])
def test_unicode_slug_keeps_letters_marks_and_digits_of_every_script(name, slug):
    """Letters, combining marks and digits of any script stay; everything else separates words."""
    assert unicode_slug(name) == slug


@pytest.mark.parametrize("name, slug", [("!!!", "tag"), ("😀", "tag"), ("—", "tag")])
def test_a_tag_that_slugifies_to_nothing_still_gets_an_address(name, slug):
    """A tag made only of symbols gets the fallback slug, and a second one a numbered slug."""
    first = Tag.objects.create(name=name)
    second = Tag.objects.create(name=name + "?")

    assert first.slug == slug
    assert second.slug == f"{slug}_1"


@pytest.mark.parametrize("name", [HINDI_TAG, "!!!", "😀 emoji", "Zoë & co"])
def test_a_tag_in_any_script_works_on_the_article_tag_sitemap_and_feed(client, name):
    """The article page links the tag, the tag page lists the article, and the sitemap and feed name it."""
    article = full_article(tags=(name,))
    tag = Tag.objects.get(name=name)

    article_page = client.get(article.get_absolute_url())
    tag_page = client.get(tag.get_absolute_url())
    sitemap = client.get("/sitemap.xml").content.decode()
    feed = client.get("/feeds/articles/").content.decode()

    assert article_page.status_code == 200
    assert f'href="{tag.get_absolute_url()}"' in article_page.content.decode()
    assert tag_page.status_code == 200
    assert article.title in tag_page.content.decode()
    assert quote(tag.get_absolute_url()) in sitemap or tag.get_absolute_url() in sitemap
    assert f"<category>{name.replace('&', '&amp;')}</category>" in feed


def test_a_devanagari_tag_page_answers_at_its_percent_encoded_address(client):
    """Browsers send the Devanagari address percent-encoded; the tag page still answers."""
    article = full_article(tags=(HINDI_TAG,))

    response = client.get("/tags/" + quote("जलवायु-परिवर्तन") + "/")

    assert response.status_code == 200
    assert article.title in response.content.decode()


def test_an_unknown_tag_address_in_any_script_is_a_404(client):
    """A tag address nobody uses answers 404, whatever its script."""
    assert client.get("/tags/" + quote("कोई-नहीं") + "/").status_code == 404
    assert client.get("/tags/%00/").status_code == 404
