"""Every dashboard costs a fixed number of queries, the same for a little data as for more (the admin's own
reads included: session, user, authenticator, permissions)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import ArticleReadership
from enquiries.models import Enquiry, FollowUp
from tests.factories import EditionFactory, EnquiryFactory, full_article, staff_user
from tests.practice.factories import question
from tests.practice.test_item_analysis import answer, attempts_scoring

pytestmark = pytest.mark.django_db


def add_season(number):
    """`number` more published articles with readers and a question answered 20 times, and leads."""
    today = timezone.localdate()
    edition = EditionFactory(year=today.year, month=today.month) if number == 1 else None
    from articles.models import Edition

    edition = edition or Edition.objects.get(year=today.year, month=today.month)
    counsellor = staff_user(f"counsellor{number}", role="Counsellor")
    for n in range(number):
        article = full_article(title=f"Season {number}.{n}", slug=f"season-{number}-{n}", edition=edition)
        ArticleReadership.objects.create(article=article, day=today, source="home", views=n + 1)
        item = question(article, f"Question {number}.{n}?")
        for rank, attempt in enumerate(attempts_scoring(article, range(20))):
            attempt.device, attempt.submission = f"{number}-{n}-{rank}", f"{number}-{n}-{rank}"
            attempt.save()
            answer(attempt, item, "a" if rank % 2 else "b")
        lead = EnquiryFactory(owner=counsellor, origin=Enquiry.Origin.ARTICLE, source_article=article,
                              status=Enquiry.Status.ENROLLED, created_at=timezone.now() - timedelta(days=2),
                              first_response_at=timezone.now() - timedelta(days=1))
        FollowUp.objects.create(enquiry=lead, outcome="enrolled", by=counsellor)


@pytest.mark.parametrize("who, address, expected", [
    # + the twelve months, the published counts, the topics (a month being prepared adds its planned counts)
    ("editor", "/admin/articles/article/coverage/", 8),
    # + the going-live articles with their primary relevances, the approved ones waiting (none here), the
    # month's releases
    ("editor", "/admin/articles/article/calendar/", 9),
    # + the stored figures' questions and their options (the figures are added up by a timer)
    ("editor", "/admin/practice/question/item-analysis/", 7),
    # + the funnel, per counsellor and per origin, the counsellors, the weeks (leads by origin and first
    # responses), the top enrolling articles with their primary relevances, the enrolments per paper
    ("manager", "/admin/enquiries/enquiry/funnel/", 14),
])
def test_each_dashboard_costs_the_same_few_queries_for_more_data(client, who, address, expected,
                                                                django_assert_num_queries):
    """One season, then three more: the same count of queries."""
    people = {"editor": staff_user("meera", role="Editor"), "manager": staff_user("meena", role="Counselling manager")}
    add_season(1)
    client.force_login(people[who])
    client.get(address)
    with CaptureQueriesContext(connection) as first:
        assert client.get(address).status_code == 200
    add_season(3)

    with django_assert_num_queries(len(first)):
        assert client.get(address).status_code == 200
    assert len(first) == expected
