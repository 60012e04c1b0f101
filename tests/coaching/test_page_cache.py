"""The shared cache of public pages: served without the database, never stale after a change, never past a
scheduled go-live, 304 on a repeat visit, and never shared with staff or across forms."""

import time
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import workflow
from articles.models import Article
from coaching import page_cache
from enquiries.models import CallUsNumber
from tests.factories import ArticleFactory, CallUsNumberFactory, EditionFactory, full_article, publishable_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    CallUsNumberFactory(number="+919606900005")
    return full_article(title="Quad summit in Tokyo", slug="quad-summit")


def test_a_cached_page_is_served_without_touching_the_database(client, article, django_assert_num_queries):
    """The second anonymous visit to an article, the home page or a paper costs no query at all."""
    for url in ("/articles/quad-summit/", "/", "/papers/gs2/", "/feeds/articles/"):
        first = client.get(url)
        with django_assert_num_queries(0):
            again = client.get(url)
        assert again.status_code == 200 and again.content == first.content, url


# A visitor with a cookie the page cache does not ignore (a session) gets pages rendered afresh around
# parts kept in the shared fragment cache, which must be as exact as the pages.
visitors = pytest.mark.parametrize("cookie", [None, "returning_visitor"], ids=["anonymous", "with-a-cookie"])


@visitors
def test_pages_and_parts_cached_by_one_release_of_the_code_are_not_served_by_the_next(
        client, article, monkeypatch, django_assert_num_queries, cookie):
    """After a deploy (new code, templates or static files) pages and shared parts are rendered afresh
    although no content changed, so a corrected template shows at once."""
    if cookie:
        client.cookies[cookie] = "1"
    client.get("/articles/quad-summit/")
    with django_assert_num_queries(0 if cookie is None else 1):  # warm: the page, or its parts
        client.get("/articles/quad-summit/")

    monkeypatch.setattr(page_cache, "RELEASE", "the-next-release")
    monkeypatch.setattr(page_cache, "_local", page_cache.collections.OrderedDict())  # a new process
    with CaptureQueriesContext(connection) as rendered:
        fresh = client.get("/articles/quad-summit/")

    assert len(rendered.captured_queries) > 1  # the article, its sections, tags, related reading…
    assert fresh.status_code == 200 and "Quad summit in Tokyo" in fresh.content.decode()
    with django_assert_num_queries(0 if cookie is None else 1):
        client.get("/articles/quad-summit/")


def test_the_release_fingerprint_follows_the_code_templates_and_static_manifest(tmp_path):
    """Two copies of the same files give the same fingerprint (app servers of one release share the cache);
    changing a template, a module or the static manifest gives a new one; other files and the folders the
    site writes to (uploads) do not count."""
    for root in (tmp_path / "one", tmp_path / "two"):
        (root / "templates").mkdir(parents=True)
        (root / "templates" / "base.html").write_text("<h1>{{ site_name }}</h1>")
        (root / "views.py").write_text("def home(request): ...")
        (root / "staticfiles.json").write_text('{"paths": {"css/site.css": "css/site.1a2b.css"}}')
    first = page_cache.release_of(tmp_path / "one")
    assert page_cache.release_of(tmp_path / "two") == first

    (tmp_path / "one" / "notes.md").write_text("not part of a page")
    (tmp_path / "one" / "media").mkdir()
    (tmp_path / "one" / "media" / "upload.py").write_text("uploaded, not code")
    (tmp_path / "one" / "uploads").mkdir()
    (tmp_path / "one" / "uploads" / "edition.txt").write_text("written by the site")
    assert page_cache.release_of(tmp_path / "one", skipped=[tmp_path / "one" / "uploads"]) == first

    for changed, text in [("templates/base.html", "<h1>{{ site_name }}!</h1>"), ("views.py", "def home(r): ..."),
                          ("staticfiles.json", '{"paths": {"css/site.css": "css/site.3c4d.css"}}')]:
        before = page_cache.release_of(tmp_path / "one")
        (tmp_path / "one" / changed).write_text(text)
        assert page_cache.release_of(tmp_path / "one") != before, changed


@visitors
def test_an_edit_shows_on_the_next_request(client, article, django_capture_on_commit_callbacks, cookie):
    """Saving the article (as the admin does, in a transaction) retires the cached pages once it commits."""
    if cookie:
        client.cookies[cookie] = "1"
    client.get("/articles/quad-summit/"), client.get("/")

    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Quad leaders agree on sea lanes"
        article.save()

    assert "Quad leaders agree on sea lanes" in client.get("/articles/quad-summit/").content.decode()
    assert "Quad leaders agree on sea lanes" in client.get("/").content.decode()


def test_a_workflow_move_and_an_edition_release_show_at_once(client, editor, django_capture_on_commit_callbacks):
    """Publishing an article, and releasing a month, are on the next anonymous page."""
    draft = publishable_article(title="Monsoon outlook for the kharif", slug="monsoon")
    april = EditionFactory(year=2024, month=4, unreleased=True)
    client.get("/"), client.get("/editions/")

    with django_capture_on_commit_callbacks(execute=True):
        for move in ("submit", "approve", "publish"):
            workflow.apply(Article.objects.get(pk=draft.pk), move, editor)
    ArticleFactory(edition=april, slug="april-piece", title="An April analysis")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.release_edition(april, editor, timezone.now() - timedelta(seconds=1))

    assert "Monsoon outlook for the kharif" in client.get("/").content.decode()
    assert "April 2024" in client.get("/editions/").content.decode()


def test_a_new_call_us_number_shows_in_every_header(client, article, django_capture_on_commit_callbacks):
    """Changing the call-us numbers (the header of every page) retires the cached pages."""
    client.get("/articles/quad-summit/")

    with django_capture_on_commit_callbacks(execute=True):
        CallUsNumber.objects.create(number="+918041234567", position=5)

    assert "8041234567" in client.get("/articles/quad-summit/").content.decode()


@visitors
def test_a_scheduled_article_appears_at_its_time_with_the_cache_warm(client, article, cookie):
    """No cached home page outlives the next go-live: an article scheduled two seconds ahead is listed
    once its time has come, though nothing was saved in between."""
    if cookie:
        client.cookies[cookie] = "1"
    ArticleFactory(title="Goes live in a moment", slug="soon", status="scheduled",
                   published_at=timezone.now() + timedelta(seconds=2))
    warm = client.get("/").content.decode()
    assert "Goes live in a moment" not in warm and page_cache.seconds_until_next_change() <= 2

    time.sleep(2.5)

    assert "Goes live in a moment" in client.get("/").content.decode()


def test_a_repeat_visit_gets_304(client, article):
    """The page carries an ETag; asking again with If-None-Match gets 304 Not Modified and no body."""
    first = client.get("/articles/quad-summit/")

    repeat = client.get("/articles/quad-summit/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert first["ETag"] and repeat.status_code == 304 and repeat.content == b""


def test_staff_never_see_a_cached_page(client, article, editor):
    """Signed-in staff always get a fresh render: a change the cache has not heard of shows to them only."""
    client.get("/articles/quad-summit/")
    Article.objects.filter(pk=article.pk).update(title="Changed behind the cache's back")  # sends no signal

    anonymous = client.get("/articles/quad-summit/").content.decode()
    client.force_login(editor)
    staff = client.get("/articles/quad-summit/").content.decode()

    assert "Changed behind the cache" not in anonymous and "Changed behind the cache" in staff


def test_pages_with_a_form_are_never_shared(client, article):
    """The enquiry form carries each visitor's CSRF token, so it is rendered for each of them."""
    first = client.get("/enquiry/")
    client.cookies.clear()
    second = client.get("/enquiry/")

    token = 'name="csrfmiddlewaretoken" value="'
    assert first.content.decode().split(token)[1][:20] != second.content.decode().split(token)[1][:20]


def test_a_page_that_used_a_csrf_token_or_set_a_cookie_is_not_stored():
    """Whatever the page, one holding a CSRF token, setting a cookie or forbidding caching is never stored."""
    from django.http import HttpResponse
    from django.middleware.csrf import get_token
    from django.test import RequestFactory

    shareable = page_cache.PublicPageCacheMiddleware._shareable
    plain, with_token = RequestFactory().get("/"), RequestFactory().get("/")
    get_token(with_token)
    with_cookie, preview = HttpResponse("page"), HttpResponse("page")
    with_cookie.set_cookie("practice_device", "x")
    preview["Cache-Control"] = "max-age=0, no-cache, no-store, must-revalidate, private"

    assert shareable(plain, HttpResponse("page"))
    assert not shareable(with_token, HttpResponse("page"))
    assert not shareable(plain, with_cookie) and not shareable(plain, preview)


def test_a_cache_outage_serves_fresh_pages(client, article, monkeypatch):
    """With the cache down, pages are rendered as usual rather than failing."""
    def broken(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(page_cache.cache, "get_or_set", broken)
    monkeypatch.setattr(page_cache.cache, "get", broken)
    monkeypatch.setattr(page_cache, "_cache_down_until", 0.0)

    first, second = client.get("/articles/quad-summit/"), client.get("/")

    assert first.status_code == second.status_code == 200
    assert page_cache._cache_down_until > time.monotonic()  # the next requests do not wait for the cache


def test_a_shared_part_carries_each_visitors_own_values(rf):
    """A part shared between visitors is rendered once; each request gets its own per-visitor value written in
    (escaped), also inside a shared part nested in another, and a value never reaches the shared copy."""
    from django.template import Context, Template

    page = Template("{% load shared_fragments %}{% shared_fragment 'outer' %}<p>shared {{ count }}</p>"
                    "{% shared_fragment 'inner' %}<i>{% per_visitor token %}</i>{% endshared_fragment %}"
                    "<b>{% per_visitor token %}</b>{% endshared_fragment %}")

    def render(token, count):
        context = Context({"token": token, "count": count})
        context.request = rf.get("/")
        return page.render(context)

    first, second = render("<a1>", 1), render("b2", 2)

    assert first == "<p>shared 1</p><i>&lt;a1&gt;</i><b>&lt;a1&gt;</b>"
    assert second == "<p>shared 1</p><i>b2</i><b>b2</b>"


def test_query_strings_a_page_does_not_read_make_no_cache_entries_of_their_own(client, article, monkeypatch,
                                                                               django_assert_num_queries):
    """Two hundred visits with ?utm_x=N (and other parameters no page reads) are served from the one entry
    of the page and write nothing to the cache."""
    from django.core.cache import caches

    first = client.get("/articles/quad-summit/?utm_source=whatsapp")
    pages = caches["pages"]
    written = []
    store = pages.set
    monkeypatch.setattr(pages, "set", lambda key, *args, **kwargs: written.append(key) or store(key, *args, **kwargs))

    with django_assert_num_queries(0):
        answers = [client.get(f"/articles/quad-summit/?utm_x={n}&fbclid=z{n}") for n in range(200)]

    assert {answer.status_code for answer in answers} == {200}
    assert all(answer.content == first.content for answer in answers)
    assert written == []


def test_the_page_cache_keys_a_page_by_its_path_and_the_page_number_it_shows(rf):
    """?page=02 and ?page=2 are one entry, a page number that is not one is the first page, and other
    parameters are left out of the key."""
    address = lambda url: page_cache.page_address(rf.get(url))  # noqa: E731

    assert address("/papers/gs2/?page=02&utm_source=x") == address("/papers/gs2/?page=2") == "/papers/gs2/?page=2"
    assert address("/papers/gs2/?page=abc") == address("/papers/gs2/?page=1") == address("/papers/gs2/?x=1")
    assert address("/sitemap-articles.xml?p=3") == "/sitemap-articles.xml?p=3"


def test_cached_pages_live_in_their_own_cache(settings):
    """Pages go to PAGE_CACHE_URL when it is set (a Redis capped with allkeys-lru), away from REDIS_URL's
    rate limits and lockouts."""
    from pathlib import Path

    conf = (Path(settings.BASE_DIR) / "deploy/redis/coaching-pages.conf").read_text()
    assert "maxmemory-policy allkeys-lru" in conf and "maxmemory 256mb" in conf
    assert page_cache.cache._alias == "pages" and "pages" in settings.CACHES


def test_each_page_and_each_host_is_an_entry_of_its_own(client, article, settings):
    """Two papers' pages, a list's second page and the same path on another host never share an entry;
    only GET and HEAD of a cached view are looked up at all."""
    from django.test import RequestFactory

    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    key = page_cache.PublicPageCacheMiddleware._key
    factory = RequestFactory()
    keys = [key(factory.get("/papers/gs2/")), key(factory.get("/papers/gs3/")), key(factory.get("/papers/gs2/?page=2")),
            key(factory.get("/papers/gs2/", HTTP_HOST="other.example"))]

    assert None not in keys and len(set(keys)) == 4
    assert key(factory.head("/papers/gs2/")) == keys[0]
    assert key(factory.post("/papers/gs2/")) is None
    assert key(factory.get("/enquiry/")) is None and key(factory.get("/no-such-page/")) is None
    assert "GS3" in client.get("/papers/gs3/").content.decode() and "GS2" in client.get("/papers/gs2/").content.decode()
    assert client.get("/papers/gs3/").content != client.get("/papers/gs2/").content


def test_both_page_numbers_a_page_reads_are_in_its_address(rf):
    """A page reading ?page= and ?p= is keyed by both, joined as a query string."""
    assert page_cache.page_address(rf.get("/sitemap.xml?p=3&page=2")) == "/sitemap.xml?page=2&p=3"


@pytest.mark.parametrize("response_kind", ["not found", "streamed", "private", "no-store", "no-cache"])
def test_only_a_whole_successful_public_answer_is_stored(rf, response_kind):
    """A 404, a streamed answer, and an answer marked private, no-store or no-cache (each alone) are not
    stored; the same answer with none of those is."""
    from django.http import HttpResponse, HttpResponseNotFound, StreamingHttpResponse

    shareable = page_cache.PublicPageCacheMiddleware._shareable
    answer = {"not found": lambda: HttpResponseNotFound("gone"),
              "streamed": lambda: StreamingHttpResponse(iter(["page"]))}.get(response_kind, lambda: HttpResponse("page"))()
    if response_kind in ("private", "no-store", "no-cache"):
        answer["Cache-Control"] = f"max-age=60, {response_kind.upper()}"

    assert shareable(rf.get("/"), HttpResponse("page"))
    assert not shareable(rf.get("/"), answer)


def test_the_next_change_is_asked_of_the_database_once_per_version(django_assert_num_queries):
    """With nothing scheduled, and with an article going live in an hour, the second ask costs no query;
    a new content version asks again and sees what changed."""
    version = page_cache.content_version()
    with django_assert_num_queries(1):
        assert page_cache.seconds_until_next_change(version) == page_cache.PAGE_SECONDS
    with django_assert_num_queries(0):
        assert page_cache.seconds_until_next_change(version) == page_cache.PAGE_SECONDS

    ArticleFactory(status="scheduled", published_at=timezone.now() + timedelta(minutes=10))
    newer = page_cache.content_version()
    with django_assert_num_queries(1):
        first = page_cache.seconds_until_next_change(newer)
    with django_assert_num_queries(0):
        second = page_cache.seconds_until_next_change(newer)

    assert newer != version and 595 <= second <= first <= 600


def test_a_remembered_change_that_has_passed_is_asked_again(monkeypatch):
    """Once the remembered go-live has passed, the next one is read afresh: the cache never waits on a
    moment already gone."""
    ArticleFactory(status="scheduled", published_at=timezone.now() + timedelta(minutes=5))
    later = ArticleFactory(status="scheduled", published_at=timezone.now() + timedelta(minutes=20))
    version = page_cache.content_version()
    assert page_cache.seconds_until_next_change(version) <= 300

    in_seven_minutes = timezone.now() + timedelta(minutes=7)
    monkeypatch.setattr(page_cache.timezone, "now", lambda: in_seven_minutes)

    assert page_cache.seconds_until_next_change(version) == int((later.published_at - in_seven_minutes).total_seconds())


def test_a_change_due_within_the_second_keeps_a_page_for_one_second(monkeypatch):
    """A go-live less than a second away still gives a page one second, never zero (which would keep it for
    ever in some caches), and the version the caller read is used without asking the cache for it again."""
    ArticleFactory(status="scheduled", published_at=timezone.now() + timedelta(milliseconds=500))
    version = page_cache.content_version()
    monkeypatch.setattr(page_cache, "content_version", lambda: pytest.fail("the version was asked again"))

    assert page_cache.seconds_until_next_change(version) == 1


def test_an_edition_release_bounds_how_long_pages_are_kept():
    """An edition to be released in a quarter of an hour keeps pages no longer than that."""
    EditionFactory(year=2024, month=9, release_at=timezone.now() + timedelta(minutes=15))

    assert 895 <= page_cache.seconds_until_next_change() <= 900
