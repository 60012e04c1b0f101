"""Where an article leads a student next, and how it presents itself when shared: related reading by shared
topics and tags, the previous and next article of its month, and the structured data search engines and
messaging apps read (schema.org NewsArticle, OpenGraph)."""

from functools import reduce
from operator import or_
from typing import NamedTuple

from django.conf import settings
from django.db import connections
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.templatetags.static import static

from common.languages import html_language

from .models import Article, Relevance, TaggedArticle, read_first

RELATED_LIMIT = 5
RECENT_CANDIDATES = 100  # per source (topics, tags): the newest articles filed under them, plenty for five picks


def related(article):
    """Up to five published articles sharing the most syllabus topics and tags with this one, newest first
    among equals, from the RECENT_CANDIDATES newest filed under its topics and under its tags. Expects the article's relevances and tags prefetched (the article page has them)."""
    topic_ids = {relevance.topic_id for relevance in article.relevances.all() if relevance.topic_id}
    tag_ids = {tag.pk for tag in article.tags.all()}
    if not topic_ids and not tag_ids:
        return []
    # Only the most recent articles filed under one of these topics or tags are looked at (found through
    # their indexes), each scored by two small counts: the work stays the same however large the archive
    # grows, and a ten-year-old analysis is rarely the next thing to read.
    sharing_topic = Relevance.objects.filter(topic__in=topic_ids)
    sharing_tag = TaggedArticle.objects.filter(tag__in=tag_ids)
    recent = (_newest_filed_under(Relevance.objects, "topic", topic_ids, "article_id")
              | _newest_filed_under(TaggedArticle.objects, "tag", tag_ids, "content_object_id"))
    candidates = (
        Article.objects.published().filter(language=article.language).exclude(pk=article.pk).filter(pk__in=recent)
        .annotate(shared=_shared(sharing_topic, "article", "topic") + _shared(sharing_tag, "content_object", "tag"))
        .order_by("-shared", "-published_at", "-pk")
    )
    return list(candidates.for_listing()[:RELATED_LIMIT])


def _newest_filed_under(rows, group, ids, article_field):
    """The ids of the RECENT_CANDIDATES newest articles filed under any of these topics (or tags), in one query:
    each topic's newest are read on their own, down its (topic, article) index, and the newest of those kept.
    Asked for all the topics at once, PostgreSQL walked the whole table backwards looking for a rare tag's
    three rows (27 ms at 100,000 articles) when it guessed they were common."""
    if not ids:
        return set()
    newest_of_each = [rows.filter(**{group: each}).order_by(f"-{article_field}").values("pk")[:RECENT_CANDIDATES]
                      for each in sorted(ids)]
    vendor = connections[rows.db].vendor
    condition = reduce(or_, (read_first("pk", newest, vendor) for newest in newest_of_each))
    return set(rows.filter(condition).order_by(f"-{article_field}")
               .values_list(article_field, flat=True)[:RECENT_CANDIDATES])


class Neighbours(NamedTuple):
    previous: Article | None
    following: Article | None


def _shared(rows, article_field, shared_field):
    """A subquery: how many distinct topics (or tags) of these rows the outer article has."""
    counted = (rows.filter(**{article_field: OuterRef("pk")}).order_by().values(article_field)
               .annotate(found=Count(shared_field, distinct=True)).values("found"))
    return Coalesce(Subquery(counted), 0)


def month_neighbours(article):
    """The published articles of the same edition just before and just after this one (or None)."""
    if article.edition_id is None or article.published_at is None:
        return Neighbours(None, None)
    month = (Article.objects.published().filter(edition_id=article.edition_id, language=article.language)
             .exclude(pk=article.pk).only("title", "slug", "published_at", "language"))
    earlier = month.filter(Q(published_at__lt=article.published_at)
                           | Q(published_at=article.published_at, pk__lt=article.pk))
    later = month.filter(Q(published_at__gt=article.published_at)
                         | Q(published_at=article.published_at, pk__gt=article.pk))
    return Neighbours(earlier.order_by("-published_at", "-pk").first(), later.order_by("published_at", "pk").first())


class LanguageVersion(NamedTuple):
    language: str  # the hreflang tag
    address: str   # absolute


def language_versions(article):
    """The article's published versions, for hreflang links: itself and its twin, English also as the
    x-default; empty when it has no published twin (a lone page needs no alternates)."""
    twin = article.published_twin
    if twin is None or not article.is_published:
        return []
    english = article if article.language == Article.Language.ENGLISH else twin
    hindi = twin if english is article else article
    return [LanguageVersion(html_language(english.language), absolute(english.get_absolute_url())),
            LanguageVersion(html_language(hindi.language), absolute(hindi.get_absolute_url())),
            LanguageVersion("x-default", absolute(english.get_absolute_url()))]


def absolute(path):
    return f"{settings.SITE_URL}{path}"


def share_image():
    """The picture shown beside a shared link: the institute's card (1200 × 630, as OpenGraph expects)."""
    return absolute(static("img/share-card.png"))


def news_article(article):
    """schema.org NewsArticle for the article page (JSON-LD)."""
    relevance = article.primary_relevance
    publisher = {
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "url": absolute("/"),
        "logo": {"@type": "ImageObject", "url": absolute(static("img/logo.png")), "width": 512, "height": 512},
    }
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.context,
        "image": [share_image()],
        "datePublished": article.published_at.isoformat() if article.published_at else None,
        "dateModified": article.updated_at.isoformat(),
        "author": {"@type": "Organization", "name": settings.SITE_NAME, "url": absolute("/")},
        "publisher": publisher,
        "mainEntityOfPage": {"@type": "WebPage", "@id": absolute(article.get_absolute_url())},
        "url": absolute(article.get_absolute_url()),
        "inLanguage": html_language(article.language),
        "keywords": [tag.name for tag in article.tags.all()],
    }
    if relevance is not None:
        data["articleSection"] = str(relevance)
    return {key: value for key, value in data.items() if value not in (None, [])}
