import re
from datetime import timedelta

import pytest

from tests.practice.factories import question
from django.utils import timezone

from articles import models, sitemaps
from articles.search import query as search
from articles.models import Section
from tests.factories import (
    ArticleFactory, CallUsNumberFactory, EditionFactory, SectionFactory, UserFactory, full_article, relevance,
    staff_user,
)

pytestmark = pytest.mark.django_db


def seed_shaped_article():
    article = ArticleFactory(
        title="Tokyo and New Delhi Step Up Defence Cooperation",
        slug="tokyo-new-delhi-defence",
        context="Recently, Japan called India a key partner for maritime security.",
        mains_questions="Assess the strategic logic of India-Japan defence ties. (15 marks)",
        edition=EditionFactory(year=2024, month=3),
    )
    relevance(article)
    SectionFactory(article=article, position=1, heading="India-Japan ties",
                   body="<p><strong>Economic Ties:</strong> investment keeps rising.</p>")
    SectionFactory(article=article, position=2, heading="Recent defence activities",
                   body="<p>Joint exercises at sea and in the air.</p>")
    SectionFactory(article=article, position=3, heading="Way Forward", body="<p>Cooperate on cables.</p>")
    article.tags.set(["India-Japan", "Defence"])
    return article


def test_article_page_shows_its_parts_in_the_seed_order(client):
    """Title, context, relevance, mains question, Dimensions, sections, tags and month appear in that order."""
    seed_shaped_article()

    response = client.get("/articles/tokyo-new-delhi-defence/")

    assert response.status_code == 200
    page = response.content.decode()
    page = page[page.index("<main"):]
    order = [
        "<h1>Tokyo and New Delhi Step Up Defence Cooperation</h1>",
        "Recently, Japan called India a key partner",
        "GS2 - International Relations",
        "Assess the strategic logic of India-Japan defence ties. (15 marks)",
        "Dimensions of the article",
        '<h2>India-Japan ties</h2>',
        "<strong>Economic Ties:</strong> investment keeps rising.",
        '<h2>Way Forward</h2>',
        ">India-Japan</a>",
        ">March 2024</a>",
    ]
    positions = [page.index(text) for text in order]
    assert positions == sorted(positions)


def test_dimensions_list_equals_section_headings_and_links_to_each_section(client):
    """Each numbered Dimension names a section heading, in order, and links to that section's anchor."""
    seed_shaped_article()

    page = client.get("/articles/tokyo-new-delhi-defence/").content.decode()

    toc = re.search(r'<nav class="dimensions".*?</nav>', page, re.S).group(0)
    links = re.findall(r'<li><a href="#([^"]+)">([^<]+)</a></li>', toc)
    sections = re.findall(r'<section class="article__section" id="([^"]+)">\s*<h2>([^<]+)</h2>', page)
    assert [heading for _, heading in links] == ["India-Japan ties", "Recent defence activities", "Way Forward"]
    assert links == sections


def test_header_prints_call_us_numbers_as_tel_links_the_way_the_institute_does(client):
    """Two numbers that differ only in their last digits print as "+91 9606900005 / 04", each a tel: link."""
    CallUsNumberFactory(number="+919606900005", position=1)
    CallUsNumberFactory(number="+919606900004", position=2)
    CallUsNumberFactory(number="+918041234567", position=3, is_active=False)
    ArticleFactory(title="Any page will do")

    page = client.get("/").content.decode()

    assert 'Call Us Now' in page
    assert '<a href="tel:+919606900005">+91 9606900005</a> / <a href="tel:+919606900004">04</a>' in page
    assert "8041234567" not in page


def test_home_shows_current_edition_latest_articles_and_paper_navigation(client):
    """The home page links the newest edition, lists the latest published articles and every GS paper."""
    full_article(title="Older February piece", edition=EditionFactory(year=2024, month=2))
    full_article(title="Fresh March piece", edition=EditionFactory(year=2024, month=3))
    ArticleFactory(title="Unfinished draft", draft=True, edition=EditionFactory(year=2024, month=4, unreleased=True))

    response = client.get("/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Read the March 2024 edition" in page
    assert "Fresh March piece" in page and "Older February piece" in page
    assert "Unfinished draft" not in page
    for paper in ["GS1", "GS2", "GS3", "GS4", "Essay", "Prelims"]:
        assert f">{paper}</a>" in page


def test_paper_page_lists_its_topics_and_articles(client):
    """/papers/gs2/ names the paper, links its topics, and lists articles filed under GS2."""
    full_article(title="A GS2 analysis")
    other = ArticleFactory(title="A GS3 analysis")
    relevance(other, "gs3", "Space")

    response = client.get("/papers/gs2/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Governance, Constitution, Polity" in page
    assert 'href="/papers/gs2/international-relations/"' in page
    assert "A GS2 analysis" in page
    assert "A GS3 analysis" not in page


def test_topic_tag_and_edition_pages_list_matching_articles(client):
    """Topic, tag and edition pages each list the published articles that belong to them."""
    full_article(title="Quad summit analysis", tags=["Quad"], edition=EditionFactory(year=2024, month=2))

    topic = client.get("/papers/gs2/international-relations/")
    tag = client.get("/tags/quad/")
    edition = client.get("/editions/2024/02/")

    for response in (topic, tag, edition):
        assert response.status_code == 200
        assert "Quad summit analysis" in response.content.decode()
    assert "<h1>February 2024</h1>" in edition.content.decode()


def test_list_pages_are_paginated(client):
    """A long list (a tag, a paper, a topic, search results) is split into pages of twelve with links between them."""
    for number in range(13):
        full_article(title=f"Edition piece {number:02d}", tags=["Monsoon"])

    first = client.get("/tags/monsoon/").content.decode()
    second = client.get("/tags/monsoon/?page=2").content.decode()

    assert "Page 1" in first and 'rel="next" href="?page=2"' in first
    assert first.count('class="card"') == 12
    assert second.count('class="card"') == 1 and 'rel="prev" href="?page=1"' in second
    assert 'rel="next"' not in second


@pytest.mark.parametrize("short_list", [1000, 0], ids=["fetched-by-id", "walked"])
def test_a_list_shows_the_same_articles_however_it_is_found(client, monkeypatch, short_list):
    """A paper's, topic's or tag's pages list its published articles newest first, twelve to a page, whether
    the list is short enough to be fetched by id or long enough to be walked newest first."""
    monkeypatch.setattr(models, "SHORT_LIST", short_list)
    now = timezone.now()
    for number in range(13):
        full_article(title=f"Quad piece {number:02d}", tags=["Quad"], published_at=now - timedelta(days=number))
    full_article(title="Quad piece in draft", tags=["Quad"], draft=True)
    full_article(title="Quad piece due tomorrow", tags=["Quad"], status="scheduled",
                 published_at=now + timedelta(days=1))
    newest_first = [f"Quad piece {number:02d}" for number in range(13)]

    for address in ["/tags/quad/", "/papers/gs2/", "/papers/gs2/international-relations/"]:
        pages = [client.get(address).content.decode(), client.get(address + "?page=2").content.decode()]
        shown = [title for page in pages for title in re.findall(r"Quad piece [^<]*", page)]
        assert shown == newest_first, address


def test_a_page_past_the_end_of_a_list_is_not_found_and_a_strange_page_number_is_the_first(client):
    """?page=3 of a two-page list is a 404 page; ?page=abc, 0 or a huge number never fails with a 5xx."""
    for number in range(13):
        full_article(title=f"Edition piece {number:02d}", tags=["Monsoon"])

    assert client.get("/tags/monsoon/?page=3").status_code == 404
    assert client.get("/papers/gs2/?page=3").status_code == 404
    for strange in ("abc", "0", "-1", "1e3", "99999999999999999999", "２"):
        response = client.get("/tags/monsoon/", {"page": strange})
        assert response.status_code == 200 and response.content.decode().count('class="card"') == 12, strange


def test_unknown_addresses_answer_404(client):
    """Unknown articles, papers, topics, tags and empty or impossible months are 404 pages, not errors."""
    for url in ["/articles/nope/", "/papers/gs9/", "/papers/gs2/nope/", "/tags/nope/", "/editions/2031/01/",
                "/editions/2024/13/"]:
        response = client.get(url)
        assert response.status_code == 404, url
    assert "Page not found" in client.get("/articles/nope/").content.decode()


def test_drafts_and_future_articles_never_leak_through_any_public_url(client):
    """A draft and a not-yet-due article are absent from every public page, and their own URLs are 404."""
    visible = full_article(title="Visible analysis", tags=["Shared-tag"])
    hidden_edition = EditionFactory(year=2024, month=7)
    draft = full_article(title="SECRET DRAFT TITLE", slug="secret-draft", tags=["Draft-only", "Shared-tag"],
                         status="draft", published_at=None, edition=hidden_edition)
    future = full_article(title="SECRET FUTURE TITLE", slug="secret-future", tags=["Future-only", "Shared-tag"],
                          published_at=timezone.now() + timedelta(hours=1), edition=hidden_edition)

    public_urls = [
        "/", visible.get_absolute_url(), "/papers/gs2/", "/papers/gs2/international-relations/",
        "/tags/shared-tag/", "/editions/2024/03/", "/feeds/articles/", "/sitemap.xml", "/search/?q=secret",
        "/search/?q=monsoon", "/enquiry/", "/privacy/",
    ]
    for url in public_urls:
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert "SECRET" not in page, url
        assert "secret-draft" not in page and "secret-future" not in page, url
    for url in [draft.get_absolute_url(), future.get_absolute_url(), "/tags/draft-only/", "/tags/future-only/",
                "/editions/2024/07/", "/articles/secret-draft/text/", "/articles/secret-future/text/"]:
        assert client.get(url).status_code == 404, url


def test_staff_preview_a_draft_with_banner_noindex_and_no_caching(client):
    """Staff opening a draft's URL see it with a Draft banner, noindex and never-cache headers."""
    full_article(title="Work in progress", slug="work-in-progress", status="draft", published_at=None)
    client.force_login(staff_user("editor", role="Editor"))

    response = client.get("/articles/work-in-progress/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "<strong>Draft</strong>" in page
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_published_article_has_no_draft_banner_or_noindex(client):
    """A live article is indexable and carries no draft banner, even for staff."""
    full_article(title="Live analysis", slug="live-analysis")
    client.force_login(staff_user("editor", role="Editor"))

    response = client.get("/articles/live-analysis/")

    assert "<strong>Draft</strong>" not in response.content.decode()
    assert "noindex" not in response.content.decode()
    assert "X-Robots-Tag" not in response


def test_logged_in_non_staff_user_cannot_see_drafts(client):
    """Being logged in is not enough: a non-staff account gets a 404 for a draft."""
    full_article(slug="hidden-draft", status="draft", published_at=None)
    client.force_login(UserFactory(username="student"))

    assert client.get("/articles/hidden-draft/").status_code == 404


@pytest.mark.parametrize("who, sees_it", [
    ("editor", True), ("writer", True), ("counsellor", False), ("manager", False), ("inactive editor", False),
])
def test_only_staff_who_work_on_articles_may_preview_drafts(client, staff, who, sees_it):
    """Editors and writers preview a draft; counsellors, managers and a disabled editor get a 404."""
    full_article(slug="hidden-draft", status="draft", published_at=None)
    person = staff["editor" if who == "inactive editor" else who]
    if who == "inactive editor":
        person.is_active = False
        person.save()
    client.force_login(person)

    assert client.get("/articles/hidden-draft/").status_code == (200 if sees_it else 404)


def test_robots_health_check_and_favicon(client):
    """robots.txt keeps crawlers off the enquiry form and never names the admin's address; /healthz answers
    ok; /favicon.ico points at the icon."""
    robots = client.get("/robots.txt")
    health = client.get("/healthz")

    assert robots.status_code == 200 and "Disallow: /enquiry/" in robots.content.decode()
    assert "admin" not in robots.content.decode() and "ckeditor" not in robots.content.decode()
    assert health.status_code == 200 and health.content.startswith(b"ok\n")
    assert client.get("/favicon.ico")["Location"] == "/static/favicon.svg"


@pytest.mark.parametrize("sections, tags", [(1, 1), (9, 7)], ids=["small", "large"])
@pytest.mark.parametrize(
    "url, expected_queries",
    [
        # Every page also reads the call-us numbers and the paper menu for its header.
        # latest articles + their primary relevances, current edition; the practice panel: the latest month
        # with a quiz, the latest articles with questions + their primary relevances + their question counts
        ("/", 9),
        # article; its edition, sections, tags, relevances (with_parts: a repeat takes them from the shared
        # fragment); the newest articles sharing its topics, and its tags; related articles + their primary
        # relevances; the month's previous and next article; how many practice questions it offers; its
        # Mains questions to answer
        ("/articles/measured/", 15),
        ("/articles/measured/text/", 5),  # the same, as plain text (no header, so no menu or numbers)
        # The long lists are not counted (common/paging.py): a page reads one article more than it shows,
        # after counting up to models.SHORT_LIST of its rows to choose how to find them (ArticleQuerySet.in_list).
        ("/papers/gs2/", 7),  # paper, its topics, list size, one page of articles, their primary relevances
        ("/papers/gs2/international-relations/", 6),  # topic + paper, list size, page, primary relevances
        ("/tags/tag-0/", 6),  # tag, list size, page, primary relevances
        ("/editions/", 4),  # released months with published articles, the latest months' articles per paper
        # edition, its articles, their primary relevances, previous and next month, whether it has a quiz,
        # its Mains questions
        ("/editions/2024/03/", 9),
        # months to filter by, topic/tag/paper names like the words, the index's matches up to
        # search.MANY (few or many?), count, page, primary relevances, sections for snippets
        ("/search/?q=monsoon", 9),
        ("/feeds/articles/", 2),  # the latest articles with their editions, then their tags
        ("/feeds/papers/gs2/", 3),  # the paper, then the same for its articles
        ("/sitemap.xml", 10),  # articles, editions, papers, topics, tags, with a count for the paged ones
        ("/sitemap-articles.xml", 2),  # one file of a bigger site's index: its count, its articles
    ],
)
def test_public_pages_issue_a_fixed_number_of_queries(client, django_assert_num_queries, url, expected_queries,
                                                     sections, tags):
    """Every public page costs the same number of queries however many sections, tags and relevances."""
    CallUsNumberFactory(number="+919606900005")
    tag_names = [f"tag-{n}" for n in range(tags)]
    for n in range(3):
        article = full_article(slug="measured" if n == 0 else f"other-{n}", sections=sections, tags=tag_names)
        for topic in ["Space", "Biodiversity", "Agriculture", "Infrastructure"][: sections // 2]:
            relevance(article, "gs3", topic, primary=False)
        for position in range(sections // 3 + 1):  # Prelims questions, for the practice links and panel
            question(article, position=position)
    assert Section.objects.count() == 3 * sections

    cached = not url.startswith("/search/")  # search results are not kept in the page cache
    # + when the next scheduled article goes live, which bounds how long the caches keep what they hold
    with django_assert_num_queries(expected_queries + 1):
        response = client.get(url)
    # By now the header (and the search form's month list) are shared fragments.
    with django_assert_num_queries(0 if cached else expected_queries - 3):
        again = client.get(url)

    assert response.status_code == again.status_code == 200


def test_a_search_with_more_matches_than_search_many_issues_a_fixed_number_of_queries(
        client, django_assert_num_queries, monkeypatch):
    """Listed newest first and uncounted, a search costs the same number of queries however many sections,
    tags and relevances its articles have."""
    monkeypatch.setattr(search, "MANY", 1)  # the three matches are more than MANY
    CallUsNumberFactory(number="+919606900005")
    for n in range(3):
        full_article(slug=f"monsoon-{n}", title=f"Monsoon outlook {n}", sections=4, tags=["tag-0", "tag-1"])

    # topic/tag/paper names like the words, the index's matches up to search.MANY, whether a page's worth
    # is among the newest articles (and, short of one, whether there are more to walk), the page, its
    # primary relevances, sections for snippets; + the call-us numbers, when the next scheduled article goes
    # live, the papers menu, the months to filter by
    with django_assert_num_queries(11):
        response = client.get("/search/", {"q": "monsoon"})
    with django_assert_num_queries(7):  # the header and the month list are shared fragments by now
        again = client.get("/search/", {"q": "monsoon"})

    assert response.status_code == again.status_code == 200
    assert "is in more than 1 articles" in again.content.decode()


@pytest.mark.parametrize(
    "url, expected_queries",
    [
        ("/", 0),
        ("/articles/measured/", 1),  # the article, to know whether this visitor may see it
        ("/papers/gs2/", 1),  # the paper (or a 404)
        ("/papers/gs2/international-relations/", 1),  # the topic (or a 404)
        ("/editions/", 0),  # every month with its counts, read once per change
    ],
)
def test_visitors_the_page_cache_cannot_serve_get_the_shared_parts_from_the_fragment_cache(
        client, django_assert_num_queries, url, expected_queries):
    """A visitor with a cookie (a session, a signed-in student) gets a fresh page, but its article body and
    lists are rendered once per change and shared, so a repeat costs only the lookup that decides 404."""
    full_article(slug="measured", sections=4, tags=["tag-0", "tag-1"])
    full_article(slug="other", sections=2, tags=["tag-0"])
    client.cookies["returning_visitor"] = "1"  # any cookie the page cache does not ignore
    first = client.get(url)

    with django_assert_num_queries(expected_queries):
        again = client.get(url)

    assert again.status_code == 200 and again.content == first.content


def test_search_finds_published_articles_by_words_in_title_context_or_sections(client):
    """Every word must appear somewhere in the article; title matches come first; drafts never appear."""
    full_article(title="Quad summit and maritime security", slug="quad-title")
    in_body = full_article(title="Indo-Pacific outlook", slug="quad-body", sections=0)
    SectionFactory(article=in_body, position=1, heading="Groupings", body="<p>The Quad met in Tokyo.</p>")
    full_article(title="Quad draft", slug="quad-draft", status="draft", published_at=None)

    page = client.get("/search/?q=quad").content.decode()
    narrowed = client.get("/search/?q=quad+tokyo").content.decode()
    empty = client.get("/search/?q=").content.decode()

    assert "2 results for “<strong>quad</strong>”" in page
    assert page.index("Quad summit and maritime security") < page.index("Indo-Pacific outlook")
    assert "Quad draft" not in page
    assert "Indo-Pacific outlook" in narrowed and "Quad summit" not in narrowed
    assert 'name="q"' in empty and "result" not in empty


def test_a_site_too_big_for_one_sitemap_gets_an_index_of_files_that_list_every_article(client, monkeypatch):
    """Once a kind of page outgrows one sitemap file, /sitemap.xml is an index of numbered files (with the
    latest change), and those files together list every published article once, in the order they were written
    (so that a new article changes only the last file)."""
    monkeypatch.setattr(sitemaps.PagedSitemap, "limit", 2)
    for n in range(5):
        full_article(title=f"Indexed {n}", slug=f"indexed-{n}", published_at=timezone.now() - timedelta(days=n))
    full_article(title="Draft", slug="not-in-the-sitemap", status="draft", published_at=None)

    index = client.get("/sitemap.xml").content.decode()
    files = re.findall(r"<loc>http://testserver(/sitemap-articles\.xml[^<]*)</loc>", index)
    listed = re.findall(r"/articles/([\w-]+)/</loc>", "".join(client.get(f.replace("&amp;", "&")).content.decode()
                                                          for f in files))

    assert "<sitemapindex" in index and "<lastmod>" in index
    assert files == ["/sitemap-articles.xml", "/sitemap-articles.xml?p=2", "/sitemap-articles.xml?p=3"]
    assert listed == [f"indexed-{n}" for n in range(5)]


@pytest.mark.parametrize("url", ["/sitemap-nowhere.xml", "/sitemap-articles.xml?p=9", "/sitemap-articles.xml?p=x",
                                 "/sitemap-articles.xml?p=0"])
def test_a_sitemap_file_that_does_not_exist_is_a_404(client, url):
    """An unknown kind of page, or a part number past the last or not a number, answers 404."""
    full_article(slug="only-one")

    assert client.get(url).status_code == 404


def test_feed_and_sitemap_list_published_articles(client):
    """The RSS feed and the sitemap carry published articles and the released editions."""
    full_article(title="Feed-worthy analysis", slug="feed-worthy")

    feed = client.get("/feeds/articles/")
    sitemap = client.get("/sitemap.xml").content.decode()

    assert feed.status_code == 200 and "Feed-worthy analysis" in feed.content.decode()
    assert "/articles/feed-worthy/" in sitemap and "/editions/2024/03/" in sitemap and "/papers/gs2/" in sitemap
