"""Syllabus coverage: published articles per topic and month over the last twelve months, the topics left
alone longest first, the month being prepared with its planned articles, each cell leading to its articles."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.coverage import coverage
from articles.models import Topic
from tests.factories import ArticleFactory, EditionFactory, relevance, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def months():
    """January–March 2024 released, April being prepared; IR named in January and twice in March,
    Federalism in March; a draft on Federalism for April."""
    past = timezone.now() - timedelta(days=1)
    january, february, march = (EditionFactory(year=2024, month=n, release_at=past) for n in (1, 2, 3))
    april = EditionFactory(year=2024, month=4, unreleased=True)
    for edition, topic in ((january, "International Relations"), (march, "International Relations"),
                           (march, "International Relations"), (march, "Federalism")):
        relevance(ArticleFactory(edition=edition, published_at=past), "gs2", topic)
    relevance(ArticleFactory(edition=april, draft=True, title="Draft on the Finance Commission"), "gs2", "Federalism")
    return january, february, march, april


def test_each_cell_counts_the_published_articles_naming_the_topic(months):
    """IR: 1, 0, 2, 0; Federalism: 0, 0, 1, 0 with 1 planned in April; both touched recently, so neither is
    listed among the neglected, which come first."""
    january, february, march, april = months

    found = coverage()
    rows = {row.topic.name: row for row in found.rows}

    assert found.months == [january, february, march, april] and found.preparing == april
    assert rows["International Relations"].counts == [1, 0, 2, 0] and rows["Federalism"].counts == [0, 0, 1, 0]
    assert rows["Federalism"].planned == 1 and rows["International Relations"].months_since == 1
    assert not rows["Federalism"].neglected and rows["Biodiversity"].neglected
    neglected = [row.neglected for row in found.rows]
    assert neglected == sorted(neglected, reverse=True)  # the neglected first


def test_the_map_and_a_cell_for_writers_and_editors_with_a_csv(client, months):
    """A writer sees the map; a cell lists its articles; the CSV has a row per topic; a counsellor is refused."""
    january, february, march, april = months
    federalism = Topic.objects.get(name="Federalism")
    client.force_login(staff_user("arjun", role="Writer"))

    page = client.get("/admin/articles/article/coverage/").content.decode()
    cell = client.get(f"/admin/articles/article/coverage/{federalism.pk}/{april.pk}/").content.decode()
    csv_lines = client.get("/admin/articles/article/coverage/?format=csv").content.decode().splitlines()
    client.force_login(staff_user("kavya", role="Counsellor"))

    assert "Syllabus coverage" in page and f"/coverage/{federalism.pk}/{march.pk}/" in page
    assert "Draft on the Finance Commission" in cell
    assert csv_lines[0] == "paper,topic,January 2024,February 2024,March 2024,April 2024,planned"
    assert "GS2,Federalism,0,0,1,0,1" in csv_lines
    assert client.get("/admin/articles/article/coverage/").status_code == 403
