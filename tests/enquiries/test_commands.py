from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from enquiries.models import Enquiry, ErasureLog, FollowUp
from tests.factories import EnquiryFactory

pytestmark = pytest.mark.django_db


def test_erase_command_removes_personal_data_but_keeps_counts(capsys):
    """erase_enquiry --phone blanks name, number, email and notes on every lead of that number and logs it."""
    lead = EnquiryFactory(name="Aditi", phone="+919876543210", email="a@example.com", message="Call me",
                          status="contacted")
    FollowUp.objects.create(enquiry=lead, outcome="reached", note="Her father answered.")
    other = EnquiryFactory(name="Someone else")

    call_command("erase_enquiry", "--phone", "098765 43210")

    lead.refresh_from_db()
    assert (lead.name, lead.phone, lead.email, lead.message) == ("Erased", "", "", "")
    assert lead.status == "contacted" and lead.erased_at is not None
    assert lead.follow_ups.get().note == "" and not lead.activities.exists()
    assert Enquiry.objects.get(pk=other.pk).name == "Someone else"
    assert Enquiry.objects.count() == 2
    assert ErasureLog.objects.get().leads_erased == 1
    assert "3210" not in ErasureLog.objects.get().reason
    assert "Erased the personal data of 1 lead(s) for the number ending 3210" in capsys.readouterr().out


def test_erase_command_refuses_a_bad_number():
    """An unusable number stops the command with the phone rule's message."""
    with pytest.raises(CommandError, match="Only Indian numbers"):
        call_command("erase_enquiry", "--phone", "+1 415 555 2671")


def test_purge_erases_leads_past_retention_only(capsys):
    """purge_enquiries --older-than 730 erases leads last heard from over 730 days ago and keeps recent ones."""
    old = EnquiryFactory(name="Old", last_enquired_at=timezone.now() - timedelta(days=800))
    recent = EnquiryFactory(name="Recent", last_enquired_at=timezone.now() - timedelta(days=10))

    call_command("purge_enquiries", "--older-than", "730")

    assert Enquiry.objects.get(pk=old.pk).name == "Erased"
    assert Enquiry.objects.get(pk=recent.pk).name == "Recent"
    assert "Erased the personal data of 1 lead(s)" in capsys.readouterr().out
    assert ErasureLog.objects.get().reason == "Retention: last enquiry more than 730 days ago"
