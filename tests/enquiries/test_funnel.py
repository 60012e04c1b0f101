"""The counselling funnel on constructed leads whose figures are known: conversion at each step and the
median time between steps, per counsellor and per origin; a counsellor sees only their own; bad ranges
say so."""

from datetime import timedelta

import pytest
from django.utils import timezone

from enquiries import funnel
from enquiries.models import Enquiry, FollowUp
from tests.factories import EnquiryFactory, full_article, staff_user

pytestmark = pytest.mark.django_db
FUNNEL = "/admin/enquiries/enquiry/funnel/"


@pytest.fixture
def leads():
    """Four leads of two days ago: asha's L1 answered in 1 h, demo 4 h later, enrolled a day after; asha's
    L2 answered in 3 h, demo a day later; bala's L3 answered in 1 h, not interested; bala's L4 unanswered."""
    asha, bala = staff_user("asha", role="Counsellor"), staff_user("bala", role="Counsellor")
    start = timezone.now() - timedelta(days=2)
    article = full_article(title="Finance Commission explained")

    def lead(owner, origin, responded_after, status=Enquiry.Status.CONTACTED, **kwargs):
        return EnquiryFactory(owner=owner, origin=origin, status=status, created_at=start,
                              first_response_at=start + timedelta(hours=responded_after) if responded_after else None,
                              **kwargs)

    l1 = lead(asha, Enquiry.Origin.ARTICLE, 1, Enquiry.Status.ENROLLED, source_article=article)
    l2 = lead(asha, Enquiry.Origin.FORM, 3, Enquiry.Status.VISITED)
    lead(bala, Enquiry.Origin.FORM, 1, Enquiry.Status.NOT_INTERESTED)
    lead(bala, Enquiry.Origin.PRACTICE, None, Enquiry.Status.NEW)
    for enquiry, hours, outcome in ((l1, 5, "demo_booked"), (l1, 29, "enrolled"), (l2, 27, "demo_booked")):
        FollowUp.objects.create(enquiry=enquiry, at=start + timedelta(hours=hours), outcome=outcome, by=asha)
    return asha, bala, article


def test_conversion_and_median_times_are_computed_as_defined(leads):
    """New 4; contacted 3 (75 %, median 1 h); interested 2 (67 %, median 14 h); enrolled 1 (50 %, 24 h);
    one closed."""
    today = timezone.localdate()
    leads = funnel.leads_in(today - timedelta(days=7), today)
    steps, closed = funnel.overall(leads)

    found = [(step.stage, step.leads, None if step.conversion is None else round(step.conversion, 2),
              step.median_hours) for step in steps]

    assert found == [("new", 4, None, None), ("contacted", 3, 0.75, 1.0), ("interested", 2, 0.67, 14.0),
                     ("enrolled", 1, 0.5, 24.0)]
    assert closed == 1
    by_origin = funnel.grouped(leads, "source")
    assert [step.leads for step in by_origin["form"]] == [2, 2, 1, 0]


def test_a_manager_sees_every_counsellor_and_a_counsellor_only_their_own(client, leads):
    """The manager's page splits by counsellor and names the enrolling article; asha's page counts her two
    leads only and has no per-counsellor part."""
    asha, bala, article = leads
    client.force_login(staff_user("meena", role="Counselling manager"))
    managers = " ".join(client.get(FUNNEL).content.decode().split())
    client.force_login(asha)
    hers = " ".join(client.get(FUNNEL).content.decode().split())

    assert "By counsellor" in managers and "<h3>asha</h3>" in managers and "<h3>bala</h3>" in managers
    enrolled_part = managers.split("Articles and papers whose leads enrolled")[1]
    assert "<strong>GS2</strong> 1" in enrolled_part and "Finance Commission explained" in enrolled_part
    assert "Your counselling funnel" in hers and "By counsellor" not in hers
    assert '<th scope="row">New</th><td>2</td>' in hers


@pytest.mark.parametrize("query, message", [
    ("from=2024-03-10&to=2024-03-01", "The first date comes after the last"),
    ("from=1900-01-01&to=2024-01-01", "Choose dates between 2020 and today"),
    ("from=2020-01-01&to=2024-12-31", "Choose at most three years"),
    ("from=yesterday", "Write the dates as 2024-03-01"),
])
def test_a_bad_range_is_said_and_the_last_twelve_weeks_shown(client, leads, query, message):
    """Reversed, absurd, too long or malformed ranges each get a message, never an error page."""
    client.force_login(staff_user("meena", role="Counselling manager"))

    response = client.get(f"{FUNNEL}?{query}", follow=True)

    assert response.status_code == 200 and message in response.content.decode()


def test_the_funnel_downloads_as_csv(client, leads):
    """The CSV holds the four steps with their conversions and median hours."""
    client.force_login(staff_user("meena", role="Counselling manager"))

    lines = client.get(f"{FUNNEL}?format=csv").content.decode().splitlines()

    assert lines[0] == "stage,leads,conversion from the step before,median hours from the step before"
    assert lines[2] == "Contacted,3,0.75,1.0" and lines[4] == "Enrolled,1,0.50,24.0"


def test_a_median_of_an_even_count_lies_halfway_between_the_middle_two(leads):
    """Three more leads answered in 2, 4 and 4 hours make the contacted step's waits 1, 1, 2, 3, 4 and 4
    hours: the median of six is halfway between 2 and 3, on SQLite as on PostgreSQL."""
    asha, _, _ = leads
    start = timezone.now() - timedelta(days=2)
    for hours in (2, 4, 4):
        EnquiryFactory(owner=asha, created_at=start, first_response_at=start + timedelta(hours=hours))
    today = timezone.localdate()

    steps, _ = funnel.overall(funnel.leads_in(today - timedelta(days=7), today))

    assert steps[1].leads == 6 and steps[1].median_hours == 2.5


def test_each_lead_keeps_the_moment_its_first_follow_up_reached_each_step(leads):
    """A demo booked, then one recorded as earlier, then an enrolment: the lead's interested moment is the
    earliest demo, its enrolled moment the enrolment; a later demo moves neither."""
    asha, _, _ = leads
    lead = EnquiryFactory(owner=asha)
    now = timezone.now()
    for hours_ago, outcome in ((30, "demo_booked"), (40, "demo_booked"), (10, "enrolled"), (5, "demo_booked")):
        FollowUp.objects.create(enquiry=lead, at=now - timedelta(hours=hours_ago), outcome=outcome, by=asha)

    lead.refresh_from_db()
    assert lead.interested_at == now - timedelta(hours=40) and lead.enrolled_at == now - timedelta(hours=10)


def test_each_week_counts_its_leads_by_origin_and_its_first_responses(leads):
    """The week of the constructed leads: two from the form, one from an article, one from practice; answered
    in 1, 3 and 1 hours, so median 1 h and two of three in time; every other week is there, empty."""
    today = timezone.localdate()
    first = today - timedelta(days=20)

    weeks = funnel.weekly(funnel.leads_in(first, today), first, today)

    created = timezone.localtime(timezone.now() - timedelta(days=2)).date()
    monday = created - timedelta(days=created.weekday())
    assert [(week.monday, week.sources, week.median_hours, week.within_target) for week in weeks
            if week.median_hours is not None] == [(monday, {"form": 2, "article": 1, "practice": 1}, 1.0, 2 / 3)]
    assert [week.monday for week in weeks] == list(funnel.weeks_of(first, today)) and len(weeks) >= 3


def test_each_chart_downloads_its_own_numbers(client, leads):
    """The weekly leads by origin and the weekly first responses each have a CSV of what they draw; the
    page links to both and draws the trend against the two-hour target."""
    client.force_login(staff_user("meena", role="Counselling manager"))
    created = timezone.localtime(timezone.now() - timedelta(days=2)).date()
    monday = (created - timedelta(days=created.weekday())).isoformat()

    page = client.get(FUNNEL).content.decode()
    weeks = client.get(f"{FUNNEL}?format=csv&part=weeks").content.decode().splitlines()
    trend = client.get(f"{FUNNEL}?format=csv&part=trend").content.decode().splitlines()

    assert "part=weeks" in page and "part=trend" in page and "against the 2-hour target" in page
    assert weeks[0] == ('week of,The enquiry form,"The enquiry form, from an article",A Prelims practice result,'
                        'A reviewed Mains answer,A call,A walk-in,WhatsApp,Logged by staff')
    assert f"{monday},2,1,1,0,0,0,0,0" in weeks
    assert trend == ["week of,median hours,share within two hours", f"{monday},1.0,0.67"]


def test_the_articles_that_brought_most_enrolments_are_listed_first_and_every_one_counts_for_its_paper(leads):
    """Three more enrolled leads from a second article put it first; a third article, filed under no paper,
    counts as "No paper"; with room for one article only the first is listed, the papers still count all."""
    asha, _, article = leads
    popular = full_article(title="Monsoon forecast", slug="monsoon-forecast")
    unfiled = full_article(title="Unfiled note", slug="unfiled-note")
    unfiled.relevances.all().delete()
    for source in (popular, popular, popular, unfiled):
        EnquiryFactory(owner=asha, origin=Enquiry.Origin.ARTICLE, source_article=source,
                       status=Enquiry.Status.ENROLLED)
    today = timezone.localdate()
    leads_now = funnel.leads_in(today - timedelta(days=7), today)

    assert funnel.enrolling_sources(leads_now) == [(popular.pk, 3), (article.pk, 1), (unfiled.pk, 1)]  # ties: oldest first
    assert funnel.enrolling_sources(leads_now, count=1) == [(popular.pk, 3)]
    assert funnel.enrolling_papers(leads_now) == [("GS2", 4), ("No paper", 1)]


def test_leads_logged_by_staff_are_told_apart_by_how_the_person_reached_us(client, leads):
    """A call, a walk-in and a WhatsApp message logged by a counsellor each have their own part of the weekly
    chart and their own funnel."""
    asha, _, _ = leads
    for channel in (Enquiry.Channel.PHONE, Enquiry.Channel.PHONE, Enquiry.Channel.WALK_IN, Enquiry.Channel.WHATSAPP):
        EnquiryFactory(owner=asha, origin=Enquiry.Origin.STAFF, channel=channel)
    today = timezone.localdate()
    leads_now = funnel.leads_in(today - timedelta(days=7), today)
    client.force_login(staff_user("meena", role="Counselling manager"))

    by_source = funnel.grouped(leads_now, "source")
    this_week = funnel.weekly(leads_now, today, today)[0].sources
    page = client.get(FUNNEL).content.decode()

    assert [by_source[key][0].leads for key in ("call", "walk_in", "whatsapp")] == [2, 1, 1]
    assert (this_week["call"], this_week["walk_in"], this_week["whatsapp"]) == (2, 1, 1)
    assert "<h3>A call</h3>" in page and "<h3>A walk-in</h3>" in page and "<h3>WhatsApp</h3>" in page
