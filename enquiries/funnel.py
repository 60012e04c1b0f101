"""The counselling funnel for managers: leads per week by where they came from, the path new → contacted →
interested → enrolled (or closed) with the conversion at each step and the median time between steps, per
counsellor and per origin, first-response times against the two-hour target, and the articles and papers
whose leads enrol.

A lead reaches "contacted" at its first response, "interested" at its first follow-up that booked a demo or
visit (or enrolled them), "enrolled" at the follow-up that enrolled them; "closed" is a lead marked not
interested or invalid."""

import statistics
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from .models import Enquiry, FollowUp
from .services import FIRST_CALL_WITHIN

STAGES = ["new", "contacted", "interested", "enrolled"]
STAGE_LABELS = {"new": "New", "contacted": "Contacted", "interested": "Interested (demo or visit)",
                "enrolled": "Enrolled"}
INTERESTED = [FollowUp.Outcome.DEMO_BOOKED, FollowUp.Outcome.ENROLLED]
CLOSED = [Enquiry.Status.NOT_INTERESTED, Enquiry.Status.INVALID]
DEFAULT_WEEKS = 12
LONGEST_RANGE = timedelta(days=3 * 366)
EARLIEST_YEAR = 2020


class RangeRefused(ValueError):
    """A date range the funnel cannot show; the message says why."""


def date_range(raw_from, raw_to, today):
    """(first day, last day) from ?from=&to= (YYYY-MM-DD), by default the last twelve weeks; RangeRefused
    for one malformed, reversed, before 2020, in the future or longer than three years."""
    if not raw_from and not raw_to:
        return today - timedelta(weeks=DEFAULT_WEEKS) + timedelta(days=1), today
    try:
        first = date.fromisoformat(raw_from) if raw_from else today - timedelta(weeks=DEFAULT_WEEKS)
        last = date.fromisoformat(raw_to) if raw_to else today
    except ValueError:
        raise RangeRefused("Write the dates as 2024-03-01.") from None
    if first > last:
        raise RangeRefused("The first date comes after the last: swap them.")
    if first.year < EARLIEST_YEAR or last > today:
        raise RangeRefused(f"Choose dates between {EARLIEST_YEAR} and today.")
    if last - first > LONGEST_RANGE:
        raise RangeRefused("Choose at most three years.")
    return first, last


@dataclass
class Step:
    stage: str
    label: str
    leads: int
    conversion: float | None  # from the step before, 0–1
    median_hours: float | None  # from the step before, for the leads that made it


def leads_in(first, last, owner=None):
    zone = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.combine(first, time.min), zone)
    end = timezone.make_aware(datetime.combine(last + timedelta(days=1), time.min), zone)
    leads = Enquiry.objects.filter(created_at__gte=start, created_at__lt=end, erased_at__isnull=True)
    return leads.filter(owner=owner) if owner is not None else leads


def stage_times(leads):
    """{lead id: {stage: when}} for the leads, from two queries."""
    rows = list(leads.values_list("pk", "created_at", "first_response_at", "status", "owner_id", "origin",
                                  "source_article_id"))
    follow_ups = FollowUp.objects.filter(enquiry__in=leads, outcome__in=INTERESTED).order_by("at")
    firsts = {}
    for lead, outcome, at in follow_ups.values_list("enquiry_id", "outcome", "at"):
        firsts.setdefault((lead, "interested"), at)
        if outcome == FollowUp.Outcome.ENROLLED:
            firsts.setdefault((lead, "enrolled"), at)
    times = {}
    for lead, created, responded, status, owner, origin, article in rows:
        reached = {"new": created}
        if responded:
            reached["contacted"] = responded
        for stage in ("interested", "enrolled"):
            if (lead, stage) in firsts:
                reached[stage] = firsts[(lead, stage)]
        if status == Enquiry.Status.ENROLLED and "enrolled" not in reached:
            reached["enrolled"] = None  # enrolled, the moment unknown (set without a follow-up)
        times[lead] = {"reached": reached, "closed": status in CLOSED, "owner": owner, "origin": origin,
                       "article": article}
    return times


def steps(times):
    """The funnel's Steps for these leads (stage_times)."""
    found, previous = [], None
    for stage in STAGES:
        reached = [lead for lead in times.values() if stage in lead["reached"]]
        waits = [(lead["reached"][stage] - lead["reached"][previous]).total_seconds() / 3600 for lead in reached
                 if previous and lead["reached"][stage] and lead["reached"].get(previous)]
        before = found[-1].leads if found else None
        found.append(Step(stage, STAGE_LABELS[stage], len(reached),
                          len(reached) / before if before else None,
                          round(statistics.median(waits), 1) if waits else None))
        previous = stage
    return found


def closed(times):
    return sum(1 for lead in times.values() if lead["closed"])


def grouped(times, by):
    """{owner id or origin: Steps} for the leads split by `by` ("owner" or "origin")."""
    groups = {}
    for lead, data in times.items():
        groups.setdefault(data[by], {})[lead] = data
    return {key: steps(group) for key, group in groups.items()}


def weekly_origins(leads, first, last):
    """[(week's Monday, {origin: leads})] from the first week to the last."""
    counts = {}
    for created, origin in leads.values_list("created_at", "origin"):
        local = timezone.localtime(created).date()
        monday = local - timedelta(days=local.weekday())
        counts.setdefault(monday, {}).setdefault(origin, 0)
        counts[monday][origin] += 1
    monday = first - timedelta(days=first.weekday())
    weeks = []
    while monday <= last:
        weeks.append((monday, counts.get(monday, {})))
        monday += timedelta(weeks=1)
    return weeks


def first_response_trend(leads, first, last):
    """[(week's Monday, median hours to the first response, share within the two-hour target)]."""
    waits = {}
    for created, responded in leads.exclude(first_response_at__isnull=True).values_list("created_at",
                                                                                          "first_response_at"):
        local = timezone.localtime(created).date()
        waits.setdefault(local - timedelta(days=local.weekday()), []).append((responded - created).total_seconds())
    target = FIRST_CALL_WITHIN.total_seconds()
    return [(monday, round(statistics.median(values) / 3600, 1), sum(v <= target for v in values) / len(values))
            for monday, values in sorted(waits.items())]


def enrolling_sources(times):
    """{article id: enrolled leads} among the leads that came from an article."""
    counts = {}
    for data in times.values():
        if "enrolled" in data["reached"] and data["article"]:
            counts[data["article"]] = counts.get(data["article"], 0) + 1
    return counts


def by_paper(enrolling, articles):
    """[(paper's short name, enrolled leads)] from enrolling_sources() and those articles (each with its
    primary relevance read), the most first; articles filed under no paper count as "No paper"."""
    totals = {}
    for pk, count in enrolling.items():
        article = articles.get(pk)
        if article is not None:
            relevance = article.primary_relevance
            name = relevance.paper.short_name if relevance else "No paper"
            totals[name] = totals.get(name, 0) + count
    return sorted(totals.items(), key=lambda row: (-row[1], row[0]))
