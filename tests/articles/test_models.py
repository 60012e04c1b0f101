from datetime import timedelta
from unittest import mock

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


def test_an_article_is_published_from_the_very_second_of_its_time():
    """At exactly its publication time an article is live, in memory and in queries alike; a second before, not."""
    now = timezone.now()
    article = ArticleFactory(status="scheduled", published_at=now)

    with mock.patch("django.utils.timezone.now", return_value=now):
        assert article.is_published and not article.is_scheduled_ahead
        assert list(Article.objects.published()) == [article]
    with mock.patch("django.utils.timezone.now", return_value=now - timedelta(seconds=1)):
        assert not article.is_published and article.is_scheduled_ahead
        assert not Article.objects.published().exists()


@pytest.mark.parametrize("status", ["draft", "in_review", "approved", "unpublished"])
def test_an_article_outside_the_live_states_is_neither_published_nor_scheduled(status):
    """Whatever its date, an article that is not scheduled or published is not public and not going live."""
    past = ArticleFactory(status=status, published_at=timezone.now() - timedelta(days=1))
    future = ArticleFactory(status=status, published_at=timezone.now() + timedelta(days=1))

    assert not any([past.is_published, past.is_scheduled_ahead, future.is_published, future.is_scheduled_ahead])
    assert not Article.objects.published().exists()


def test_a_live_status_without_a_date_is_not_public():
    """A published status with no publication time shows nowhere."""
    article = ArticleFactory(status="published", published_at=None)

    assert not article.is_published and not article.is_scheduled_ahead
    assert not Article.objects.published().exists()


def test_an_edition_is_released_from_the_very_second_of_its_release_time():
    """An edition is public at its release time, not before; one never released is not public."""
    now = timezone.now()
    released = EditionFactory(year=2024, month=5, release_at=now)
    later = EditionFactory(year=2024, month=6, release_at=now + timedelta(hours=1))
    never = EditionFactory(year=2024, month=7, unreleased=True)

    with mock.patch("django.utils.timezone.now", return_value=now):
        assert [released.is_released, later.is_released, never.is_released] == [True, False, False]
        assert list(Edition.objects.released().filter(year=2024, month__gte=5)) == [released]


def test_an_articles_live_phrase_says_goes_live_or_live_since_and_nothing_for_drafts():
    """A scheduled article "goes live …", a published one is "live since …", a draft has no phrase."""
    noon = timezone.make_aware(timezone.datetime(2025, 10, 23, 15, 30))
    ahead = ArticleFactory(status="scheduled", published_at=timezone.now() + timedelta(days=2))
    live = ArticleFactory(status="published", published_at=noon)

    assert ahead.live_phrase.startswith("goes live ") and ahead.live_phrase.endswith(" IST")
    assert live.live_phrase == "live since 23 Oct 2025, 15:30 IST"
    assert ArticleFactory(draft=True).live_phrase == ""


def test_an_editions_release_phrase_says_released_or_goes_public_and_nothing_before_a_release_is_set():
    """A month released in the past was "released …", one set for later "goes public …", an unset one has none."""
    released = EditionFactory(year=2024, month=3, release_at=timezone.make_aware(timezone.datetime(2024, 3, 1, 6, 0)))
    ahead = EditionFactory(year=2024, month=4, release_at=timezone.now() + timedelta(days=3))

    assert released.release_phrase == "released 1 Mar 2024, 06:00 IST"
    assert ahead.release_phrase.startswith("goes public ")
    assert EditionFactory(year=2024, month=5, release_at=None).release_phrase == ""
