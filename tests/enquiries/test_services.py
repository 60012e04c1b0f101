from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from enquiries.models import Enquiry, FollowUp
from enquiries.services import enquiry_create, follow_up_logged
from tests.factories import EnquiryFactory, staff_user

pytestmark = pytest.mark.django_db


def create(phone="98765 43210", **extra):
    return enquiry_create(name="Aditi Sharma", phone=phone, consent_given=True, **extra)


@pytest.fixture
def counsellors():
    return [staff_user(name, role="Counsellor", email=f"{name}@example.com") for name in ("asha", "bala", "chitra")]


def test_a_repeat_from_the_same_phone_within_90_days_is_merged(counsellors, course):
    """A second enquiry from a phone with an open lead adds a repeat and an activity line, not a new lead."""
    first, created = create(course=course)
    again, created_again = create(phone="+91 98765 43210", message="Any evening batch?")

    assert created and not created_again
    assert again.pk == first.pk
    lead = Enquiry.objects.get()
    assert lead.repeat_count == 1
    assert lead.activities.last().text == "Enquired again (Web form, Any evening batch?)."


def test_a_phone_whose_lead_is_closed_or_older_than_90_days_gets_a_new_lead(counsellors):
    """Closed leads and leads older than 90 days are not merged into."""
    EnquiryFactory(phone="+919876543210", status="enrolled")
    EnquiryFactory(phone="+919876543210", created_at=timezone.now() - timedelta(days=91))

    lead, created = create()

    assert created and Enquiry.objects.count() == 3


def test_new_leads_go_round_robin_to_active_counsellors(counsellors):
    """Leads are assigned to each active counsellor in turn; inactive counsellors are skipped."""
    staff_user("dormant", role="Counsellor", is_active=False)

    owners = [create(phone=f"98765 4321{n}")[0].owner.username for n in range(4)]

    assert owners == ["asha", "bala", "chitra", "asha"]


def test_the_owner_is_emailed_after_the_lead_is_saved(counsellors, django_capture_on_commit_callbacks):
    """The assigned counsellor gets an email with the lead's details and a link to it."""
    with django_capture_on_commit_callbacks(execute=True):
        lead, _ = create(message="Weekend batch?")

    assert [m.to for m in mail.outbox] == [["asha@example.com"]]
    assert "+919876543210" in mail.outbox[0].body and "Weekend batch?" in mail.outbox[0].body
    assert f"/admin/enquiries/enquiry/{lead.pk}/change/" in mail.outbox[0].body
    lead.refresh_from_db()
    assert lead.notified_at is not None


def test_an_email_outage_keeps_the_lead_and_notify_pending_sends_it_later(
        counsellors, django_capture_on_commit_callbacks, capsys):
    """If mail fails the lead is saved with the error noted; notify_pending then delivers it."""
    with mock.patch("enquiries.notifications.send_mail", side_effect=OSError("SMTP down")), \
            django_capture_on_commit_callbacks(execute=True):
        lead, _ = create()

    lead.refresh_from_db()
    assert Enquiry.objects.count() == 1 and lead.notified_at is None and "SMTP down" in lead.notify_error
    assert mail.outbox == []

    call_command("notify_pending")

    lead.refresh_from_db()
    assert [m.to for m in mail.outbox] == [["asha@example.com"]]
    assert lead.notified_at is not None and lead.notify_error == ""
    assert "Sent 1 pending lead notification(s); 0 still failing." in capsys.readouterr().out


def test_invalid_data_is_refused_and_nothing_is_stored(counsellors):
    """The service validates too: a landline or missing consent stores nothing."""
    with pytest.raises(ValidationError):
        create(phone="011 2345 6789")
    with pytest.raises(ValidationError, match="Tick the box"):
        enquiry_create(name="Aditi", phone="9876543210", consent_given=False)

    assert not Enquiry.objects.exists()


def test_phone_and_walk_in_leads_may_be_logged_without_web_consent(counsellors):
    """A counsellor logging a call records the channel and number called, and owns the lead."""
    from tests.factories import CallUsNumberFactory

    desk = CallUsNumberFactory(number="+919606900005")
    lead, _ = enquiry_create(name="Karthik", phone="9876543210", consent_given=False, channel="phone",
                             call_us_number=desk, owner=counsellors[2])

    assert (lead.channel, lead.call_us_number, lead.owner) == ("phone", desk, counsellors[2])
    assert lead.activities.first().text == "Received via phone call (call to +91 9606900005)."


def test_first_follow_up_records_the_first_response_time_and_next_due(counsellors):
    """Logging the first call sets the first-response time, the next due time and the status."""
    lead = EnquiryFactory(created_at=timezone.now() - timedelta(hours=2))
    tomorrow = timezone.now() + timedelta(days=1)

    first = FollowUp.objects.create(enquiry=lead, outcome="call_back", next_due_at=tomorrow)
    follow_up_logged(first)
    second = FollowUp.objects.create(enquiry=lead, outcome="enrolled", at=timezone.now() + timedelta(hours=1))
    follow_up_logged(second)

    lead.refresh_from_db()
    assert lead.first_response_at == first.at
    assert lead.status == "enrolled" and lead.next_follow_up_at is None


def test_due_filters_split_overdue_today_and_this_week():
    """Overdue is before today, today is today, this week is the next seven days; closed leads are never due."""
    now = timezone.localtime()
    start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    overdue = EnquiryFactory(next_follow_up_at=start - timedelta(hours=1))
    today = EnquiryFactory(next_follow_up_at=start + timedelta(hours=12))
    later = EnquiryFactory(next_follow_up_at=start + timedelta(days=3))
    EnquiryFactory(next_follow_up_at=start - timedelta(days=2), status="enrolled")

    assert list(Enquiry.objects.due_overdue(now)) == [overdue]
    assert list(Enquiry.objects.due_today(now)) == [today]
    assert set(Enquiry.objects.due_this_week(now)) == {today, later}


def test_follow_up_urgency_uses_the_same_boundaries_as_the_due_filters():
    """The coloured column says overdue/today/later exactly where the due filters split, and nothing for closed leads."""
    now = timezone.localtime()
    start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    leads = {
        "overdue": EnquiryFactory(next_follow_up_at=start - timedelta(minutes=1)),
        "today": EnquiryFactory(next_follow_up_at=start),
        "later": EnquiryFactory(next_follow_up_at=start + timedelta(days=1)),
        None: EnquiryFactory(next_follow_up_at=start, status="enrolled"),
    }

    assert {label: lead.follow_up_urgency(now) for label, lead in leads.items()} == {
        "overdue": "overdue", "today": "today", "later": "later", None: None}
    assert list(Enquiry.objects.due_overdue(now)) == [leads["overdue"]]
    assert list(Enquiry.objects.due_today(now)) == [leads["today"]]
