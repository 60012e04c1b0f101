"""Which part of the syllabus the months covered: for each GS paper's topic, how many published articles
named it (any of their relevances) in each of the last twelve months, the topics left alone longest first,
and for the month being prepared the articles still planned (draft, in review, approved) beside it."""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from .models import Article, Edition, Relevance, Topic, published_condition

MONTHS = 12
UNTOUCHED_AFTER = 6  # months without an article before a topic is listed among the neglected
PLANNED = [Article.Status.DRAFT, Article.Status.IN_REVIEW, Article.Status.APPROVED]


@dataclass
class TopicRow:
    topic: Topic
    counts: list  # published articles per month, in the months' order
    planned: int = 0  # in the month being prepared
    months_since: int | None = None  # months since the last one, None when never in the twelve
    months: list = field(default_factory=list)

    @property
    def cells(self):
        """[(edition, published articles)], for the map's row."""
        return list(zip(self.months, self.counts))

    @property
    def neglected(self):
        return self.months_since is None or self.months_since >= UNTOUCHED_AFTER


@dataclass
class Coverage:
    months: list  # Editions, oldest first
    preparing: Edition | None
    rows: list = field(default_factory=list)
    busiest: int = 0


def coverage(today=None):
    """The last twelve months (editions up to the current one) with a TopicRow per topic, from three
    queries."""
    months = list(Edition.objects.order_by("-year", "-month")[:MONTHS])[::-1]
    preparing = next((edition for edition in reversed(months) if not edition.is_released), None)
    published = dict(((topic, edition), n) for topic, edition, n in
                     Relevance.objects.filter(published_condition(through="article__"), topic__isnull=False,
                                              article__edition__in=months)
                     .values_list("topic_id", "article__edition_id").annotate(n=Count("article", distinct=True))
                     .values_list("topic_id", "article__edition_id", "n"))
    planned = dict(Relevance.objects.filter(topic__isnull=False, article__edition=preparing,
                                            article__status__in=PLANNED)
                   .values_list("topic_id").annotate(n=Count("article", distinct=True)).values_list("topic_id", "n")) \
        if preparing else {}
    rows = []
    for topic in Topic.objects.select_related("paper").order_by("paper__position", "paper__pk", "position", "pk"):
        counts = [published.get((topic.pk, edition.pk), 0) for edition in months]
        touched = [index for index, n in enumerate(counts) if n]
        rows.append(TopicRow(topic, counts, planned.get(topic.pk, 0),
                             len(months) - 1 - touched[-1] if touched else None, months))
    rows.sort(key=lambda row: not row.neglected)  # stable: the syllabus order within each part
    return Coverage(months, preparing, rows, max((n for row in rows for n in row.counts), default=0))


def articles_in(topic, edition):
    """The articles behind one cell: published or planned articles of the month naming the topic."""
    return (Article.objects.filter(Q(published_condition()) | Q(status__in=PLANNED), edition=edition,
                                   relevances__topic=topic).distinct().select_related("author")
            .order_by("status", "-published_at", "title"))
