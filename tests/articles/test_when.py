from datetime import datetime, timedelta, timezone as dt_timezone

import pytest
from django.template import Context, Template
from django.utils import timezone

from articles.when import live_phrase, moment
from tests.factories import ArticleFactory

UTC_NOON = datetime(2026, 11, 27, 10, 0, tzinfo=dt_timezone.utc)


def test_a_moment_is_said_in_indian_time_whatever_zone_it_was_stored_in():
    """10:00 UTC reads as "27 Nov 2026, 15:30 IST"; single-digit days have no leading zero; None is blank."""
    assert moment(UTC_NOON) == "27 Nov 2026, 15:30 IST"
    assert moment(datetime(2024, 3, 4, 0, 30, tzinfo=dt_timezone.utc)) == "4 Mar 2024, 06:00 IST"
    assert moment(None) == ""


@pytest.mark.django_db
def test_live_phrase_says_goes_live_or_live_since_and_nothing_for_drafts():
    """A scheduled article "goes live …", a published one is "live since …", a draft has no phrase."""
    ahead = ArticleFactory(status="scheduled", published_at=timezone.now() + timedelta(days=2))
    live = ArticleFactory(status="published", published_at=UTC_NOON - timedelta(days=400))

    assert live_phrase(ahead) == f"goes live {moment(ahead.published_at)}"
    assert live_phrase(live) == "live since 23 Oct 2025, 15:30 IST"
    assert live_phrase(ArticleFactory(draft=True)) == ""


def test_templates_use_the_same_filters():
    """{{ value|moment }} in a template prints exactly what moment() returns."""
    rendered = Template("{% load when %}{{ value|moment }}").render(Context({"value": UTC_NOON}))

    assert rendered == "27 Nov 2026, 15:30 IST"
