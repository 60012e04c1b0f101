"""The monthly edition as students revise from it: the released months, one month's articles grouped by GS
paper and syllabus topic like the chapters of a book, and the months before and after it."""

from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter

from urllib.parse import quote

from django.db import connection
from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext

from .models import Article, Edition, Paper, Relevance, Topic, in_page_language, read_first


@dataclass
class TopicGroup:
    topic: object  # a Topic, or None for articles filed under the whole paper
    articles: list = field(default_factory=list)

    @property
    def anchor(self):
        return f"{self.topic.paper.code}-{self.topic.slug}" if self.topic else ""


@dataclass
class Chapter:
    paper: object  # a Paper, or None for articles without a primary relevance
    groups: list = field(default_factory=list)

    @property
    def anchor(self):
        return self.paper.code if self.paper else "other"

    @property
    def title(self):
        return f"{self.paper.local_short_name} · {self.paper.local_title}" if self.paper else gettext("Other articles")

    @property
    def article_count(self):
        return sum(len(group.articles) for group in self.groups)


def _with_published_articles():
    return Edition.objects.released().filter(
        Exists(Article.objects.published_here().filter(edition=OuterRef("pk"))))


# The archive lists its latest months with their articles per paper (about the year of current affairs a
# Prelims candidate revises) and every earlier month by name only: counting a ten-year archive's articles
# by paper cost a tenth of a second at 100,000 articles.
LATEST_MONTHS = 12


@dataclass
class Archive:
    latest: list  # the newest released months (Editions), each with `paper_counts` and `article_count`
    earlier: list  # the months before them: [(year, [month numbers, newest first])], newest year first


def released_months():
    """Every released month that has published articles, newest first."""
    return list(_with_published_articles())


def archive():
    """Every released month that has published articles, as the archive page lists them (the earlier ones as
    bare numbers: hundreds of them in a long archive)."""
    months = _with_published_articles()
    latest = _with_counts_by_paper(list(months[:LATEST_MONTHS]))
    earlier = months.values_list("year", "month")[LATEST_MONTHS:] if len(latest) == LATEST_MONTHS else []
    return Archive(latest, [(year, [month for _, month in months_of_year])
                            for year, months_of_year in groupby(earlier, key=itemgetter(0))])


def _with_counts_by_paper(editions):
    """The editions, each given `paper_counts`: [(paper short name, number of articles)] by primary paper, in
    paper order, and `article_count`."""
    # The months' articles are read first and their primary relevances fetched by article: counting through a
    # join read every relevance of the archive on PostgreSQL (15 ms at 100,000 articles).
    articles = Article.objects.published_here().filter(edition__in=[edition.pk for edition in editions]).values("pk")
    counts = (
        Relevance.objects.filter(read_first("article_id", articles, connection.vendor), is_primary=True)
        .values("article__edition_id", "paper__short_name", "paper__short_name_hi", "paper__position")
        .annotate(articles=Count("article"))  # one primary relevance per article
        .order_by("paper__position", "paper__short_name", "paper__short_name_hi")
    )
    by_edition = {}
    for row in counts:
        name = in_page_language(row["paper__short_name"], row["paper__short_name_hi"])
        by_edition.setdefault(row["article__edition_id"], []).append((name, row["articles"]))
    for edition in editions:
        edition.paper_counts = by_edition.get(edition.pk, [])
        edition.article_count = sum(count for _, count in edition.paper_counts)
    return editions


def published_articles(edition):
    """The edition's published articles in reading order: by paper, topic, then oldest first."""
    return list(Article.objects.published_here().filter(edition=edition).for_listing().order_by("published_at", "pk"))


@dataclass(frozen=True)
class Listed:
    """An article as the month's page lists it (its card under the chapter and topic headings)."""
    title: str
    context: str
    get_absolute_url: str


def contents(edition):
    """The month's page: its published articles as chapters, read as plain values. A month's page lists every
    article of the month, and building model instances for each article, its primary relevance, paper and
    topic was most of its cost (1,800 instances for a month of 300 articles)."""
    rows = list(Article.objects.published_here().filter(edition=edition).order_by("published_at", "pk")
                .values_list("pk", "title", "slug", "context"))
    paper_fields = ["id", "code", "short_name", "title", "short_name_hi", "title_hi", "position"]
    topic_fields = ["id", "name", "name_hi", "slug", "position"]
    primaries = Relevance.objects.filter(is_primary=True, article_id__in=[row[0] for row in rows]).values_list(
        "article_id", *(f"paper__{name}" for name in paper_fields), *(f"topic__{name}" for name in topic_fields))
    papers, topics, filed_under = {}, {}, {}
    for article, *values in primaries:  # a month names a few papers and topics: one instance of each
        paper_values, topic_values = values[:len(paper_fields)], values[len(paper_fields):]
        paper = papers.setdefault(paper_values[0], Paper(**dict(zip(paper_fields, paper_values))))
        topic = None
        if topic_values[0] is not None:
            topic = topics.setdefault(topic_values[0], Topic(paper=paper, **dict(zip(topic_fields, topic_values))))
        filed_under[article] = (paper, topic)
    detail = reverse("articles:detail", args=["-"])[:-2]  # the articles' common prefix, reversed once
    return _grouped((Listed(title, context, f"{detail}{quote(slug)}/"), *filed_under.get(pk, (None, None)))
                    for pk, title, slug, context in rows)


def chapters(articles):
    """The articles grouped by primary paper, then topic, in syllabus order; articles without a primary
    relevance come last."""
    return _grouped((article, relevance.paper if relevance else None, relevance.topic if relevance else None)
                    for article in articles for relevance in [article.primary_relevance])


def _grouped(filed):
    """Chapters of (article, its primary paper, its primary topic), each possibly None."""
    by_paper, by_topic = {}, {}
    for article, paper, topic in filed:
        chapter = by_paper.setdefault(paper.pk if paper else None, Chapter(paper))
        key = (paper.pk if paper else None, topic.pk if topic else None)
        group = by_topic.get(key)
        if group is None:
            group = by_topic[key] = TopicGroup(topic)
            chapter.groups.append(group)
        group.articles.append(article)

    def paper_order(chapter):
        return (chapter.paper is None, chapter.paper.position if chapter.paper else 0,
                chapter.paper.code if chapter.paper else "")

    def topic_order(group):
        return (group.topic is not None, group.topic.position if group.topic else 0,
                group.topic.name if group.topic else "")

    ordered = sorted(by_paper.values(), key=paper_order)
    for chapter in ordered:
        chapter.groups.sort(key=topic_order)
    return ordered


def reading_order(chapter_list):
    """The articles in the order the edition prints them."""
    return [article for chapter in chapter_list for group in chapter.groups for article in group.articles]


def neighbours(edition):
    """The released months with published articles just before and just after this one (or None)."""
    months = _with_published_articles()
    earlier = months.filter(year__lt=edition.year) | months.filter(year=edition.year, month__lt=edition.month)
    later = months.filter(year__gt=edition.year) | months.filter(year=edition.year, month__gt=edition.month)
    return earlier.order_by("-year", "-month").first(), later.order_by("year", "month").first()
