from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import EnquiryFactory, full_article

pytestmark = pytest.mark.django_db


def test_dashboard_shows_today_overdue_mine_median_and_funnels(client, staff):
    """The admin home shows new leads today, overdue follow-ups, my open leads, the median first response and charts."""
    now = timezone.now()
    article = full_article(title="Heatwaves and preparedness")
    EnquiryFactory(owner=staff["counsellor"], created_at=now, source_article=article)
    EnquiryFactory(owner=staff["counsellor"], next_follow_up_at=now - timedelta(days=3),
                   created_at=now - timedelta(days=3), first_response_at=now - timedelta(days=3) + timedelta(hours=2))
    EnquiryFactory(owner=staff["other_counsellor"], created_at=now - timedelta(days=1),
                   first_response_at=now - timedelta(days=1) + timedelta(minutes=40), status="contacted")
    client.force_login(staff["counsellor"])

    page = client.get("/admin/").content.decode()

    assert "<strong>1</strong> new today" in page
    assert "<strong>1</strong> of my follow-ups overdue" in page
    assert "<strong>2</strong> my open leads" in page
    assert "<strong>1 h 20 min</strong> median first response this week" in page
    assert '<span class="bar__label">Heatwaves and preparedness</span>' in page
    assert '<span class="bar__label">Contacted</span>' in page


def test_the_dashboard_counts_open_leads_nobody_owns(client, staff):
    """Leads left without an owner (say, their counsellor left) show on the managers' dashboard with a link."""
    EnquiryFactory(owner=None)
    EnquiryFactory(owner=staff["counsellor"])
    client.force_login(staff["manager"])

    page = client.get("/admin/").content.decode()

    assert "<strong>1</strong> open leads nobody owns" in page
    assert "?leads=open&amp;owner__isnull=True" in page
    listed = client.get("/admin/enquiries/enquiry/?leads=open&owner__isnull=True")
    assert listed.status_code == 200 and listed.context["cl"].result_count == 1
