"""The newsroom calendar: a month's articles on the day they go live, with the edition's release marked and
the approved articles still without a time listed beside; a month that is not one says so."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.factories import ArticleFactory, EditionFactory, relevance, staff_user

pytestmark = pytest.mark.django_db
IST = ZoneInfo("Asia/Kolkata")


def test_articles_sit_on_their_go_live_day_and_the_release_is_marked(client):
    """A published article of 5 March and a scheduled one of 20 March sit on their days with their paper;
    the March edition's release on 1 April is not in March; an approved article without a time is listed."""
    EditionFactory(year=2024, month=3, release_at=datetime(2024, 3, 1, 6, 0, tzinfo=IST))
    published = ArticleFactory(title="Quad summit", published_at=datetime(2024, 3, 5, 9, 0, tzinfo=IST))
    relevance(published, "gs2", "International Relations")
    ArticleFactory(title="Heatwave plans", status="scheduled", published_at=datetime(2024, 3, 20, 6, 0, tzinfo=IST))
    ArticleFactory(title="Waiting for a time", status="approved", published_at=None)
    client.force_login(staff_user("meera", role="Editor"))

    page = " ".join(client.get("/admin/articles/article/calendar/?month=2024-03").content.decode().split())

    assert '<div class="date">1 <strong class="release">◆ March 2024 released</strong></div>' in page
    fifth = page.split('<div class="date">5</div>')[1].split("</td>")[0]
    assert "Quad summit" in fifth and 'class="paper-gs2"' in fifth and "09:00 · published · GS2" in fifth
    assert "Heatwave plans" in page.split('<div class="date">20</div>')[1].split("</td>")[0]
    assert "Approved, no time set yet (1)" in page and "Waiting for a time" in page


@pytest.mark.parametrize("month, message", [
    ("2024-13", "is not a month"), ("March", "is not a month"), ("1900-01", "1900 is outside"),
])
def test_a_month_that_is_not_one_is_said_and_this_month_shown(client, month, message):
    """A malformed or absurd month gets a message and the current month, never an error page."""
    client.force_login(staff_user("meera", role="Editor"))

    response = client.get(f"/admin/articles/article/calendar/?month={month}", follow=True)

    assert response.status_code == 200 and message in response.content.decode()
