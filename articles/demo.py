"""Demo articles for `manage.py load_demo`: text files in the institute's format (demo_articles/, written for
this project), brought in the way real articles are, through the importer and the editorial workflow."""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from . import workflow
from .importing.drafts import create_draft, read_article
from .models import Article, Edition

DEMO_DIR = Path(__file__).resolve().parent / "demo_articles"


@dataclass(frozen=True)
class DemoArticle:
    slug: str  # also the file's name in demo_articles/
    state: str  # where the workflow leaves it
    published_on: tuple | None = None  # (year, month, day) of a past publication, at 09:00
    changes_requested: str = ""


DEMO_ARTICLES = [
    DemoArticle("japan-india-deeper-defence-partnership", "published", (2024, 3, 11)),
    DemoArticle("sixteenth-finance-commission-fiscal-federalism", "published", (2024, 3, 18)),
    DemoArticle("ayushman-bharat-digital-mission-health-records", "published", (2024, 3, 25)),
    DemoArticle("upi-goes-global", "published", (2024, 2, 14)),
    DemoArticle("hoysala-temples-world-heritage", "published", (2024, 2, 6)),
    DemoArticle("heatwaves-india-preparedness", "published", (2024, 2, 27)),
    DemoArticle("great-indian-bustard-power-lines", "published", (2024, 3, 4)),
    DemoArticle("ethics-of-ai-in-public-administration", "published", (2024, 2, 20)),
    DemoArticle("india-semiconductor-mission-draft", "draft",
                changes_requested="Add a section on the talent pipeline and cite the approved project costs."),
    DemoArticle("civil-services-day-integrity", "approved"),
    DemoArticle("womens-reservation-act-delimitation", "in_review"),
]

# The moves that take a fresh draft to each demo state, made by the writer (submit) or the editor.
MOVES_TO = {
    "draft": [],
    "in_review": ["submit"],
    "approved": ["submit", "approve"],
    "published": ["submit", "approve", "publish"],
}
# Months already out (released at 06:00 on the 1st); April 2024 is being prepared and is not public yet.
RELEASED_EDITIONS = [(2024, 2), (2024, 3)]
MORNING = 9
RELEASE_HOUR = 6


def local_time(year, month, day, hour):
    return timezone.make_aware(datetime(year, month, day, hour))


@transaction.atomic
def load_articles(author, reviewer):
    """Import each demo article that is not there yet and move it to its state; return how many there are.

    Articles already present (perhaps edited since) are left as they are, so running it twice changes nothing.
    """
    for demo in DEMO_ARTICLES:
        if not Article.objects.filter(slug=demo.slug).exists():
            _import(demo, author, reviewer)
    for year, month in RELEASED_EDITIONS:
        edition = Edition.objects.get(year=year, month=month)
        if edition.release_at is None:
            workflow.release_edition(edition, reviewer, local_time(year, month, 1, RELEASE_HOUR))
    return len(DEMO_ARTICLES)


def _import(demo, author, reviewer):
    path = DEMO_DIR / f"{demo.slug}.txt"
    parsed = read_article(path.name, path.read_bytes(), may_open_edition=True)
    article = create_draft(parsed, author=author, slug=demo.slug, create_edition=True)
    if demo.changes_requested:
        workflow.apply(article, "submit", author)
        workflow.apply(article, "request_changes", reviewer, comment=demo.changes_requested)
    for move in MOVES_TO[demo.state]:
        workflow.apply(article, move, author if move == "submit" else reviewer)
    if demo.published_on:
        # The demo is an archive of past months: date each article as it was first published.
        Article.objects.filter(pk=article.pk).update(published_at=local_time(*demo.published_on, MORNING))
