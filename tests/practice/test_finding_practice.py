"""Students find Prelims practice: from the menu on every page, a practice page with the months' quizzes and
the articles with questions, the home page, near the top of an article that has questions, and an empty
paper page."""

import pytest

from tests.factories import CallUsNumberFactory, EditionFactory, full_article
from tests.practice.factories import question

pytestmark = pytest.mark.django_db


@pytest.fixture
def practised():
    CallUsNumberFactory(number="+919606900005")
    march = EditionFactory(year=2024, month=3)
    quad = full_article(title="The Quad's maritime agenda", slug="quad-maritime", edition=march)
    question(quad), question(quad, position=1)
    full_article(title="Monsoon and the kharif sowing", slug="monsoon-kharif", edition=march)
    return quad


def test_every_page_offers_prelims_practice_in_the_menu(client, practised):
    """The header's menu links to the practice page on every page."""
    for url in ("/", "/papers/gs2/", "/articles/quad-maritime/", "/editions/"):
        assert '<a href="/practice/">Prelims practice</a>' in client.get(url).content.decode(), url


def test_the_practice_page_lists_the_months_quizzes_and_the_articles_with_questions(client, practised):
    """Each released month with questions has its quiz and printable paper; each article with questions its
    count; an article without questions is not listed."""
    page = client.get("/practice/").content.decode()

    assert 'href="/editions/2024/03/quiz/">March 2024 quiz</a>' in page
    assert 'href="/editions/2024/03/quiz/print/">printable paper</a>' in page
    assert 'href="/articles/quad-maritime/practice/">The Quad&#x27;s maritime agenda</a>' in page
    assert "2 questions" in page and "Monsoon and the kharif sowing" not in page


def test_the_home_page_offers_the_latest_quiz_and_practised_articles(client, practised):
    """The home page has a Prelims practice section with this month's quiz and the latest practised articles."""
    page = client.get("/").content.decode()
    panel = page.split('id="practice-heading"')[1]

    assert "Take the March 2024 quiz" in panel and 'href="/articles/quad-maritime/practice/"' in panel


def test_an_article_with_questions_links_them_near_the_top(client, practised):
    """A compact "2 Prelims questions" link sits before the Dimensions, not only at the article's end."""
    page = client.get("/articles/quad-maritime/").content.decode()

    link = page.index('class="question-count" href="/articles/quad-maritime/practice/">2 Prelims questions')
    assert link < page.index("Dimensions of the article")
    assert "question-count" not in client.get("/articles/monsoon-kharif/").content.decode()


def test_an_empty_paper_page_points_to_practice(client, practised):
    """A paper with no analyses yet (Prelims, say) offers practice instead of a dead end."""
    page = client.get("/papers/prelims/").content.decode()

    assert 'practise Prelims questions</a>' in page


def test_the_practice_page_costs_a_fixed_number_of_queries(client, practised, django_assert_num_queries):
    """The months with quizzes (with their quizzes), the articles with questions + their primary relevances +
    their question counts, and the header's call-us numbers, paper menu and next go-live."""
    full_article(slug="third"), question(full_article(slug="fourth"))
    with django_assert_num_queries(7):
        client.get("/practice/")
