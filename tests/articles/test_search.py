"""Search that finds: papers however written, topic and tag names, any script, a highlighted snippet,
filters by paper and month, pages, and an empty result that helps. Runs on SQLite and (in CI) PostgreSQL."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import views
from articles.search import index as search_index, query as search
from articles.models import Article
from tests.admin_forms import article_change_form
from tests.factories import ArticleFactory, EditionFactory, SectionFactory, relevance

pytestmark = pytest.mark.django_db


def published(title, paper_code="gs2", topic="International Relations", *, tags=(), month=3, days_ago=1, **kwargs):
    article = ArticleFactory(title=title, edition=EditionFactory(year=2024, month=month),
                             published_at=timezone.now() - timedelta(days=days_ago), **kwargs)
    relevance(article, paper_code, topic)
    article.tags.set(list(tags))
    return article


def titles(response):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


@pytest.mark.parametrize("query", ["GS2", "gs2", "GS 2", "GS-II", "gs ii", "GS Paper 2", "GS-2"])
def test_a_paper_written_any_way_finds_that_papers_articles(client, query):
    """"GS2", "GS 2", "GS-II", "GS Paper 2" … all find GS2's articles and no other paper's."""
    published("Quad summit in Tokyo", "gs2", "International Relations")
    published("Fiscal federalism", "gs2", "Federalism")
    published("Bustards and power lines", "gs3", "Biodiversity")

    found = titles(client.get("/search/", {"q": query}))

    assert sorted(found) == ["Fiscal federalism", "Quad summit in Tokyo"]


def test_a_paper_and_words_narrow_to_that_papers_matching_articles(client):
    """"GS3 power" finds the GS3 article about power lines, not a GS2 article that mentions power."""
    published("Bustards and power lines", "gs3", "Biodiversity")
    published("Power sharing between states", "gs2", "Federalism")

    assert titles(client.get("/search/", {"q": "GS3 power"})) == ["Bustards and power lines"]


def test_topic_tag_and_paper_names_find_their_articles(client):
    """A topic ("International Relations"), a tag ("Quad") or a paper's name finds the articles filed under
    it, though the words are nowhere in their text."""
    published("Leaders meet in Tokyo", "gs2", "International Relations", context="Recently, leaders met.")
    published("Sea lanes and security", "gs3", "Biodiversity", tags=["Quad"], context="Recently, navies met.")
    published("Unrelated piece", "gs3", "Biodiversity", context="Recently, birds flew.")

    assert titles(client.get("/search/", {"q": "International Relations"})) == ["Leaders meet in Tokyo"]
    assert titles(client.get("/search/", {"q": "quad"})) == ["Sea lanes and security"]
    assert "Leaders meet in Tokyo" in titles(client.get("/search/", {"q": "Governance, Constitution"}))


def test_devanagari_words_are_searched_not_dropped(client):
    """A Hindi word finds the article holding it, in its title or its sections; others are not listed."""
    hindi = published("जलवायु परिवर्तन और कृषि", "gs3", "Biodiversity")
    in_section = published("Monsoon and farm output", "gs3", "Biodiversity")
    SectionFactory(article=in_section, position=1, heading="किसान", body="<p>खरीफ की बुवाई समय पर हुई।</p>")
    published("An English-only piece", "gs2", "Federalism")

    assert titles(client.get("/search/", {"q": "जलवायु"})) == [hindi.title]
    assert titles(client.get("/search/", {"q": "खरीफ"})) == [in_section.title]


def test_words_in_other_scripts_are_found_inside_longer_words_case_aside_and_follow_edits(client):
    """A word not in plain ASCII ("संविधान", "café") finds the articles holding it inside a longer word and
    in either case; a short one (two letters) is found too, a wildcard typed with one matches only itself,
    and once an edit removes the word the article is no longer found."""
    constitution = published("Rights and duties", "gs2", "Federalism")
    section = SectionFactory(article=constitution, position=1, heading="Background",
                             body="<p>भारतीय संविधान के मूल कर्तव्य।</p>")
    published("Cafés on the highway", "gs3", "Biodiversity", context="A CAFÉ-LINED road in the hills.")
    published("Plain English note", "gs2", "Federalism", context="A café_ in the hills, 50% é% of it.")

    assert titles(client.get("/search/", {"q": "संविधान"})) == ["Rights and duties"]
    assert titles(client.get("/search/", {"q": "भारत"})) == ["Rights and duties"]  # inside भारतीय
    assert titles(client.get("/search/", {"q": "के"})) == ["Rights and duties"]  # two characters
    assert titles(client.get("/search/", {"q": "café-lined"})) == ["Cafés on the highway"]
    assert titles(client.get("/search/", {"q": "é%"})) == ["Plain English note"]

    section.body = "<p>मूल कर्तव्य।</p>"
    section.save()

    assert titles(client.get("/search/", {"q": "संविधान"})) == []


def test_results_show_a_snippet_with_the_searched_words_marked(client):
    """Each result shows the words around the first match in its text, the match in <mark>, escaped."""
    article = published("Monsoon outlook", "gs3", "Biodiversity", context="Recently, the forecast said <b>rain</b>.")
    SectionFactory(article=article, position=1, heading="Storage",
                   body="<p>Warehouses must be ready for a bumper <em>harvest</em> in the north.</p>")

    page = client.get("/search/", {"q": "harvest"}).content.decode()
    context_hit = client.get("/search/", {"q": "forecast"}).content.decode()

    assert "Warehouses must be ready for a bumper <mark>harvest</mark> in the north." in page
    assert "Recently, the <mark>forecast</mark> said &lt;b&gt;rain&lt;/b&gt;." in context_hit


def test_filters_by_paper_and_month_narrow_the_results(client):
    """The paper and month filters keep only that paper's and that month's matches."""
    published("Quad in March", "gs2", "International Relations", month=3)
    published("Quad in April", "gs2", "International Relations", month=4)
    published("Quad and the environment", "gs3", "Biodiversity", month=3)

    assert sorted(titles(client.get("/search/", {"q": "quad", "month": "2024-03"}))) == [
        "Quad and the environment", "Quad in March"]
    assert titles(client.get("/search/", {"q": "quad", "paper": "gs3"})) == ["Quad and the environment"]
    assert titles(client.get("/search/", {"q": "quad", "paper": "gs2", "month": "2024-04"})) == ["Quad in April"]


def test_the_month_list_offers_every_released_month_and_keeps_the_chosen_one(client):
    """Every released month is offered, newest first; the chosen month stays selected, and only it, for each
    visitor, although the list is shared between them; an edition released later joins the list at once."""
    published("Quad in March", month=3)
    published("Quad in April", month=4)

    def month_options(params):
        page = client.get("/search/", params).content.decode()
        return re.findall(r'<option value="(2024-\d\d)"( selected)?>([^<]+)</option>', page)

    assert month_options({"q": "quad"}) == [("2024-04", "", "April 2024"), ("2024-03", "", "March 2024")]
    assert month_options({"q": "quad", "month": "2024-03"}) == [("2024-04", "", "April 2024"),
                                                                ("2024-03", " selected", "March 2024")]
    assert month_options({"q": "quad", "month": "2024-04"})[0] == ("2024-04", " selected", "April 2024")

    published("Quad in May", month=5)
    assert [code for code, _, _ in month_options({"q": "quad"})] == ["2024-05", "2024-04", "2024-03"]


@pytest.mark.parametrize("params, message", [
    ({"q": "quad", "paper": "gs9"}, "Choose a paper from the list."),
    ({"q": "quad", "month": "2024-13"}, "Choose a month from the list (e.g. 2024-03)."),
])
def test_a_filter_that_is_not_in_the_lists_gets_a_clear_message(client, params, message):
    """A paper or month that does not exist is named in a 400 page, not searched and not a 500."""
    response = client.get("/search/", params)

    assert response.status_code == 400 and message in response.content.decode()


def test_results_are_paginated_and_the_links_keep_the_filters(client):
    """Thirteen matches make two pages; the page links keep the words and the filters."""
    for number in range(13):
        published(f"Quad analysis {number:02d}", days_ago=number + 1)

    first = client.get("/search/", {"q": "quad", "paper": "gs2"}).content.decode()

    assert "Page 1 of 2" in first and len(re.findall('class="card__title"', first)) == 12
    assert 'rel="next" href="?q=quad&amp;paper=gs2&amp;page=2"' in first


def test_an_empty_result_says_what_was_searched_and_suggests_papers(client):
    """No match shows the words searched and links to every paper, never "No articles here yet"."""
    published("Quad summit in Tokyo")

    page = client.get("/search/", {"q": "zebra crossings"}).content.decode()

    assert "Nothing matched “<strong>zebra crossings</strong>”" in page
    assert 'href="/papers/gs1/"' in page and 'href="/papers/gs3/"' in page
    assert "No articles here yet" not in page


def test_the_full_text_index_follows_every_edit_and_deletion(client):
    """A word added to a section is found at once, a word removed is no longer found, and a deleted article
    leaves the results (the index is written in the same transaction as the change)."""
    article = ArticleFactory(title="River linking project", slug="river-linking")
    section = SectionFactory(article=article, position=1, heading="Background", body="<p>The Ken and Betwa.</p>")

    def found(words):
        return "River linking project" in client.get("/search/", {"q": words}).content.decode()

    assert found("Betwa") and not found("aquifer")
    section.body = "<p>Recharging an aquifer.</p>"
    section.save()
    assert found("aquifer") and not found("Betwa")
    article.delete()
    assert not found("aquifer")


def test_saving_an_article_with_its_sections_writes_its_index_row_once(client, editor):
    """An editor's save of an article and three edited sections rewrites the article's search-index row once
    (not once per section), and the new words are found at once while the removed ones are not."""
    article = ArticleFactory(title="Groundwater in the Deccan", draft=True, author=editor)
    relevance(article)
    for position, (heading, word) in enumerate([("Background", "basalt"), ("Issues", "monsoon"),
                                                ("Way Forward", "borewell")], start=1):
        SectionFactory(article=article, position=position, heading=heading, body=f"<p>{word} matters.</p>")
    client.force_login(editor)
    form = article_change_form(article)
    for index in range(3):
        form[f"sections-{index}-body"] = f"<p>Aquifer recharge, step {index + 1}.</p>"

    with CaptureQueriesContext(connection) as queries:
        response = client.post(f"/admin/articles/article/{article.pk}/change/", form)

    assert response.status_code == 302
    rewrites = [query["sql"] for query in queries if f"DELETE FROM {search_index.TABLE}" in query["sql"]]
    assert len(rewrites) == 1
    client.logout()
    Article.objects.filter(pk=article.pk).update(status="published", published_at=timezone.now() - timedelta(hours=1))
    assert "Groundwater in the Deccan" in client.get("/search/", {"q": "aquifer"}).content.decode()
    assert "Groundwater in the Deccan" not in client.get("/search/", {"q": "borewell"}).content.decode()


def test_words_in_more_articles_than_search_many_are_listed_newest_first_without_counting(client, monkeypatch):
    """A search whose words are in more than search.MANY articles lists the published ones newest first
    (a title match no longer jumps ahead), says so instead of counting them, and pages through them."""
    monkeypatch.setattr(search, "MANY", 3)
    monkeypatch.setattr(views, "ARTICLES_PER_PAGE", 3)
    published("Quad: the oldest, with the word in its title", days_ago=9)
    for days_ago in range(1, 5):
        published(f"Maritime note {days_ago}", days_ago=days_ago, context="Recently, the quad met again.")
    ArticleFactory(title="Quad draft", draft=True)

    first, second = client.get("/search/", {"q": "quad"}), client.get("/search/", {"q": "quad", "page": 2})

    assert titles(first) + titles(second) == [
        "Maritime note 1", "Maritime note 2", "Maritime note 3", "Maritime note 4",
        "Quad: the oldest, with the word in its title"]
    assert "is in more than 3 articles" in first.content.decode()
    assert 'rel="next" href="?q=quad&amp;page=2"' in first.content.decode()
    assert "results for" not in first.content.decode() and "Page 2" in second.content.decode()


def test_many_matches_still_honour_the_paper_month_and_names(client, monkeypatch):
    """With more than search.MANY matches, the paper and month filters still narrow them, and articles filed
    under a tag named like the words are found with those holding the words."""
    monkeypatch.setattr(search, "MANY", 1)
    published("Quad in March", "gs2", "International Relations", month=3, days_ago=3)
    published("Quad in April", "gs2", "International Relations", month=4, days_ago=2)
    published("Quad and the environment", "gs3", "Biodiversity", month=3, days_ago=4)
    published("Tokyo meeting", "gs2", "International Relations", tags=["Quad"], month=5, days_ago=1)
    published("Unrelated piece", "gs3", "Biodiversity", days_ago=1)

    assert titles(client.get("/search/", {"q": "quad"})) == [
        "Tokyo meeting", "Quad in April", "Quad in March", "Quad and the environment"]
    assert titles(client.get("/search/", {"q": "quad", "month": "2024-03"})) == [
        "Quad in March", "Quad and the environment"]
    page = client.get("/search/", {"q": "quad", "paper": "gs3"}).content.decode()
    assert re.findall(r'card__title"><a href="[^"]+">([^<]+)<', page) == ["Quad and the environment"]
    assert "here are those of the paper and month chosen" in page


def test_many_matches_few_of_them_among_the_articles_searched_are_ranked_and_counted(client, monkeypatch):
    """Words in more than search.MANY articles but in none of the newest of the paper searched ("GS2 quad",
    where the quad is nearly always GS3) are ranked and counted like a handful of matches, instead of a walk
    across the whole archive for a page."""
    monkeypatch.setattr(search, "MANY", 2)
    monkeypatch.setattr(search, "NEWEST_LOOKED_AT", 2)
    monkeypatch.setattr(views, "ARTICLES_PER_PAGE", 2)
    published("Quad seen from Delhi", "gs2", "International Relations", days_ago=9)
    for days_ago in range(1, 4):
        published(f"Federalism note {days_ago}", "gs2", "Federalism", days_ago=days_ago)
        published(f"Quad in the seas {days_ago}", "gs3", "Biodiversity", days_ago=days_ago)

    page = client.get("/search/", {"q": "GS2 quad"}).content.decode()

    assert re.findall(r'card__title"><a href="[^"]+">([^<]+)<', page) == ["Quad seen from Delhi"]
    assert "1 result for" in page and "more than" not in page


def test_ranked_matches_beyond_search_many_say_there_are_more_and_show_the_best(client, monkeypatch):
    """When more ranked matches than search.MANY hold the words (here in another script, which is never
    counted), the page says there are more, and pages through the best MANY, title matches first."""
    monkeypatch.setattr(views, "MANY", 2)
    published("संविधान सभा की बहसें", "gs2", "Federalism", days_ago=5)
    for days_ago in range(1, 4):
        published(f"Note {days_ago}", "gs2", "Federalism", days_ago=days_ago, context="संविधान पर टिप्पणी")

    response = client.get("/search/", {"q": "संविधान"})
    page = response.content.decode()

    assert "More than 2 results for" in page and "the best 2 here" in page
    assert titles(response) == ["संविधान सभा की बहसें", "Note 1"]


def test_exactly_search_many_ranked_matches_are_counted(client, monkeypatch):
    """Exactly search.MANY ranked matches are all shown and counted, with no "more than"."""
    monkeypatch.setattr(views, "MANY", 2)
    for days_ago in range(1, 3):
        published(f"Note {days_ago}", "gs2", "Federalism", days_ago=days_ago, context="संविधान पर टिप्पणी")

    page = client.get("/search/", {"q": "संविधान"}).content.decode()

    assert "2 results for" in page and "More than" not in page


def test_a_paper_with_a_word_from_another_papers_title_asks_that_paper_for_the_word(client):
    """"GS2 history" lists GS2's articles holding "history", not those filed under GS1 (whose title and
    topics say History) as well; "history" alone still finds GS1's articles by those names."""
    harappa = published("Harappan town planning", "gs1", "Art and Culture", days_ago=2)
    relevance(harappa, "gs2", "Federalism", primary=False)
    published("History of the Finance Commission", "gs2", "Federalism", days_ago=1)

    assert titles(client.get("/search/", {"q": "GS2 history"})) == ["History of the Finance Commission"]
    assert titles(client.get("/search/", {"q": "history", "paper": "gs2"})) == ["History of the Finance Commission"]
    assert "Harappan town planning" in titles(client.get("/search/", {"q": "history"}))


def test_a_paper_alone_lists_that_paper_newest_first_without_claiming_a_count(client):
    """"GS2" alone lists GS2's articles newest first, a page at a time, with no count of them."""
    published("Older GS2 piece", "gs2", "Federalism", days_ago=5)
    published("Newer GS2 piece", "gs2", "Federalism", days_ago=1)
    published("A GS3 piece", "gs3", "Biodiversity", days_ago=1)

    response = client.get("/search/", {"q": "GS2"})

    assert titles(response) == ["Newer GS2 piece", "Older GS2 piece"]
    assert "newest first" in response.content.decode() and "more than" not in response.content.decode()
