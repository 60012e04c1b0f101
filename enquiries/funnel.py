"""The counselling funnel for managers: leads per week by where they came from, the path new → contacted →
interested → enrolled (or closed) with the conversion at each step and the median time between steps, per
counsellor and per origin, first-response times against the two-hour target, and the articles and papers
whose leads enrol.

A lead reaches "contacted" at its first response, "interested" at its first follow-up that booked a demo or
visit (or enrolled them), "enrolled" at the follow-up that enrolled them (the lead keeps these moments:
Enquiry.first_response_at, interested_at, enrolled_at); "closed" is a lead marked not interested or
invalid. Every figure is added up by the database, so a range of a million leads costs what a week's does
in rows fetched: a handful."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Case, Count, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import TruncWeek
from django.utils import timezone

from articles.models import Relevance
from common.aggregates import Median

from .models import Enquiry
from .services import FIRST_CALL_WITHIN

STAGES = ["new", "contacted", "interested", "enrolled"]
STAGE_LABELS = {"new": "New", "contacted": "Contacted", "interested": "Interested (demo or visit)",
                "enrolled": "Enrolled"}
CLOSED = [Enquiry.Status.NOT_INTERESTED, Enquiry.Status.INVALID]
DEFAULT_WEEKS = 12
TOP_ARTICLES = 20  # the articles listed as bringing enrolments (the papers count them all)
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
    leads = Enquiry.objects.filter(created_at__gte=start, created_at__lt=end, erased_at__isnull=True).order_by()
    return leads.filter(owner=owner) if owner is not None else leads


# When a lead reached each step (its fields), and who counts as having reached it: an enrolled lead whose
# enrolment was marked without a follow-up has reached "enrolled" at a moment unknown.
STAGE_FIELDS = {"new": "created_at", "contacted": "first_response_at", "interested": "interested_at",
                "enrolled": "enrolled_at"}
REACHED = {stage: Q(**{f"{field}__isnull": False}) for stage, field in STAGE_FIELDS.items()}
REACHED["enrolled"] |= Q(status=Enquiry.Status.ENROLLED)


# Where a lead came from, as the funnel tells them apart: its origin, and for a lead logged by staff the way
# the person reached us (a call, a walk-in, WhatsApp).
Origin, Channel = Enquiry.Origin, Enquiry.Channel
SOURCES = {
    "form": (Origin.FORM.label, Q(origin=Origin.FORM)),
    "article": (Origin.ARTICLE.label, Q(origin=Origin.ARTICLE)),
    "practice": (Origin.PRACTICE.label, Q(origin=Origin.PRACTICE)),
    "answer": (Origin.ANSWER.label, Q(origin=Origin.ANSWER)),
    "call": ("A call", Q(origin=Origin.STAFF, channel=Channel.PHONE)),
    "walk_in": ("A walk-in", Q(origin=Origin.STAFF, channel=Channel.WALK_IN)),
    "whatsapp": ("WhatsApp", Q(origin=Origin.STAFF, channel=Channel.WHATSAPP)),
    "staff": ("Logged by staff", Q(origin=Origin.STAFF, channel=Channel.WEB)),
}
SOURCE_LABELS = {key: label for key, (label, _) in SOURCES.items()}
SOURCE = Case(*[When(condition, then=Value(key)) for key, (_, condition) in SOURCES.items()],
              default=Value("staff"))


def _figures():
    """Aggregates of a group of leads: how many reached each step, the median wait from the step before
    (over the leads with both moments), and how many were closed."""
    figures = {stage: Count("pk", filter=reached) for stage, reached in REACHED.items()}
    for previous, stage in zip(STAGES, STAGES[1:]):
        figures[f"{stage}_wait"] = Median(F(STAGE_FIELDS[stage]) - F(STAGE_FIELDS[previous]))
    figures["closed"] = Count("pk", filter=Q(status__in=CLOSED))
    return figures


def _steps(row):
    found = []
    for stage in STAGES:
        before = found[-1].leads if found else None
        wait = row.get(f"{stage}_wait")
        found.append(Step(stage, STAGE_LABELS[stage], row[stage], row[stage] / before if before else None,
                          None if wait is None else round(wait.total_seconds() / 3600, 1)))
    return found


def overall(leads):
    """(the funnel's Steps, how many leads were closed) for these leads, from one query."""
    row = leads.aggregate(**_figures())
    return _steps(row), row["closed"]


def grouped(leads, by):
    """{owner id or source (SOURCES): Steps} for the leads split by `by` ("owner" or "source"), from one
    query."""
    if by == "source":
        leads = leads.annotate(source=SOURCE)
    return {row[by]: _steps(row) for row in leads.values(by).annotate(**_figures()).order_by(by)}


def weeks_of(first, last):
    """The Mondays of the weeks from the one holding `first` to the one holding `last`."""
    monday = first - timedelta(days=first.weekday())
    while monday <= last:
        yield monday
        monday += timedelta(weeks=1)


@dataclass
class Week:
    monday: date
    sources: dict  # {source (SOURCES): leads that arrived}
    median_hours: float | None  # to the first response, None when no lead of the week was answered
    within_target: float | None  # share of the answered leads answered within the two-hour target


def weekly(leads, first, last):
    """[Week] from the week holding `first` to the one holding `last`, from one query."""
    figures = {f"from_{source}": Count("pk", filter=condition) for source, (_, condition) in SOURCES.items()}
    rows = (leads.annotate(week=TruncWeek("created_at")).values("week")
            .annotate(**figures, wait=Median(F("first_response_at") - F("created_at")),
                      answered=Count("first_response_at"),
                      in_time=Count("pk", filter=Q(first_response_at__lte=F("created_at") + FIRST_CALL_WITHIN))))
    found = {}
    for row in rows:
        monday = timezone.localtime(row["week"]).date()
        found[monday] = Week(monday, {source: row[f"from_{source}"] for source in SOURCES if row[f"from_{source}"]},
                             round(row["wait"].total_seconds() / 3600, 1) if row["answered"] else None,
                             row["in_time"] / row["answered"] if row["answered"] else None)
    return [found.get(monday) or Week(monday, {}, None, None) for monday in weeks_of(first, last)]


def enrolling_sources(leads, count=TOP_ARTICLES):
    """[(article id, enrolled leads)]: the articles whose leads enrolled most, at most `count`, from one
    query."""
    return list(leads.filter(REACHED["enrolled"], source_article__isnull=False).values("source_article")
                .annotate(n=Count("pk")).order_by("-n", "source_article").values_list("source_article", "n")[:count])


def enrolling_papers(leads):
    """[(paper's short name, enrolled leads)] over every article whose leads enrolled, by the article's
    primary paper (articles filed under no paper count as "No paper"), the most first, from one query."""
    paper = Relevance.objects.filter(article=OuterRef("source_article"), is_primary=True).values("paper__short_name")
    rows = (leads.filter(REACHED["enrolled"], source_article__isnull=False)
            .annotate(paper=Subquery(paper[:1])).values("paper").annotate(n=Count("pk")).values_list("paper", "n"))
    totals = {}
    for name, n in rows:
        totals[name or "No paper"] = totals.get(name or "No paper", 0) + n
    return sorted(totals.items(), key=lambda row: (-row[1], row[0]))
