"""Hindi twins: a Hindi article linked to its English original, at the same slug under /hi/, each page
linking to the other while both are published, and every list showing its own language."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, SlugRedirect
from tests.factories import ArticleFactory, EditionFactory, full_article, hindi_twin

pytestmark = pytest.mark.django_db

SWITCH_TO_HINDI, SWITCH_TO_ENGLISH = "हिंदी में पढ़ें", "Read in English"


def twins(slug="india-japan-ties"):
    english = full_article(title="India and Japan widen their partnership", slug=slug)
    return english, hindi_twin(english, title="भारत और जापान की साझेदारी का विस्तार")


def alternates(page):
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', page))


def test_the_hindi_twin_is_at_the_english_slug_under_hi_in_hindi(client):
    """/hi/articles/<slug>/ answers 200 with the Hindi article, lang="hi" and a Content-Language of hi."""
    english, hindi = twins()

    response = client.get("/hi/articles/india-japan-ties/")

    page = response.content.decode()
    assert response.status_code == 200 and response["Content-Language"] == "hi"
    assert '<html lang="hi">' in page and "भारत और जापान की साझेदारी का विस्तार" in page
    assert "India and Japan widen their partnership" not in page.split("<main", 1)[1].split('class="language-switch"')[0]


def test_each_twin_links_to_the_other_with_a_switch_and_hreflang_both_ways(client):
    """The English page offers "हिंदी में पढ़ें", the Hindi page "Read in English", and both name the same
    three alternates: en-IN, hi and the English page as x-default."""
    twins()
    site = settings.SITE_URL

    english_page = client.get("/articles/india-japan-ties/").content.decode()
    hindi_page = client.get("/hi/articles/india-japan-ties/").content.decode()

    expected = {"en-IN": f"{site}/articles/india-japan-ties/", "hi": f"{site}/hi/articles/india-japan-ties/",
                "x-default": f"{site}/articles/india-japan-ties/"}
    assert alternates(english_page) == alternates(hindi_page) == expected
    assert f'<a href="/hi/articles/india-japan-ties/" hreflang="hi" lang="hi">{SWITCH_TO_HINDI}</a>' in english_page
    assert f'<a href="/articles/india-japan-ties/" hreflang="en" lang="en">{SWITCH_TO_ENGLISH}</a>' in hindi_page
    assert '<html lang="en-IN">' in english_page


def test_an_english_only_slug_under_hi_is_not_found(client):
    """A student who types /hi/ before an article with no Hindi twin gets 404, not the English page."""
    full_article(slug="only-in-english")

    assert client.get("/articles/only-in-english/").status_code == 200
    assert client.get("/hi/articles/only-in-english/").status_code == 404


def test_a_hindi_only_article_has_no_english_page_and_no_switch(client):
    """A Hindi article without an English original lives at /hi/ alone, with no alternates."""
    full_article(slug="only-in-hindi", language="hi", title="केवल हिंदी में")

    hindi = client.get("/hi/articles/only-in-hindi/")

    assert client.get("/articles/only-in-hindi/").status_code == 404
    assert hindi.status_code == 200 and 'class="language-switch"' not in hindi.content.decode()
    assert alternates(hindi.content.decode()) == {}


def test_the_switch_appears_and_goes_with_the_twins_publication_even_from_the_page_cache(client):
    """Unpublishing the English original takes the switch off the (cached) Hindi page at once; publishing
    it again brings it back."""
    english, _ = twins()
    assert SWITCH_TO_ENGLISH in client.get("/hi/articles/india-japan-ties/").content.decode()

    english.status = Article.Status.UNPUBLISHED
    english.save()
    hidden = client.get("/hi/articles/india-japan-ties/").content.decode()
    english.status = Article.Status.PUBLISHED
    english.save()
    shown = client.get("/hi/articles/india-japan-ties/").content.decode()

    assert SWITCH_TO_ENGLISH not in hidden and alternates(hidden) == {}
    assert SWITCH_TO_ENGLISH in shown


def test_a_twin_scheduled_for_later_is_not_offered_yet(client):
    """A Hindi twin that goes live tomorrow is not linked from today's English page."""
    english = full_article(slug="scheduled-pair")
    hindi_twin(english, status=Article.Status.SCHEDULED, published_at=timezone.now() + timedelta(days=1))

    page = client.get("/articles/scheduled-pair/").content.decode()

    assert SWITCH_TO_HINDI not in page and alternates(page) == {}
    assert client.get("/hi/articles/scheduled-pair/").status_code == 404


def test_a_browser_preferring_hindi_still_gets_the_english_site_at_the_root(client):
    """Accept-Language: hi on / is answered in English, without a redirect and without Vary on the language."""
    response = client.get("/", headers={"accept-language": "hi,en;q=0.5"})

    assert response.status_code == 200 and '<html lang="en-IN">' in response.content.decode()
    assert "Accept-Language" not in response.get("Vary", "")


@pytest.mark.parametrize("address", ["/{hi}", "/{hi}papers/gs2/", "/{hi}papers/gs2/international-relations/",
                                     "/{hi}tags/monsoon/", "/{hi}editions/2024/03/", "/{hi}feeds/articles/"])
def test_each_list_shows_the_articles_of_its_own_language(client, address):
    """The home page, paper, topic, tag and month pages and the feed list English articles at their English
    address and Hindi ones under /hi/."""
    twins()

    english = client.get(address.format(hi="")).content.decode()
    hindi = client.get(address.format(hi="hi/")).content.decode()

    assert "India and Japan widen their partnership" in english and "भारत और जापान" not in english
    assert "भारत और जापान की साझेदारी का विस्तार" in hindi and "India and Japan widen" not in hindi


def test_hindi_pages_name_the_month_in_hindi(client):
    """The Hindi month page is "मार्च 2024", not "March 2024"."""
    twins()

    page = client.get("/hi/editions/2024/03/").content.decode()

    assert "मार्च 2024" in page and "March 2024" not in page


def test_the_sitemap_names_both_twins_as_alternates_of_each_other(client):
    """/sitemap.xml lists both published twins, each with xhtml:link alternates; /hi/sitemap.xml is no
    address."""
    twins()
    full_article(slug="lonely-english")

    sitemap = client.get("/sitemap.xml").content.decode()

    for location in ("http://testserver/articles/india-japan-ties/", "http://testserver/hi/articles/india-japan-ties/"):
        entry = sitemap.split(f"<loc>{location}</loc>", 1)[1].split("</url>", 1)[0]
        assert '<xhtml:link rel="alternate" hreflang="hi" href="http://testserver/hi/articles/india-japan-ties/"' in entry
        assert '<xhtml:link rel="alternate" hreflang="x-default" href="http://testserver/articles/india-japan-ties/"' in entry
    lonely = sitemap.split("<loc>http://testserver/articles/lonely-english/</loc>", 1)[1].split("</url>", 1)[0]
    assert "xhtml:link" not in lonely
    assert client.get("/hi/sitemap.xml").status_code == 404


@pytest.mark.parametrize("address", [
    "/", "/articles/measured/", "/papers/gs2/", "/papers/gs2/international-relations/", "/tags/monsoon/",
    "/editions/", "/editions/2024/03/", "/editions/2024/03/quiz/", "/editions/2024/03/quiz/print/",
    "/search/?q=district", "/enquiry/", "/practice/", "/articles/measured/practice/", "/feeds/articles/"])
def test_a_hindi_page_costs_the_same_queries_as_its_english_counterpart(client, address, django_assert_num_queries):
    """The Hindi version of a public page issues exactly as many queries as the English one (whose exact
    number each page's own spec fixes): lists, the month and its quiz, search, the form and practice."""
    from tests.practice.factories import question

    english, _ = twins(slug="measured")
    twins(slug="another-pair")  # so that each language's article page has a related article to list
    question(english, stem_hi="प्रश्न का हिंदी पाठ।")
    english.edition.release_at = timezone.now() - timedelta(days=1)
    english.edition.save()
    client.get("/search/?q=warm")  # the header's shared parts, read once for both languages
    client.get("/editions/2024/03/quiz/")  # the month's quiz paper is fixed on its first opening

    with CaptureQueriesContext(connection) as english_queries:
        assert client.get(address).status_code == 200
    with django_assert_num_queries(len(english_queries)):
        assert client.get(f"/hi{address}").status_code == 200


class TestTheLink:
    def test_a_hindi_twin_takes_its_english_slug_whatever_was_typed(self):
        """A slug typed differently for the twin is corrected to the English one when it is checked."""
        english = full_article(slug="the-english-slug")
        hindi = ArticleFactory.build(language="hi", english_original=english, slug="typed-otherwise",
                                     edition=EditionFactory())

        hindi.full_clean()

        assert hindi.slug == "the-english-slug"

    def test_renaming_the_english_slug_moves_the_twin_and_keeps_both_old_addresses(self, client):
        """After the English slug changes, both old addresses answer 301 to the new ones in their language."""
        english, hindi = twins(slug="old-slug")

        english.slug = "new-slug"
        english.save()
        hindi.refresh_from_db()

        assert hindi.slug == "new-slug"
        assert client.get("/articles/old-slug/")["Location"] == "/articles/new-slug/"
        assert client.get("/hi/articles/old-slug/")["Location"] == "/hi/articles/new-slug/"
        assert set(SlugRedirect.objects.values_list("old_slug", "language")) == {("old-slug", "en"), ("old-slug", "hi")}

    @pytest.mark.parametrize("case, message", [
        ("english names an original", "Only a Hindi article can name an English original"),
        ("original is hindi", "is not an English article"),
        ("original already twinned", "already has a Hindi twin"),
    ])
    def test_a_wrong_link_is_refused_with_a_message(self, case, message):
        """A twin of an English article that has one, of a Hindi article, or an English article naming an
        original are each refused, and nothing is saved."""
        english, hindi = twins()
        if case == "english names an original":
            article = ArticleFactory.build(language="en", english_original=english, edition=english.edition)
        elif case == "original is hindi":
            article = ArticleFactory.build(language="hi", english_original=hindi, edition=english.edition)
        else:
            article = ArticleFactory.build(language="hi", english_original=english, edition=english.edition)

        with pytest.raises(ValidationError) as refused:
            article.full_clean()

        assert message in str(refused.value.message_dict["english_original"])
        assert Article.objects.count() == 2

    def test_the_same_slug_twice_in_one_language_is_refused(self):
        """Two Hindi articles may not share an address; an English and a Hindi one may."""
        full_article(slug="shared", language="hi")
        english = ArticleFactory.build(slug="shared", edition=EditionFactory())
        second_hindi = ArticleFactory.build(slug="shared", language="hi", edition=EditionFactory())

        english.full_clean()
        with pytest.raises(ValidationError, match="Another article in this language already has this slug"):
            second_hindi.full_clean()


def test_the_hindi_site_speaks_hindi_around_the_article_and_the_english_site_english(client):
    """Under /hi/ the header, footer, call-us label and the article's own headings are in Hindi; the English
    page keeps "For Enquiry", "Call Us Now" and "Dimensions of the article"."""
    from tests.factories import CallUsNumberFactory

    CallUsNumberFactory(number="+919606900005")
    twins()

    hindi = client.get("/hi/articles/india-japan-ties/").content.decode()
    english = client.get("/articles/india-japan-ties/").content.decode()

    for words in ("पूछताछ करें", "अभी कॉल करें", "मासिक संकलन", "प्रारंभिक परीक्षा अभ्यास", "लेख के आयाम",
                  "प्रासंगिकता:", "गोपनीयता सूचना", "मुख्य सामग्री पर जाएँ"):
        assert words in hindi, words
    for words in ("For Enquiry", "Call Us Now", "Monthly editions", "Dimensions of the article", "Relevance:"):
        assert words in english and words not in hindi, words
    assert 'href="/hi/enquiry/' in hindi and 'href="/hi/editions/"' in hindi


def test_papers_and_topics_carry_their_standard_hindi_names_on_hindi_pages(client):
    """The relevance line, the paper page and the menu say "सा.अ. 2 - अंतर्राष्ट्रीय संबंध" under /hi/ and keep
    "GS2 - International Relations" on the English site."""
    twins()

    hindi = client.get("/hi/articles/india-japan-ties/").content.decode()
    english = client.get("/articles/india-japan-ties/").content.decode()
    paper = client.get("/hi/papers/gs2/").content.decode()

    assert "सा.अ. 2 - अंतर्राष्ट्रीय संबंध" in hindi and "GS2 - International Relations" not in hindi
    assert "GS2 - International Relations" in english
    assert "शासन व्यवस्था, संविधान, राजव्यवस्था, सामाजिक न्याय तथा अंतर्राष्ट्रीय संबंध" in paper
    assert ">अंतर्राष्ट्रीय संबंध</a>" in paper and ">सा.अ. 3</a>" in paper


@pytest.mark.parametrize("address, words", [
    ("/hi/", ["सिविल सेवा के लिए करेंट अफेयर्स", "नवीनतम विश्लेषण", "प्रश्नपत्र के अनुसार देखें"]),
    ("/hi/editions/", ["महीने-दर-महीने करेंट अफेयर्स", "1 विश्लेषण", "पीडीएफ़ डाउनलोड करें"]),
    ("/hi/editions/2024/03/", ["विषय-सूची", "इस महीने का 1 विश्लेषण", "पूरे महीने की पीडीएफ़ डाउनलोड करें"]),
    ("/hi/papers/gs2/", ["सामान्य अध्ययन", "पाठ्यक्रम के विषय"]),
    ("/hi/no-such-page/", ["पृष्ठ नहीं मिला", "नवीनतम करेंट अफेयर्स पर जाएँ"]),
])
def test_hindi_lists_and_the_not_found_page_are_in_hindi(client, address, words):
    """The Hindi home page, month pages, paper page and 404 page speak Hindi."""
    twins()

    page = client.get(address).content.decode()

    for phrase in words:
        assert phrase in page, phrase


def test_invisible_characters_in_a_hindi_title_and_tags_are_tidied_and_make_no_second_tag(client, editor):
    """A title and tags pasted with zero-width spaces, direction marks and stray joiners are stored as a
    reader sees them; "मानसून" pasted with a hidden character is the existing tag, not a new one."""
    from articles.models import Tag
    from tests.admin_forms import article_change_form

    english, hindi = twins()
    hindi.tags.set(["मानसून"])
    client.force_login(editor)
    form = article_change_form(hindi, title="\u200eभारत\u200b और  जापान\ufeff", tags="मानसून\u200b, \u202eकृषि\u200d")

    response = client.post(f"/admin/articles/article/{hindi.pk}/change/", form)

    hindi.refresh_from_db()
    assert response.status_code == 302 and hindi.title == "भारत और जापान"
    assert sorted(hindi.tags.names()) == ["कृषि", "मानसून"] and Tag.objects.filter(name__startswith="मानसून").count() == 1
