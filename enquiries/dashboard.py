"""The numbers on the admin home for counsellors and managers."""

import statistics
from datetime import timedelta

from django.db.models import Count
from django.utils import timezone

from .models import Enquiry, start_of_today

TOP_ARTICLES = 5


def lead_dashboard(user, now=None):
    now = now or timezone.now()
    today = start_of_today(now)
    leads = Enquiry.objects.filter(erased_at__isnull=True)
    week = Enquiry.objects.filter(created_at__gte=now - timedelta(days=7), first_response_at__isnull=False)
    waits = [(answered - created).total_seconds() for created, answered in
             week.values_list("created_at", "first_response_at")]
    by_status = dict(Enquiry.objects.values_list("status").annotate(total=Count("id")))
    by_channel = dict(Enquiry.objects.values_list("channel").annotate(total=Count("id")))
    articles = (Enquiry.objects.filter(source_article__isnull=False).values_list("source_article__title")
                .annotate(total=Count("id")).order_by("-total", "source_article__title")[:TOP_ARTICLES])
    return {
        "new_today": leads.filter(created_at__gte=today).count(),
        "overdue": leads.due_overdue(now).filter(owner=user).count(),
        "overdue_all": leads.due_overdue(now).count(),
        "my_open": leads.open().filter(owner=user).count(),
        "unassigned": leads.open().filter(owner__isnull=True).count(),
        "from_practice": leads.filter(origin=Enquiry.Origin.PRACTICE).count(),
        "median_first_response": _duration(statistics.median(waits)) if waits else None,
        "funnel": _bars([(label, by_status.get(value, 0)) for value, label in Enquiry.Status.choices]),
        "sources": _bars([(label, by_channel.get(value, 0)) for value, label in Enquiry.Channel.choices]),
        "articles": _bars(list(articles)),
    }


def _duration(seconds):
    """A wait as people say it: "45 min", "3 h 10 min", "2 days 4 h"."""
    minutes = round(seconds / 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} day{'s' if days != 1 else ''} {hours} h"
    return f"{hours} h {minutes} min" if hours else f"{minutes} min"


def _bars(rows):
    """Rows of (label, count) with each bar's width as a share of the largest count."""
    largest = max([count for _, count in rows] or [0]) or 1
    return [(label, count, round(100 * count / largest)) for label, count in rows]
