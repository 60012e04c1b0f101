"""A shared cache of the public pages anonymous students read, which is never stale.

Every cached page is stored with the *content version* it shows, a number kept in the shared cache (Redis
in production, so every app process sees the same one) and read in the same round trip as the page. Any
change a public page can show bumps the version (at once and again when its transaction commits), so the
next request in every process renders afresh and replaces the entry. A page is also never kept past the next moment the site changes by itself: a scheduled
article going live or an edition being released.

Only what is safe to share is stored: a 200 to an anonymous GET without cookies that matter, that sets no
cookie, holds no CSRF token and does not forbid caching (draft previews).
"""

import collections
import functools
import hashlib
import logging
import os
import threading
import time
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.urls import Resolver404, resolve
from django.utils.cache import set_response_etag
from django.utils import timezone
from django.utils.connection import ConnectionProxy

from common.paging import page_number

logger = logging.getLogger(__name__)
cache = ConnectionProxy(caches, "pages")  # settings.PAGE_CACHE_URL: away from the rate limits' store

VERSION_KEY = "content-version"
# What a page is rendered from besides the content: the code, the templates and the static files' names.
RELEASE_FILES = {".py", ".html", ".txt", ".json"}
RELEASE_SKIPPED_DIRECTORIES = {"__pycache__", "node_modules", "media", "tests", "bench"}


def release_of(directory, skipped=()):
    """A short fingerprint of the site's code, templates and static manifest under `directory`: every app
    process of one release (on any server) computes the same, and a deploy that changes any of them a new
    one, so no page or part cached by the old code is served by the new."""
    digest = hashlib.sha256()
    skipped = {Path(path).resolve() for path in skipped}  # where the site writes (uploads, PDFs)
    for root, directories, files in os.walk(directory):
        directories[:] = sorted(name for name in directories
                                if not name.startswith(".") and name not in RELEASE_SKIPPED_DIRECTORIES
                                and Path(root, name).resolve() not in skipped)
        for name in sorted(files):
            path = Path(root, name)
            if path.suffix in RELEASE_FILES:
                digest.update(str(path.relative_to(directory)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


RELEASE = release_of(settings.BASE_DIR, skipped=[settings.MEDIA_ROOT])
PAGE_SECONDS = 60 * 60  # an upper bound; a change or a go-live ends an entry sooner
# The pages students read, by URL name: the home page, an article and its plain text, the paper, topic,
# tag and edition lists, the feeds, the sitemap (or its index and files) and robots.txt.
CACHED_VIEWS = {
    "articles:home", "articles:detail", "articles:text", "articles:paper", "articles:topic", "articles:tag",
    "articles:editions", "articles:edition", "articles:feed", "articles:paper_feed", "articles:sitemap",
    "articles:sitemap_file", "robots",
}
# Cookies a cached page does not depend on: the CSRF cookie (cached pages hold no token) and the
# anonymous practice device (only the practice pages read it, and they set it, so they are never stored).
HARMLESS_COOKIES = {settings.CSRF_COOKIE_NAME, "practice_device"}


# After a cache failure this process renders without the cache for a while, instead of waiting for a dead
# Redis on every request (each wait is a socket timeout).
RETRY_AFTER_SECONDS = 5
_cache_down_until = 0.0


def _ask_cache(call):
    """(True, what `call` returned), or (False, None) when the cache fails; after a failure this process
    leaves the cache alone for RETRY_AFTER_SECONDS and renders pages afresh."""
    global _cache_down_until
    if time.monotonic() < _cache_down_until:
        return False, None
    try:
        return True, call()
    except Exception:
        _cache_down_until = time.monotonic() + RETRY_AFTER_SECONDS
        logger.warning("Cache unavailable: public pages are rendered without the page cache for %d s.",
                       RETRY_AFTER_SECONDS, exc_info=True)
        return False, None


def content_version():
    """The current content version, or None while the cache is unreachable (pages are then rendered fresh).
    A new version starts from the clock, never from 1, so that a Redis emptied by a restart cannot bring
    back a version this process still holds parts for."""
    answered, version = _ask_cache(lambda: cache.get_or_set(VERSION_KEY, time.time_ns, timeout=None))
    return version if answered else None


def version_for(request):
    """The content version, read from the cache once per request (the page cache may have read it already)."""
    if not hasattr(request, "content_version"):
        request.content_version = content_version()
    return request.content_version


# What remember() kept, also held in this process: an entry belongs to one content version and never
# changes, so once the version is known (one round trip per request) it can be read without another.
LOCAL_ENTRIES = 500
_local = collections.OrderedDict()
_local_lock = threading.Lock()


def remember(name, compute, version):
    """What compute() returns, computed once and shared by every process while the content is at `version`
    and the site does not change by itself (a go-live or a release); computed afresh while the cache is
    unreachable. This is what keeps pages rendered for staff and visitors with a session fast: the parts
    every visitor sees alike are rendered once per change, not on every request."""
    if version is None:
        return compute()
    key = f"memo:{RELEASE}:{version}:{name}"
    now = timezone.now()
    found = _recall_locally(key, now)
    if found is None:
        answered, found = _ask_cache(lambda: cache.get(key))
        if not answered:
            return compute()
    if found is None or now >= found["until"]:
        found = {"value": compute(), "until": None}
        try:
            seconds = seconds_until_next_change(version)
            found["until"] = timezone.now() + timedelta(seconds=seconds)
            cache.set(key, found, seconds)
        except Exception:
            logger.warning("Cache unavailable: %s not kept.", name, exc_info=True)
            return found["value"]
    _keep_locally(key, found)
    return found["value"]


def _recall_locally(key, now):
    with _local_lock:
        found = _local.get(key)
        if found is None or now >= found["until"]:
            return None
        _local.move_to_end(key)
        return found


def _keep_locally(key, entry):
    with _local_lock:
        _local[key] = entry
        _local.move_to_end(key)
        while len(_local) > LOCAL_ENTRIES:
            _local.popitem(last=False)


def content_changed(**kwargs):
    """A public page may show something new: retire every cached page now, and again once the transaction
    commits, so that no page rendered from the old rows while it was open outlives it."""
    _bump()
    transaction.on_commit(_bump)


def _bump():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet (or it was evicted): any new one differs from the pages stored
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)
    except Exception:
        logger.warning("Cache unavailable: could not retire cached pages after a change.", exc_info=True)


def seconds_until_next_change(version=None):
    """Until the next scheduled article goes live or edition is released (never beyond PAGE_SECONDS). The
    caller that already read the content version passes it, saving a round trip."""
    now = timezone.now()
    moment = _next_change(now, content_version() if version is None else version)
    if moment is None:
        return PAGE_SECONDS
    return max(1, min(PAGE_SECONDS, int((moment - now).total_seconds())))


def _next_change(now, version):
    """The next go-live or release after `now`, asked of the database once per content version (and again
    once that moment has passed)."""
    key = f"next-change:{version}"  # pragma: no mutate (any name unique to the version serves)
    known = cache.get(key)
    if known is not None and (known == "none" or known > now):
        return None if known == "none" else known
    from articles.models import Article, Edition

    moment = (Article.objects.going_live().values_list("published_at", flat=True).order_by()
              .union(Edition.objects.filter(release_at__gt=now).values_list("release_at").order_by())
              .order_by("published_at").first())
    cache.set(key, moment or "none", PAGE_SECONDS)
    return moment


# The query parameters the cached pages read: a list's ?page= and a sitemap file's ?p=. Any other parameter
# (utm_*, a tracker's, a stranger's ?x=N) changes nothing on the page, so it makes no entry of its own.
READ_PARAMETERS = ("page", "p")


def page_address(request):
    """The page's path with only the parameters it reads, each as the number the page uses ("?page=02" and
    "?page=2" are one page, any other value is the first): what keys a cached page or part, so the number of
    entries is bounded by the site's pages, not by what strangers put in query strings."""
    numbers = [(name, page_number(request.GET[name])) for name in READ_PARAMETERS if name in request.GET]
    query = "&".join(f"{name}={number}" for name, number in numbers if number > 1)
    return f"{request.path}?{query}" if query else request.path


@functools.lru_cache(maxsize=4096)
def _is_cached_view(path, urlconf):
    """Whether this address is one of CACHED_VIEWS (remembered: resolving took a sixth of a cached page)."""
    try:
        return resolve(path, urlconf).view_name in CACHED_VIEWS
    except Resolver404:
        return False


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = self._key(request)
        if key is None:
            return self.get_response(request)
        # One round trip for the page and the current version: an entry stored under an older version is
        # a miss, which is how a change retires every cached page at once.
        version, stored = self._read(key)
        request.content_version = version
        if version is None:
            return self.get_response(request)
        if stored is not None and stored["version"] == version and timezone.now() < stored["until"]:
            return self._rebuild(stored)
        response = self.get_response(request)
        if self._shareable(request, response):
            try:
                seconds = seconds_until_next_change(version)
                cache.set(key, self._freeze(response, version, timezone.now() + timedelta(seconds=seconds)),
                          seconds)
            except Exception:
                logger.warning("Cache unavailable: page not stored.", exc_info=True)
        return response

    @staticmethod
    def _read(key):
        """(the content version, the stored page or None); (None, None) while the cache is unreachable."""
        answered, found = _ask_cache(lambda: cache.get_many([VERSION_KEY, key]))
        if not answered:
            return None, None
        if VERSION_KEY not in found:
            return content_version(), None
        return found[VERSION_KEY], found.get(key)

    @staticmethod
    def _key(request):
        if request.method not in ("GET", "HEAD") or set(request.COOKIES) - HARMLESS_COOKIES:
            return None
        if not _is_cached_view(request.path_info, settings.ROOT_URLCONF):
            return None
        address = hashlib.sha256((request.get_host() + page_address(request)).encode()).hexdigest()
        return f"page:{RELEASE}:{address}"  # pragma: no mutate (any name holding the release and address serves)

    @staticmethod
    def _shareable(request, response):
        """Safe to give to any anonymous visitor. (A page that merely looked at the empty session varies on
        the cookie, but this visitor had none, so any other visitor without one would get the same page.)"""
        control = response.get("Cache-Control", "").lower()  # pragma: no mutate (no directive is as good as none)
        return (response.status_code == 200 and not response.streaming and not response.cookies
                and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # set whenever a CSRF token was used
                and not any(word in control for word in ("private", "no-store", "no-cache")))

    @staticmethod
    def _freeze(response, version, until):
        """The response as stored, with the content version it shows and the moment it stops being true
        (the next go-live), both checked on every read; the moment is also the entry's expiry."""
        set_response_etag(response)  # stored with it, so serving the page does not hash it again
        return {"status": response.status_code, "content": response.content, "headers": dict(response.headers),
                "version": version, "until": until}

    @staticmethod
    def _rebuild(stored):
        from django.http import HttpResponse

        response = HttpResponse(stored["content"], status=stored["status"])
        for name, value in stored["headers"].items():
            response[name] = value
        return response


def watch_public_content():
    """Connect every model a public page shows (or its header) to content_changed."""
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete, post_save

    shown = [
        "articles.Article", "articles.Section", "articles.Relevance", "articles.TaggedArticle", "articles.Tag",
        "articles.Edition", "articles.Paper", "articles.Topic", "articles.SlugRedirect",
        "enquiries.CallUsNumber", "enquiries.Course",
        "practice.Question", "practice.Option", "practice.Statement", "practice.EditionQuiz",
        "answers.MainsQuestion",
    ]
    for label in shown:
        model = apps.get_model(label)
        for signal in (post_save, post_delete):
            signal.connect(content_changed, sender=model, dispatch_uid=f"page-cache-{signal}-{label}")
        for field in model._meta.many_to_many:
            m2m_changed.connect(content_changed, sender=field.remote_field.through,
                                dispatch_uid=f"page-cache-m2m-{label}-{field.name}")
