"""Readership without tracking: how many times each article was read, per day and by where the reader came
from, counted in aggregate and nothing else.

No cookie is set or read, and no address, user agent or person is stored: a page view adds one to a counter
named by the day, the article and the kind of page the reader came from (its Referer, reduced to a kind and
then dropped). Bots and staff are not counted. The article view names its article in a response header that
the middleware removes, so a page served from the page cache (which keeps headers) is counted too; the
counter is raised after the response has been sent, so no reader waits for it, and a cache that is down
loses counts, never a page.

Counts live in Redis (a hash per day) and `flush_readership`, run every few minutes by the mail worker's
timer, moves them into the daily table (ArticleReadership); losing Redis loses at most one interval."""

import logging
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

logger = logging.getLogger(__name__)

HEADER = "X-Counted-Article"  # set by the article view, removed before the response leaves
PREFIX = "readership:"
KEEP_SECONDS = 3 * 24 * 60 * 60  # a counter not flushed within three days is not worth keeping
BOTS = re.compile(r"bot|crawl|spider|slurp|preview|fetch|facebookexternalhit|whatsapp|telegram|embed|headless|"
                  r"lighthouse|python|curl|wget|httpclient|java/|go-http|okhttp|scrapy|monitor", re.IGNORECASE)

# Where a reader came from, by the first part of the page's path on this site.
SOURCES = {"": "home", "papers": "paper", "tags": "tag", "editions": "month", "search": "search",
           "articles": "related", "feeds": "feed"}
SOURCE_LABELS = {"home": "Home page", "paper": "A paper or topic page", "tag": "A tag page",
                 "month": "A month's page", "search": "Search", "related": "Another article",
                 "feed": "A feed", "site": "Elsewhere on the site", "outside": "Outside the site"}


def counts(request):
    """Whether this request is a reader's page load: a GET, by no bot and no signed-in staff member."""
    if request.method != "GET" or BOTS.search(request.headers.get("User-Agent", "") or "bot"):
        return False
    user = getattr(request, "user", None)  # set when the request reached authentication (never for cached pages)
    return not (user is not None and user.is_authenticated and user.is_staff)


def source_of(request):
    """The kind of page the reader came from: a page of this site by its path, else "outside"."""
    referer = urlsplit(request.headers.get("Referer", "") or "")
    if not referer.netloc or referer.netloc != request.get_host():
        return "outside"
    parts = [part for part in referer.path.split("/") if part]
    if parts and parts[0] in {code for code, _ in settings.LANGUAGES}:
        parts = parts[1:]
    return SOURCES.get(parts[0] if parts else "", "site")


class ReadershipMiddleware:
    """Counts the article pages readers load (see the module's notes); must sit outside the page cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        article = response.get(HEADER)
        if article:
            del response[HEADER]  # nobody outside learns of it
        if article and response.status_code == 200 and counts(request):
            day, source = timezone.localdate(), source_of(request)
            # Counted once the response has been sent: the reader never waits for the count.
            response._resource_closers.append(lambda: count(day, article, source))
        return response


def count(day, article, source):
    """One view of `article` on `day` from `source`, in the day's tally."""
    try:
        tally().add(day, f"{article}:{source}")
    except Exception:  # any cache backend error: a count lost, the page already served
        logger.warning("Cache unavailable: a page view was not counted.", exc_info=True)


def tally():
    """Where views are counted until the next flush: a Redis hash per day when the shared cache is Redis
    (every app process adds to it), else straight into the daily table (development)."""
    from django.core.cache.backends.redis import RedisCache

    return RedisTally() if isinstance(_default_cache(), RedisCache) else DirectTally()


def _default_cache():
    from django.core.cache import caches

    return caches["default"]


class RedisTally:
    """Counts in a Redis hash per day (HINCRBY: one round trip, atomic across processes). A flush renames
    the day's hash first, so views counted during the flush go to a new hash and wait for the next."""

    def __init__(self):
        backend = _default_cache()
        self.client = backend._cache.get_client(write=True)
        self.make_key = backend.make_key

    def add(self, day, field):
        key = self.make_key(f"{PREFIX}{day.isoformat()}")
        pipe = self.client.pipeline(transaction=False)
        pipe.hincrby(key, field, 1)
        pipe.expire(key, KEEP_SECONDS)
        pipe.execute()

    def take(self, day):
        """The day's counts, removed from the tally ({field: views}); `give_back` returns them."""
        key = self.make_key(f"{PREFIX}{day.isoformat()}")
        taking = self.make_key(f"{PREFIX}flushing:{day.isoformat()}")
        if not self.client.exists(taking):  # a flush that died half-way left its counts here: take those
            if not self.client.exists(key):  # no views that day yet
                return {}
            self.client.rename(key, taking)
        counts = {field.decode(): int(value) for field, value in self.client.hgetall(taking).items()}
        self.client.delete(taking)
        return counts

    def give_back(self, day, counts):
        key = self.make_key(f"{PREFIX}{day.isoformat()}")
        pipe = self.client.pipeline(transaction=False)
        for field, views in counts.items():
            pipe.hincrby(key, field, views)
        pipe.expire(key, KEEP_SECONDS)
        pipe.execute()


class DirectTally:
    """Without Redis (development, with its local cache) nothing is shared between processes, so a view is
    added to the daily table at once; there is nothing to flush."""

    def add(self, day, field):
        article, _, source = field.partition(":")
        _store(day, {(int(article), source): 1})

    def take(self, day):
        return {}

    def give_back(self, day, counts):
        pass


def _store(day, rows):
    """Add {(article id, source): views} to the day's rows; return the views stored (a deleted article's
    are dropped)."""
    from .models import Article, ArticleReadership

    stored = 0
    with transaction.atomic():
        existing = set(Article.objects.filter(pk__in={pk for pk, _ in rows}).values_list("pk", flat=True))
        for (article, source), views in rows.items():
            if article not in existing:
                continue
            if not ArticleReadership.objects.filter(article_id=article, day=day, source=source).update(
                    views=F("views") + views):
                ArticleReadership.objects.create(article_id=article, day=day, source=source, views=views)
            stored += views
    return stored


def flush(days):
    """Move the tally of `days` into ArticleReadership (added to what is stored); return the views moved.
    If the database refuses, the counts go back to the tally for the next flush."""
    moved, store = 0, tally()
    for day in days:
        counts = store.take(day)
        rows = {}
        for field, views in counts.items():
            article, _, source = field.partition(":")
            if article.isdigit() and source in SOURCE_LABELS:
                rows[(int(article), source)] = views
        try:
            moved += _store(day, rows) if rows else 0
        except Exception:
            store.give_back(day, counts)
            raise
    return moved


def mark(response, article):
    """Name the article on its page's response, for the middleware to count (and remove)."""
    if article.is_published:
        response[HEADER] = str(article.pk)
    return response


FIRST_WEEK = 7
MOST_READ_PER_PAPER = 5


def may_see(user, article):
    """Editors see every article's readership; a writer or translator sees their own articles' only."""
    from .roles import PUBLISH

    return user.has_perm(PUBLISH) or (article.author_id is not None and article.author_id == user.pk)


def summary(article):
    """The article's readership for its admin page: views in its first seven days live, in all, and by
    the kind of page readers came from (most first), from one query."""
    from datetime import timedelta

    from .models import ArticleReadership

    rows = list(ArticleReadership.objects.filter(article=article).values_list("day", "source", "views"))
    start = timezone.localtime(article.published_at).date() if article.published_at else None
    by_source = {}
    for _, source, views in rows:
        by_source[source] = by_source.get(source, 0) + views
    return {
        "total": sum(views for _, _, views in rows),
        "first_week": sum(views for day, _, views in rows
                          if start is not None and start <= day < start + timedelta(days=FIRST_WEEK)),
        "by_source": sorted(((SOURCE_LABELS.get(source, source), views) for source, views in by_source.items()),
                            key=lambda row: -row[1]),
    }


def most_read(since, per_paper=MOST_READ_PER_PAPER):
    """[(paper, [(article, views)])]: each paper's most read articles since `since` (by their primary
    paper), the papers in their order; from two queries."""
    from django.db.models import Sum

    from .models import Article, Paper, Relevance

    totals = (Relevance.objects.filter(is_primary=True, article__readership__day__gte=since)
              .values("paper_id", "article_id").annotate(views=Sum("article__readership__views"))
              .order_by("paper_id", "-views", "article_id"))
    chosen = {}
    for row in totals:
        picked = chosen.setdefault(row["paper_id"], [])
        if len(picked) < per_paper:
            picked.append((row["article_id"], row["views"]))
    articles = Article.objects.in_bulk([pk for rows in chosen.values() for pk, _ in rows])
    return [(paper, [(articles[pk], views) for pk, views in chosen[paper.pk]])
            for paper in Paper.objects.filter(pk__in=chosen).order_by("position", "pk")]
