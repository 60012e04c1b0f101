"""The newsroom calendar: a month's articles by the moment they go live (published, scheduled), coloured by
their primary paper, with the approved ones still waiting for a time listed beside, and the edition's
release marked on its day."""

import calendar as months
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from .models import Article, Edition


@dataclass
class Day:
    day: date | None  # None: a blank square before the 1st or after the last day
    articles: list = field(default_factory=list)
    release: Edition | None = None


def parse_month(raw, today):
    """(year, month, message): the "YYYY-MM" asked for, or this month with a message saying why not."""
    if not raw:
        return today.year, today.month, ""
    try:
        year, month = (int(part) for part in raw.split("-", 1))
        date(year, month, 1)
    except (ValueError, TypeError):
        return today.year, today.month, f"“{raw}” is not a month (write it as 2024-03): showing this month."
    if not Edition.YEARS[0] <= year <= Edition.YEARS[-1]:
        return today.year, today.month, (f"{year} is outside {Edition.YEARS[0]}–{Edition.YEARS[-1]}: "
                                         "showing this month.")
    return year, month, ""


def month_grid(year, month):
    """(weeks of Days from Monday, the approved articles without a time): from five queries (each list
    with its editions and primary relevances, and the month's releases)."""
    zone = timezone.get_current_timezone()
    first = date(year, month, 1)
    start = timezone.make_aware(datetime.combine(first, time.min), zone)
    end = timezone.make_aware(datetime.combine(first + timedelta(days=months.monthrange(year, month)[1]), time.min),
                              zone)
    going = list(Article.objects.filter(status__in=[Article.Status.PUBLISHED, Article.Status.SCHEDULED],
                                        published_at__gte=start, published_at__lt=end)
                 .for_listing().order_by("published_at", "pk"))
    waiting = list(Article.objects.filter(status=Article.Status.APPROVED, published_at__isnull=True)
                   .for_listing().order_by("edition__year", "edition__month", "pk"))
    releases = {timezone.localtime(edition.release_at).date(): edition for edition in
                Edition.objects.filter(release_at__gte=start, release_at__lt=end)}
    by_day = {}
    for article in going:
        by_day.setdefault(timezone.localtime(article.published_at).date(), []).append(article)
    weeks = []
    for week in months.Calendar(firstweekday=0).monthdatescalendar(year, month):
        weeks.append([Day(day, by_day.get(day, []), releases.get(day)) if day.month == month else Day(None)
                      for day in week])
    return weeks, waiting
