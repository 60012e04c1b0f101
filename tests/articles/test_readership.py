"""Readership without tracking: article page loads counted per day and by the kind of page the reader came
from, with no cookie and nothing about the reader kept; bots and staff not counted; a page served from the
page cache counted too; a cache that is down loses counts, never the page."""

import pytest
from django.utils import timezone

from articles import readership
from articles.models import ArticleReadership
from tests.factories import full_article, staff_user

pytestmark = pytest.mark.django_db
PHONE = "Mozilla/5.0 (Linux; Android 14; SM-A156E) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36"


def read(client, address, **headers):
    # The test client closes the response as a WSGI server does once it is sent: that is when it counts.
    return client.get(address, HTTP_USER_AGENT=headers.pop("agent", PHONE), **headers)


def views(article, **filters):
    """The article's stored views, once the tally has been flushed (as the timer does: a no-op without Redis)."""
    readership.flush([timezone.localdate()])
    return sum(ArticleReadership.objects.filter(article=article, **filters).values_list("views", flat=True))


def test_each_page_load_counts_once_with_where_it_came_from_and_nothing_about_the_reader(client):
    """Three loads (from the home page, a search and another site) make three views on today's rows, by
    source; no cookie is set and the counting header never reaches the browser."""
    article = full_article(slug="monsoon")

    first = read(client, "/articles/monsoon/", HTTP_REFERER="http://testserver/")
    read(client, "/articles/monsoon/", HTTP_REFERER="http://testserver/search/?q=monsoon")
    read(client, "/articles/monsoon/", HTTP_REFERER="https://news.example.com/x")

    assert views(article) == 3 and views(article, day=timezone.localdate()) == 3
    assert {row.source: row.views for row in ArticleReadership.objects.all()} == {
        "home": 1, "search": 1, "outside": 1}
    assert not first.cookies and readership.HEADER not in first
    assert set(f.name for f in ArticleReadership._meta.get_fields()) == {"id", "article", "day", "source", "views"}


def test_a_page_served_from_the_page_cache_is_counted_too(client):
    """The second load comes from the page cache (no view runs) and still counts."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    article = full_article(slug="monsoon")
    read(client, "/articles/monsoon/")
    with CaptureQueriesContext(connection) as queries:
        read(client, "/articles/monsoon/", HTTP_REFERER="http://testserver/hi/papers/gs3/")

    assert views(article) == 2 and views(article, source="paper") == 1
    assert not any("articles_section" in query["sql"] for query in queries)  # no page rendered: from the cache


@pytest.mark.parametrize("agent", ["Googlebot/2.1 (+http://www.google.com/bot.html)", "WhatsApp/2.23", "curl/8.4", ""])
def test_bots_and_link_previews_are_not_counted(client, agent):
    """Crawlers, link previews, scripts and requests without a user agent count nothing."""
    article = full_article(slug="monsoon")

    assert read(client, "/articles/monsoon/", agent=agent).status_code == 200
    assert views(article) == 0


def test_staff_and_other_pages_and_methods_are_not_counted(client):
    """A signed-in editor's visit, a HEAD, a 404 and the home page count nothing."""
    article = full_article(slug="monsoon")
    client.head("/articles/monsoon/", HTTP_USER_AGENT=PHONE)
    read(client, "/articles/nowhere/")
    read(client, "/")
    client.force_login(staff_user("meera", role="Editor"))
    read(client, "/articles/monsoon/")

    assert views(article) == 0


def test_a_cache_that_is_down_loses_the_count_but_never_the_page(client, monkeypatch):
    """When counting fails the reader still gets the article, and the next count goes through."""
    article = full_article(slug="monsoon")

    class Down:
        def add(self, day, field):
            raise ConnectionError("cache down")

    monkeypatch.setattr(readership, "tally", Down)
    assert read(client, "/articles/monsoon/").status_code == 200
    monkeypatch.undo()
    read(client, "/articles/monsoon/")

    assert views(article) == 1


def test_the_kind_of_page_is_read_from_the_referer_only():
    """Paths of this site (in either language) name their kind; anything else is outside."""
    from django.test import RequestFactory

    def source(referer):
        return readership.source_of(RequestFactory().get("/articles/x/", HTTP_REFERER=referer))

    assert [source(r) for r in ("http://testserver/", "http://testserver/hi/", "http://testserver/papers/gs2/",
                                "http://testserver/articles/other/", "http://testserver/tags/rbi/",
                                "http://testserver/editions/2024/03/", "http://testserver/feeds/articles/",
                                "http://testserver/practice/", "https://evil.example/", "")] == [
        "home", "home", "paper", "related", "tag", "month", "feed", "site", "outside", "outside"]


@pytest.fixture
def on_redis(settings):
    """The site's default cache is Redis, as in production: views wait in a hash per day until flushed."""
    from django.core.cache import cache

    redis = {"BACKEND": "coaching.redis_cache.SharedRedisCache", "LOCATION": settings.TEST_REDIS_URL,
             "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1}}
    settings.CACHES = {**settings.CACHES, "default": redis}
    cache.clear()
    yield
    cache.clear()


def test_on_redis_views_wait_for_the_flush_and_are_stored_once(client, on_redis):
    """Two loads are counted in Redis, not in the database; flush_readership stores them; a second flush
    stores nothing more."""
    from django.core.management import call_command

    article = full_article(slug="monsoon")
    read(client, "/articles/monsoon/")
    read(client, "/articles/monsoon/", HTTP_REFERER="http://testserver/articles/another/")
    waiting = ArticleReadership.objects.filter(article=article).count()

    call_command("flush_readership", stdout=None)
    call_command("flush_readership", stdout=None)

    assert waiting == 0 and views(article) == 2 and views(article, source="related") == 1


def test_views_counted_during_a_flush_wait_for_the_next(on_redis):
    """The flush takes the day's hash away first: a view counted meanwhile is kept for the next flush."""
    article = full_article(slug="monsoon")
    today = timezone.localdate()
    store = readership.tally()
    store.add(today, f"{article.pk}:home")
    taken = store.take(today)
    store.add(today, f"{article.pk}:home")  # counted while the first flush writes

    assert taken == {f"{article.pk}:home": 1}
    assert readership.flush([today]) == 1 and views(article) == 1


def test_a_database_that_refuses_the_flush_loses_no_count(on_redis, monkeypatch):
    """If storing fails, the counts go back to Redis and the next flush stores them."""
    article = full_article(slug="monsoon")
    today = timezone.localdate()
    readership.tally().add(today, f"{article.pk}:search")
    real_store = readership._store

    def refusing(day, rows):
        raise RuntimeError("database down")

    monkeypatch.setattr(readership, "_store", refusing)
    with pytest.raises(RuntimeError):
        readership.flush([today])
    monkeypatch.setattr(readership, "_store", real_store)

    assert readership.flush([today]) == 1 and views(article, source="search") == 1


def test_with_redis_down_the_article_is_still_served(client, settings):
    """A default cache that cannot be reached: the page is served (rendered afresh) and nothing is counted."""
    settings.CACHES = {**settings.CACHES, "default": {
        "BACKEND": "coaching.redis_cache.SharedRedisCache", "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}}}
    article = full_article(slug="monsoon")

    assert read(client, "/articles/monsoon/").status_code == 200
    assert not ArticleReadership.objects.filter(article=article).exists()


def test_editors_see_an_articles_readership_and_a_writer_only_their_own(client):
    """The article's admin page gives its first-week and total views and where readers came from; its
    writer sees them, another writer does not; the admin home lists the month's most read per paper."""
    from datetime import timedelta

    writer, other = staff_user("arjun", role="Writer"), staff_user("sana", role="Writer")
    article = full_article(slug="monsoon", author=writer, published_at=timezone.now() - timedelta(days=10))
    start = timezone.localtime(article.published_at).date()
    ArticleReadership.objects.create(article=article, day=start, source="home", views=40)
    ArticleReadership.objects.create(article=article, day=start + timedelta(days=8), source="search", views=5)
    ArticleReadership.objects.create(article=article, day=timezone.localdate(), source="outside", views=3)
    address = f"/admin/articles/article/{article.pk}/change/"

    client.force_login(staff_user("meera", role="Editor"))
    page = " ".join(client.get(address).content.decode().split())
    home = client.get("/admin/").content.decode()
    client.force_login(writer)
    own = client.get(address).content.decode()
    client.force_login(other)
    others = client.get(address).content.decode()

    assert "<strong>40</strong> views in its first 7 days live · <strong>48</strong> in all" in page
    assert page.index("Home page") < page.index("Search") < page.index("Outside the site")
    assert "Most read this month" in home and "Monsoon" in home.split("Most read this month")[1]
    assert "Readership" in own and "Readership</h2>" not in others


def test_the_privacy_notice_says_what_is_counted(client):
    """The notice names the counting, and that nothing about the reader is kept."""
    page = client.get("/privacy/").content.decode()

    assert "<strong>What the site counts:</strong>" in page and "No cookie is used for it" in page
