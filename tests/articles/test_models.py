from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from articles.models import Article, Edition, Paper, Relevance, Topic
from tests.factories import ArticleFactory, EditionFactory, SectionFactory, relevance

pytestmark = pytest.mark.django_db


def test_published_shows_only_live_articles_whose_time_has_come():
    """published() keeps scheduled or published articles whose time has come, and nothing else."""
    live = ArticleFactory(title="Live one")
    due = ArticleFactory(title="Scheduled, now due", status="scheduled",
                         published_at=timezone.now() - timedelta(minutes=1))
    ArticleFactory(title="Goes live tomorrow", status="scheduled", published_at=timezone.now() + timedelta(days=1))
    for state in ["draft", "in_review", "approved", "unpublished"]:
        ArticleFactory(title=f"An article that is {state}", status=state)

    assert set(Article.objects.published()) == {live, due}


def test_dimensions_are_the_section_headings_in_order():
    """The Dimensions list is derived from the sections, ordered by position, numbered from 1."""
    article = ArticleFactory()
    SectionFactory(article=article, position=3, heading="Way Forward")
    SectionFactory(article=article, position=1, heading="India-Japan ties")
    SectionFactory(article=article, position=2, heading="Recent defence exercises")

    dimensions = Article.objects.get(pk=article.pk).dimensions

    assert [(d.number, d.heading, d.anchor) for d in dimensions] == [
        (1, "India-Japan ties", "india-japan-ties"),
        (2, "Recent defence exercises", "recent-defence-exercises"),
        (3, "Way Forward", "way-forward"),
    ]


def test_dimension_anchors_stay_unique_when_headings_repeat():
    """Two sections with the same heading get different anchors, so each link finds its own section."""
    article = ArticleFactory()
    SectionFactory(article=article, position=1, heading="Challenges")
    SectionFactory(article=article, position=2, heading="Challenges")
    SectionFactory(article=article, position=3, heading="!!!")

    assert [d.anchor for d in article.dimensions] == ["challenges", "challenges-2", "section-3"]


def test_edition_prints_as_month_and_year_and_links_to_its_page():
    """An edition reads "March 2024" and lives at /editions/2024/03/."""
    edition = EditionFactory.build(year=2024, month=3)

    assert str(edition) == "March 2024"
    assert edition.get_absolute_url() == "/editions/2024/03/"


def test_edition_month_is_unique():
    """A month has only one edition."""
    EditionFactory(year=2024, month=3)

    with pytest.raises(ValidationError):
        Edition(year=2024, month=3).full_clean()


def test_relevance_prints_paper_and_topic():
    """A relevance prints the way the institute writes it: "GS2 - International Relations"."""
    article = ArticleFactory()

    assert str(relevance(article)) == "GS2 - International Relations"


def test_relevance_topic_must_belong_to_its_paper():
    """Choosing a GS3 topic under GS2 is refused with a message naming both papers."""
    article = ArticleFactory()
    gs3_topic = Topic.objects.get(paper__code="gs3", name="Space")
    wrong = Relevance(article=article, paper=Paper.objects.get(code="gs2"), topic=gs3_topic)

    with pytest.raises(ValidationError, match="Space.*GS3, not of GS2"):
        wrong.full_clean()


def test_syllabus_is_seeded_with_every_paper_and_its_topics():
    """The data migration seeds GS1–GS4, Essay and Prelims, with topics such as GS2 International Relations."""

    assert list(Paper.objects.values_list("code", flat=True)) == ["gs1", "gs2", "gs3", "gs4", "essay", "prelims"]
    assert Topic.objects.filter(paper__code="gs2", slug="international-relations").exists()
    assert Topic.objects.filter(paper__code="gs4", name="Case Studies").exists()
