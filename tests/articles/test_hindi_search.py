"""Hindi search: a word is found however it is spelled among the forms readers treat as one (nukta or
not, anusvara or half nasal letter, chandrabindu or anusvara, invisible joiners), on /search/ and
/hi/search/, with the word marked in the snippet."""

import pytest

from articles.search.devanagari import fold
from tests.factories import SectionFactory, full_article

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("one, other", [
    ("क़ानून", "कानून"), ("हिन्दी", "हिंदी"), ("माँ", "मां"), ("सम्पादक", "संपादक"),
    ("ग़ज़ल", "गजल"), ("क\u093cानून", "क़ानून"), ("हिं\u200dदी", "हिंदी"),
])
def test_the_spellings_of_one_word_fold_to_one_form(one, other):
    """Both spellings of each pair are written one way; different words stay different."""
    assert fold(one) == fold(other)
    assert fold("कानून") != fold("कान")


def article_saying(slug, words, language="hi"):
    article = full_article(slug=slug, language=language, sections=0, title=f"लेख {slug}")
    SectionFactory(article=article, position=1, heading="पृष्ठभूमि", body=f"<p>संसद ने नया {words} पारित किया।</p>")
    SectionFactory(article=article, position=2, heading="आगे की राह", body="<p>राज्यों से परामर्श ज़रूरी है।</p>")
    return article


@pytest.mark.parametrize("written, searched", [
    ("क़ानून", "कानून"), ("कानून", "क़ानून"), ("हिन्दी", "हिंदी"), ("हिंदी", "हिन्दी"), ("माँ", "मां"),
    ("क़ा\u200dनून", "कानून"),
])
@pytest.mark.parametrize("address", ["/search/", "/hi/search/"])
def test_a_hindi_word_is_found_in_either_spelling_and_marked(client, written, searched, address):
    """Written one way and searched the other, the article is found (on the English and the Hindi search
    page) and the word as written is marked in its snippet."""
    found = article_saying("kanoon", written)
    article_saying("other", "विधेयक")

    page = client.get(address, {"q": searched}).content.decode()

    assert found.title in page and "लेख other" not in page
    assert f"<mark>{written}</mark>" in page


def test_a_hindi_article_found_on_the_hindi_search_page_links_to_its_hindi_address(client):
    """/hi/search/ lists a Hindi article at its /hi/ address."""
    article_saying("vidheyak", "विधेयक")

    page = client.get("/hi/search/", {"q": "विधेयक"}).content.decode()

    assert 'href="/hi/articles/vidheyak/"' in page


def test_the_hindi_search_page_speaks_hindi(client):
    """/hi/search/ asks and answers in Hindi: its heading, its filters and the count of results."""
    article_saying("vidheyak", "विधेयक")

    page = client.get("/hi/search/", {"q": "विधेयक"}).content.decode()

    for phrase in ("करेंट अफेयर्स खोजें", "सभी प्रश्नपत्र", "सभी महीने", "“<strong>विधेयक</strong>” के लिए 1 परिणाम।"):
        assert phrase in page, phrase
