from datetime import timedelta
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone
from mailer.models import Message

from enquiries.models import Enquiry
from enquiries.selectors import counsellors as counsellors_query
from enquiries.services import (NOTE_MAX_LENGTH, enquiry_add_note, enquiry_assign, enquiry_create, enquiry_erase,
                                 enquiry_set_status, follow_up_record, leads_return_from)
from tests.conftest import sent_mail
from tests.factories import EnquiryFactory, staff_user

pytestmark = pytest.mark.django_db


def create(phone="98765 43210", **extra):
    return enquiry_create(name="Aditi Sharma", phone=phone, consent_given=True, **extra)


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


def test_the_owner_is_emailed_by_the_mail_worker_after_the_lead_is_saved(counsellors):
    """Saving a lead writes no mail on the request path; the mail worker then emails the assigned counsellor
    a link to the lead with none of the student's details, once."""
    lead, _ = create(message="Weekend batch?", email="aditi@example.com")

    assert Message.objects.count() == 0 and lead.notified_at is None
    outbox = sent_mail()
    assert [m.to for m in outbox] == [["asha@example.com"]]
    assert outbox[0].subject == f"New enquiry #{lead.pk} (no course chosen)"
    for detail in ["Aditi", "Sharma", "9876543210", "98765 43210", "Weekend batch?", "aditi@example.com"]:
        assert detail not in outbox[0].body and detail not in outbox[0].subject
    assert f"/admin/enquiries/enquiry/{lead.pk}/change/" in outbox[0].body
    lead.refresh_from_db()
    assert lead.notified_at is not None
    assert len(sent_mail()) == 1  # the next round finds nothing new


def test_mail_that_cannot_be_queued_is_noted_on_the_lead_and_sent_by_a_later_round(counsellors, capsys):
    """If the mail cannot even be queued the lead keeps the error and stays pending; notify_pending (or the
    worker's next round) then queues it."""
    lead, _ = create()
    with mock.patch("enquiries.notifications.send_mail", side_effect=OSError("queue unavailable")), \
            pytest.raises(SystemExit):
        call_command("notify_pending")

    lead.refresh_from_db()
    assert Enquiry.objects.count() == 1 and lead.notified_at is None and "queue unavailable" in lead.notify_error
    assert "Sent 0 pending lead notification(s); 1 still failing." in capsys.readouterr().out

    call_command("notify_pending")

    lead.refresh_from_db()
    assert [m.to for m in sent_mail()] == [["asha@example.com"]]
    assert lead.notified_at is not None and lead.notify_error == ""
    assert "Sent 1 pending lead notification(s); 0 still failing." in capsys.readouterr().out


def test_a_counsellor_without_an_email_address_is_not_mailed_and_the_lead_stays_theirs(counsellors):
    """A lead whose counsellor has no address is assigned as usual and never makes the worker fail."""
    counsellors[0].email = ""
    counsellors[0].save()

    lead, _ = create()

    assert lead.owner == counsellors[0]
    assert sent_mail() == []
    call_command("notify_pending")  # nothing pending, nothing failing: exits normally


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

    first = follow_up_record(enquiry=lead, by=counsellors[0], outcome="call_back", next_due_at=tomorrow)
    follow_up_record(enquiry=lead, by=counsellors[0], outcome="enrolled", at=timezone.now() + timedelta(hours=1))

    lead.refresh_from_db()
    assert lead.first_response_at == first.at
    assert lead.status == "enrolled" and lead.next_follow_up_at is None


def test_due_filters_split_overdue_today_and_this_week():
    """Overdue is any time already past (even earlier today), today is the rest of today, this week the next
    seven days; closed leads are never due."""
    now = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    overdue_this_morning = EnquiryFactory(next_follow_up_at=now - timedelta(hours=1))
    overdue_yesterday = EnquiryFactory(next_follow_up_at=now - timedelta(days=1))
    today = EnquiryFactory(next_follow_up_at=now + timedelta(hours=3))
    later = EnquiryFactory(next_follow_up_at=now + timedelta(days=3))
    EnquiryFactory(next_follow_up_at=now - timedelta(days=2), status="enrolled")

    assert set(Enquiry.objects.due_overdue(now)) == {overdue_this_morning, overdue_yesterday}
    assert list(Enquiry.objects.due_today(now)) == [today]
    assert set(Enquiry.objects.due_this_week(now)) == {today, later}


def test_a_follow_up_is_overdue_the_moment_its_time_passes():
    """A call promised for 11:00 is overdue at 11:01 the same day, not only after midnight."""
    eleven = timezone.localtime().replace(hour=11, minute=0, second=0, microsecond=0)
    lead = EnquiryFactory(next_follow_up_at=eleven)

    assert lead.follow_up_urgency(eleven - timedelta(minutes=1)) == "today"
    assert lead.follow_up_urgency(eleven + timedelta(minutes=1)) == "overdue"
    assert list(Enquiry.objects.due_overdue(eleven + timedelta(minutes=1))) == [lead]
    assert not Enquiry.objects.due_today(eleven + timedelta(minutes=1)).exists()


def test_follow_up_urgency_uses_the_same_boundaries_as_the_due_filters():
    """The coloured column says overdue/today/later exactly where the due filters split, and nothing for closed leads."""
    now = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    midnight = now.replace(hour=0) + timedelta(days=1)
    leads = {
        "overdue": EnquiryFactory(next_follow_up_at=now - timedelta(minutes=1)),
        "today": EnquiryFactory(next_follow_up_at=now),
        "later": EnquiryFactory(next_follow_up_at=midnight),
        None: EnquiryFactory(next_follow_up_at=now, status="enrolled"),
    }

    assert {label: lead.follow_up_urgency(now) for label, lead in leads.items()} == {
        "overdue": "overdue", "today": "today", "later": "later", None: None}
    assert list(Enquiry.objects.due_overdue(now)) == [leads["overdue"]]
    assert list(Enquiry.objects.due_today(now)) == [leads["today"]]


def test_a_follow_up_that_fails_validation_writes_nothing(counsellors):
    """An unknown outcome is refused and neither the follow-up nor the lead changes."""
    lead = EnquiryFactory(owner=counsellors[0])

    with pytest.raises(ValidationError):
        follow_up_record(enquiry=lead, by=counsellors[0], outcome="teleported")

    lead.refresh_from_db()
    assert not lead.follow_ups.exists() and lead.status == "new" and lead.first_response_at is None


@pytest.mark.parametrize("outcome, status", [
    ("enrolled", "enrolled"), ("not_interested", "not_interested"), ("wrong_number", "invalid"),
    ("demo_booked", "visited"), ("reached", "contacted"), ("no_answer", "new"),
])
def test_a_follow_up_outcome_sets_the_lead_status(counsellors, outcome, status):
    """Each outcome without a next date moves a new lead to the status it implies; "no answer" leaves it new."""
    lead = EnquiryFactory(owner=counsellors[0])

    follow_up_record(enquiry=lead, by=counsellors[0], outcome=outcome)

    lead.refresh_from_db()
    assert lead.status == status


def test_a_counsellor_may_take_unassigned_leads_but_not_a_colleagues(counsellors):
    """Assigning a colleague's lead to oneself is refused without the manager's permission, and nothing moves."""
    asha, bala = counsellors[:2]
    free, theirs = EnquiryFactory(owner=None), EnquiryFactory(owner=bala)

    assert enquiry_assign(leads=[free], owner=asha, by=asha) == 1
    with pytest.raises(PermissionDenied):
        enquiry_assign(leads=[free, theirs], owner=asha, by=asha)
    with pytest.raises(PermissionDenied):
        enquiry_assign(leads=[free], owner=bala, by=asha)

    free.refresh_from_db(), theirs.refresh_from_db()
    assert (free.owner, theirs.owner) == (asha, bala)
    assert free.activities.last().text == "Assigned to asha by asha."


def test_a_manager_reassigns_any_lead_and_the_log_says_so(counsellors):
    """A counselling manager moves a counsellor's lead to another and each lead's log names both."""
    manager = staff_user("rohan", role="Counselling manager", first_name="Rohan")
    lead = EnquiryFactory(owner=counsellors[0])

    enquiry_assign(leads=Enquiry.objects.filter(pk=lead.pk), owner=counsellors[1], by=manager)

    lead.refresh_from_db()
    assert lead.owner == counsellors[1]
    assert lead.activities.last().text == "Assigned to bala by Rohan."


def test_setting_a_closed_status_clears_the_follow_up_and_logs_it(counsellors):
    """Marking leads not interested closes them (nothing due) and writes one log line per lead."""
    leads = [EnquiryFactory(owner=counsellors[0]) for _ in range(2)]

    changed = enquiry_set_status(leads=leads, status="not_interested", by=counsellors[0])

    assert changed == 2
    for lead in leads:
        lead.refresh_from_db()
        assert (lead.status, lead.next_follow_up_at) == ("not_interested", None)
        assert lead.activities.last().text == "Marked not interested by asha."


def test_only_a_manager_may_erase_from_the_admin(counsellors):
    """A counsellor's erasure is refused and the lead keeps its data; the commands (by=None) may erase."""
    lead = EnquiryFactory(owner=counsellors[0], name="Keep Me")

    with pytest.raises(PermissionDenied):
        enquiry_erase(leads=Enquiry.objects.all(), by=counsellors[0], reason="test")
    lead.refresh_from_db()
    assert lead.name == "Keep Me"

    assert enquiry_erase(leads=Enquiry.objects.all(), reason="Retention") == 1


def test_owner_dropdowns_and_round_robin_use_the_same_counsellors(counsellors):
    """Only active staff in the Counsellor group receive leads or appear as owners to choose."""
    staff_user("dormant", role="Counsellor", is_active=False)
    staff_user("meera", role="Editor")

    assert [person.username for person in counsellors_query()] == ["asha", "bala", "chitra"]


@pytest.mark.parametrize("age_days, merged", [(89, True), (90, True), (91, False)])
def test_the_merge_window_is_ninety_days_to_the_second(counsellors, age_days, merged):
    """An open lead created 89 or exactly 90 days ago takes the repeat; one 91 days old does not."""
    now = timezone.now()
    old = EnquiryFactory(phone="+919876543210", created_at=now - timedelta(days=age_days))

    with mock.patch("django.utils.timezone.now", return_value=now):
        lead, created = create()

    assert (lead.pk == old.pk, created) == (merged, not merged)


def test_a_repeat_enquiry_refreshes_the_last_enquired_time_and_records_new_consent(counsellors):
    """A repeat moves the lead's last-enquired time (which retention counts from) and stores consent given now."""
    long_ago = timezone.now() - timedelta(days=60)
    old = EnquiryFactory(phone="+919876543210", created_at=long_ago, last_enquired_at=long_ago,
                         consent_given=False, consent_notice_version="", consent_at=None)

    lead, created = create()

    lead.refresh_from_db()
    assert not created and lead.pk == old.pk
    assert lead.last_enquired_at > long_ago + timedelta(days=59)
    assert lead.consent_given and lead.consent_notice_version and lead.consent_at is not None


def test_a_repeat_without_consent_leaves_earlier_consent_in_place(counsellors):
    """A phone lead logged again without consent does not withdraw the consent the web form recorded."""
    first, _ = create()

    again, created = enquiry_create(name="Aditi", phone="98765 43210", consent_given=False, channel="phone")

    again.refresh_from_db()
    assert not created and again.consent_given and again.consent_at == first.consent_at


def test_an_enquiry_with_only_name_phone_and_consent_stores_blank_optional_fields(counsellors):
    """Optional details not given are stored empty, not invented."""
    lead, _ = create()

    lead.refresh_from_db()
    assert (lead.email, lead.city, lead.message, lead.mode, lead.source_page, lead.referrer) == ("",) * 6
    assert (lead.course, lead.call_us_number, lead.source_article) == (None, None, None)
    assert (lead.utm_source, lead.utm_medium, lead.utm_campaign, lead.utm_term, lead.utm_content) == ("",) * 5
    assert (lead.channel, lead.status, lead.repeat_count) == ("web", "new", 0)


def test_every_detail_given_is_stored_tidied(counsellors, course):
    """Names lose extra spaces, text fields are trimmed, and campaign tags are cut to 100 characters."""
    lead, _ = enquiry_create(
        name="  Aditi   Sharma ", phone="98765 43210", consent_given=True, email=" aditi@example.com ",
        course=course, mode="online", city="  Jaipur ", message="  Weekend batch?  ", source_page="/articles/x/",
        referrer="https://www.google.com/", utm={"utm_source": "whatsapp", "utm_campaign": "c" * 150},
    )

    lead.refresh_from_db()
    assert (lead.name, lead.email, lead.city, lead.message) == (
        "Aditi Sharma", "aditi@example.com", "Jaipur", "Weekend batch?")
    assert (lead.course, lead.mode, lead.source_page, lead.referrer) == (
        course, "online", "/articles/x/", "https://www.google.com/")
    assert (lead.utm_source, lead.utm_campaign, lead.utm_medium) == ("whatsapp", "c" * 100, "")
    assert lead.consent_notice_version and lead.consent_at == lead.created_at


@pytest.mark.parametrize("name", [None, "", "   "])
def test_an_enquiry_without_a_name_is_refused(counsellors, name):
    """A missing name is refused on the name field, and nothing is stored."""
    with pytest.raises(ValidationError) as refused:
        enquiry_create(name=name, phone="98765 43210", consent_given=True)

    assert list(refused.value.message_dict) == ["name"]
    assert not Enquiry.objects.exists()


def test_a_bad_phone_is_refused_on_the_phone_field_with_the_normalisers_message(counsellors):
    """An invalid number is reported against "phone" with the message that says what to enter."""
    with pytest.raises(ValidationError) as refused:
        enquiry_create(name="Aditi", phone="12345", consent_given=True)

    assert refused.value.message_dict == {
        "phone": ["This number does not exist: enter a 10-digit Indian mobile number, e.g. 98765 43210."]}


def test_a_web_enquiry_without_consent_is_refused_on_the_consent_field(counsellors):
    """The web form's consent is required, with a message the student understands."""
    with pytest.raises(ValidationError) as refused:
        enquiry_create(name="Aditi", phone="98765 43210", consent_given=False)

    assert refused.value.message_dict == {"consent": ["Tick the box to agree, so that we may call you back."]}
    assert not Enquiry.objects.exists()


def test_an_erased_lead_never_takes_a_repeat_and_the_newest_open_lead_does(counsellors):
    """Repeats go to the newest open lead of that phone; an erased lead is never merged into."""
    now = timezone.now()
    EnquiryFactory(phone="+919876543210", created_at=now - timedelta(days=1), erased_at=now)
    older = EnquiryFactory(phone="+919876543210", created_at=now - timedelta(days=20))
    newer = EnquiryFactory(phone="+919876543210", created_at=now - timedelta(days=5))

    lead, created = create()

    assert not created and lead.pk == newer.pk
    older.refresh_from_db()
    assert older.repeat_count == 0


def test_a_new_leads_log_says_where_it_came_from_and_who_has_it(counsellors):
    """The first log lines name the channel, the page it came from and the counsellor it went to."""
    lead, _ = create(source_page="/papers/gs2/")

    assert list(lead.activities.values_list("text", flat=True)) == [
        "Received via web form (/papers/gs2/).", "Assigned to asha."]


@pytest.mark.parametrize("channel, expected", [
    ("web", "Received via web form."), ("walk_in", "Received via walk-in."), ("whatsapp", "Received via whatsapp."),
])
def test_a_lead_from_nowhere_in_particular_says_only_its_channel(counsellors, channel, expected):
    """Without a page or a number called, the log names only the channel."""
    from tests.factories import CallUsNumberFactory

    number = CallUsNumberFactory() if channel == "walk_in" else None
    lead, _ = enquiry_create(name="Aditi", phone="98765 43210", consent_given=True, channel=channel,
                             consent_by="" if channel == "web" else "spoken", call_us_number=number)

    assert lead.activities.first().text == expected


def test_repeats_are_counted_and_logged_with_their_course_and_message(counsellors, course):
    """Each repeat adds one to the count; the log line names the course and the first 120 characters."""
    create()
    create(course=course, message="m" * 130)
    lead, _ = create()

    lead.refresh_from_db()
    assert lead.repeat_count == 2
    assert list(lead.activities.values_list("text", flat=True))[-2:] == [
        f"Enquired again (Web form, GS Foundation (Prelims + Mains); {'m' * 120}).", "Enquired again (Web form)."]


def test_a_follow_up_keeps_its_note_trimmed_and_no_note_as_empty(counsellors):
    """The counsellor's note is stored as written (trimmed); a missing note is stored empty."""
    lead = EnquiryFactory(owner=counsellors[0])

    noted = follow_up_record(enquiry=lead, by=counsellors[0], outcome="reached", note="  Call after 6 pm. ")
    silent = follow_up_record(enquiry=lead, by=counsellors[0], outcome="no_answer", note=None)
    unsaid = follow_up_record(enquiry=lead, by=counsellors[0], outcome="no_answer")

    for follow_up in (noted, silent, unsaid):
        follow_up.refresh_from_db()
    assert (noted.note, silent.note, unsaid.note) == ("Call after 6 pm.", "", "")


def test_assignment_refusals_say_who_may_do_it(counsellors):
    """A counsellor is told exactly why they may not move a colleague's lead or give a lead away."""
    asha, bala = counsellors[:2]
    theirs, free = EnquiryFactory(owner=bala), EnquiryFactory(owner=None)

    with pytest.raises(PermissionDenied) as taking:
        enquiry_assign(leads=[theirs], owner=asha, by=asha)
    with pytest.raises(PermissionDenied) as giving:
        enquiry_assign(leads=[free], owner=bala, by=asha)

    assert str(taking.value) == ("Some of these leads belong to another counsellor; only a counselling manager "
                                 "can reassign them.")
    assert str(giving.value) == "Only a counselling manager can give leads to someone else."


def test_a_manager_may_unassign_a_lead_and_the_log_says_so(counsellors):
    """Setting no owner leaves the lead unassigned, logged as such."""
    manager = staff_user("rohan", role="Counselling manager", first_name="Rohan")
    lead = EnquiryFactory(owner=counsellors[0])

    enquiry_assign(leads=[lead], owner=None, by=manager)

    lead.refresh_from_db()
    assert lead.owner is None and lead.activities.last().text == "Unassigned by Rohan."


def test_erasure_clears_every_personal_field_counts_each_lead_and_logs_it(counsellors, caplog):
    """Erasing two leads empties name, phone, email, city, message and referrer, and reports 2."""
    import logging

    manager = staff_user("rohan", role="Counselling manager")
    for phone in ("+919876500001", "+919876500002"):
        EnquiryFactory(phone=phone, email="x@example.com", city="Pune", message="Call me", referrer="https://x.in/")

    with caplog.at_level(logging.INFO, logger="enquiries.services"):
        erased = enquiry_erase(leads=Enquiry.objects.all(), by=manager, reason="On request")

    assert erased == 2
    assert set(Enquiry.objects.values_list("name", "phone", "email", "city", "message", "referrer")) == {
        ("Erased", "", "", "", "", "")}
    assert "Erased personal data of 2 lead(s): On request" in caplog.messages


def test_a_counsellors_erasure_is_refused_with_the_reason(counsellors):
    """The refusal says only a counselling manager can erase personal data."""
    with pytest.raises(PermissionDenied) as refused:
        enquiry_erase(leads=Enquiry.objects.all(), by=counsellors[0], reason="test")

    assert str(refused.value) == "Only a counselling manager can erase personal data."


class Outage(Exception):
    """A failure half-way through a write."""


def test_a_follow_up_whose_lead_update_fails_leaves_no_follow_up_behind(counsellors):
    """Recording a follow-up is one write: if bringing the lead up to date fails, the follow-up is not kept."""
    lead = EnquiryFactory(owner=counsellors[0])

    with mock.patch.object(Enquiry, "save", side_effect=Outage), pytest.raises(Outage):
        follow_up_record(enquiry=lead, by=counsellors[0], outcome="reached")

    assert not lead.follow_ups.exists()


def test_an_assignment_that_fails_half_way_moves_no_lead(counsellors):
    """Assigning several leads is all or nothing: a failure on the log leaves every owner as it was."""
    leads = [EnquiryFactory(owner=None) for _ in range(2)]

    with mock.patch("enquiries.services.Activity.objects.create", side_effect=Outage), pytest.raises(Outage):
        enquiry_assign(leads=leads, owner=counsellors[0], by=counsellors[0])

    assert not Enquiry.objects.filter(owner__isnull=False).exists()


def test_a_status_change_whose_log_fails_changes_no_status(counsellors):
    """Marking leads is all or nothing: if the log lines cannot be written, the status stays."""
    lead = EnquiryFactory(owner=counsellors[0])

    with mock.patch("enquiries.services.Activity.objects.bulk_create", side_effect=Outage), pytest.raises(Outage):
        enquiry_set_status(leads=[lead], status="enrolled", by=counsellors[0])

    lead.refresh_from_db()
    assert lead.status == "new"


def test_an_erasure_whose_log_fails_erases_nothing(counsellors):
    """Erasure and its record go together: if the erasure log cannot be written, no data is erased."""
    EnquiryFactory(name="Keep Me")

    with mock.patch("enquiries.services.ErasureLog.objects.create", side_effect=Outage), pytest.raises(Outage):
        enquiry_erase(leads=Enquiry.objects.all(), reason="Retention")

    assert Enquiry.objects.get().name == "Keep Me"


def test_a_counsellor_may_not_change_the_status_of_a_colleagues_lead(counsellors):
    """Marking a colleague's lead is refused with the reason, and no lead in the batch moves."""
    asha, bala = counsellors[:2]
    mine, theirs = EnquiryFactory(owner=asha), EnquiryFactory(owner=bala)

    with pytest.raises(PermissionDenied) as refused:
        enquiry_set_status(leads=[mine, theirs], status="enrolled", by=asha)

    assert str(refused.value) == ("Some of these leads belong to another counsellor; only a counselling manager "
                                  "can change them.")
    assert set(Enquiry.objects.values_list("status", flat=True)) == {"new"}


def test_a_counsellor_may_not_log_a_follow_up_on_a_colleagues_lead(counsellors):
    """A follow-up on a colleague's lead is refused and nothing is recorded; unassigned leads are open to all."""
    asha, bala = counsellors[:2]
    theirs, free = EnquiryFactory(owner=bala), EnquiryFactory(owner=None)

    with pytest.raises(PermissionDenied):
        follow_up_record(enquiry=theirs, by=asha, outcome="reached")
    follow_up_record(enquiry=free, by=asha, outcome="reached")

    assert not theirs.follow_ups.exists()
    assert free.follow_ups.count() == 1


def test_a_manager_changes_any_leads_status(counsellors):
    """A counselling manager marks and follows up any counsellor's lead."""
    manager = staff_user("rohan", role="Counselling manager", first_name="Rohan")
    lead = EnquiryFactory(owner=counsellors[0])

    follow_up_record(enquiry=lead, by=manager, outcome="reached")
    enquiry_set_status(leads=[lead], status="enrolled", by=manager)

    lead.refresh_from_db()
    assert lead.status == "enrolled"


def test_a_status_change_by_follow_up_is_written_to_the_log(counsellors):
    """A follow-up whose outcome moves the lead writes the old and new status to the lead's log; one that
    leaves the status as it was writes no status line."""
    lead = EnquiryFactory(owner=counsellors[0])

    follow_up_record(enquiry=lead, by=counsellors[0], outcome="no_answer")
    follow_up_record(enquiry=lead, by=counsellors[0], outcome="demo_booked", kind="whatsapp")

    assert [activity.text for activity in lead.activities.order_by("pk")] == [
        "Status new → visited / demo (WhatsApp by asha)."]


def test_a_new_lead_is_due_for_its_first_call_within_two_hours(counsellors):
    """A new lead is not overdue on arrival; two hours later, still uncalled, it is."""
    from enquiries.services import FIRST_CALL_WITHIN

    lead, _ = create()

    assert lead.next_follow_up_at == lead.created_at + FIRST_CALL_WITHIN
    assert lead.follow_up_urgency(lead.created_at) != "overdue"
    assert lead.follow_up_urgency(lead.created_at + FIRST_CALL_WITHIN + timedelta(minutes=1)) == "overdue"


def test_a_counsellor_is_not_emailed_about_a_lead_they_logged_themselves(counsellors, django_capture_on_commit_callbacks):
    """A phone lead logged by a counsellor is theirs, sends no mail, and notify_pending leaves it alone."""
    with django_capture_on_commit_callbacks(execute=True):
        lead, _ = enquiry_create(name="Aditi Sharma", phone="98765 43210", consent_given=False,
                                 channel=Enquiry.Channel.PHONE, owner=counsellors[1])
    call_command("notify_pending")

    assert lead.owner == counsellors[1]
    assert sent_mail() == []


def test_leads_go_only_to_active_members_of_the_counselling_team(counsellors):
    """Assigning to an editor, to a deactivated counsellor or to a superuser outside the team is refused;
    counsellors and counselling managers may own leads, and the dropdowns list exactly them."""
    from enquiries.selectors import lead_owners

    manager = staff_user("rohan", role="Counselling manager")
    editor = staff_user("meera", role="Editor")
    gone = staff_user("dev", role="Counsellor", is_active=False)
    root = staff_user("root", is_superuser=True)
    lead = EnquiryFactory(owner=None)

    for outsider in (editor, gone, root):
        with pytest.raises(PermissionDenied) as refused:
            enquiry_assign(leads=[lead], owner=outsider, by=manager)
        assert "is not an active member of the counselling team" in str(refused.value)
    enquiry_assign(leads=[lead], owner=manager, by=manager)

    assert set(lead_owners()) == {*counsellors, manager}
    lead.refresh_from_db()
    assert lead.owner == manager


def test_a_deactivated_counsellors_open_leads_return_to_the_unassigned_queue(counsellors):
    """Deactivating a counsellor unassigns their open leads (logged on each); closed ones keep their owner."""
    asha = counsellors[0]
    open_lead, closed_lead = EnquiryFactory(owner=asha), EnquiryFactory(owner=asha, status="enrolled")

    asha.is_active = False
    asha.save()

    open_lead.refresh_from_db(), closed_lead.refresh_from_db()
    assert open_lead.owner is None and closed_lead.owner == asha
    assert open_lead.activities.last().text == "Back in the unassigned queue: asha no longer works leads."


def test_leaving_the_counselling_roles_returns_open_leads_too(counsellors):
    """Taking a counsellor out of the Counsellor group hands their open leads back."""
    from django.contrib.auth.models import Group

    bala = counsellors[1]
    lead = EnquiryFactory(owner=bala)

    bala.groups.remove(Group.objects.get(name="Counsellor"))

    lead.refresh_from_db()
    assert lead.owner is None


def test_signing_in_is_not_mistaken_for_leaving_the_team(counsellors):
    """A save of last_login alone (what signing in does) leaves the counsellor's leads where they are."""
    asha = counsellors[0]
    lead = EnquiryFactory(owner=asha)
    type(asha).objects.filter(pk=asha.pk).update(is_active=False)  # deactivated behind the signal's back
    asha.last_login = timezone.now()

    asha.save(update_fields=["last_login"])

    lead.refresh_from_db()
    assert lead.owner == asha


@pytest.mark.parametrize("text", ["", "   \n\t ", None])
def test_an_empty_note_is_refused_and_nothing_is_written(counsellors, text):
    """A note of nothing but spaces (or none at all) is refused with what to do, and the log is unchanged."""
    lead, _ = create()
    before = lead.activities.count()

    with pytest.raises(ValidationError) as refused:
        enquiry_add_note(enquiry=lead, by=counsellors[1], text=text)

    assert refused.value.message_dict == {"note": ["Write the note first."]}
    assert lead.activities.count() == before


def test_a_note_may_be_as_long_as_the_log_allows_and_no_longer(counsellors):
    """A note of NOTE_MAX_LENGTH characters (spaces tidied) is written whole; one more character is refused
    with the limit named."""
    lead, _ = create()

    written = enquiry_add_note(enquiry=lead, by=counsellors[1], text="  " + "n" * NOTE_MAX_LENGTH + "  ")
    with pytest.raises(ValidationError) as refused:
        enquiry_add_note(enquiry=lead, by=counsellors[1], text="n" * (NOTE_MAX_LENGTH + 1))

    assert written.text == "Note from bala: " + "n" * NOTE_MAX_LENGTH
    assert refused.value.message_dict == {"note": [f"Keep the note under {NOTE_MAX_LENGTH} characters."]}


def test_a_lead_logged_with_consent_must_say_how_it_was_given(counsellors):
    """A call logged with consent but not how it was given is refused on that field and stores nothing;
    given how, it is stored with it."""
    with pytest.raises(ValidationError) as refused:
        enquiry_create(name="Ravi", phone="98765 43210", consent_given=True, channel=Enquiry.Channel.PHONE,
                       owner=counsellors[0])
    lead, _ = enquiry_create(name="Ravi", phone="98765 43210", consent_given=True, channel=Enquiry.Channel.PHONE,
                             owner=counsellors[0], consent_by=Enquiry.ConsentBy.SPOKEN)

    assert refused.value.message_dict == {"consent_by": [
        "Say how they gave consent (spoken, WhatsApp, a paper form), or record the lead without marketing consent."]}
    assert Enquiry.objects.count() == 1 and lead.consent_by == "spoken"


def test_fields_left_out_are_stored_empty(counsellors):
    """Email, city and message given as None are stored as empty text, like fields left blank."""
    lead, _ = create(email=None, city=None, message=None)

    lead.refresh_from_db()
    assert (lead.email, lead.city, lead.message, lead.consent_by) == ("", "", "", "web_form")


def test_with_no_active_counsellor_a_lead_waits_unassigned(db):
    """When nobody works leads, a new lead is stored in the unassigned queue rather than lost."""
    lead, created = create()

    assert created and lead.owner is None
    assert list(lead.activities.values_list("text", flat=True)) == ["Received via web form."]


def test_someone_still_working_leads_keeps_them(counsellors):
    """Handing back leads applies only to people who no longer work leads: an active counsellor keeps
    theirs, and none is counted as returned."""
    lead, _ = create()

    assert leads_return_from(lead.owner) == 0
    lead.refresh_from_db()
    assert lead.owner == counsellors[0]


def test_a_counsellor_may_put_their_own_lead_back_in_the_queue(counsellors):
    """Unassigning one's own lead needs no manager: it goes back to the unassigned queue."""
    lead, _ = create()

    enquiry_assign(leads=[lead], owner=None, by=counsellors[0])

    lead.refresh_from_db()
    assert lead.owner is None


def test_leads_go_only_to_people_who_work_them(counsellors):
    """Giving a lead to someone outside the counselling team is refused with who and why."""
    lead, _ = create()
    manager = staff_user("meera", role="Counselling manager", first_name="Meera", last_name="Rao")
    outsider = staff_user("kabir", role="Editor", first_name="Kabir", last_name="Das")

    with pytest.raises(PermissionDenied) as refused:
        enquiry_assign(leads=[lead], owner=outsider, by=manager)

    assert str(refused.value) == ("Kabir Das is not an active member of the counselling team: leads go only to "
                                  "counsellors and counselling managers.")


def test_a_colleagues_lead_cannot_be_followed_up_and_the_refusal_says_so(counsellors):
    """A counsellor logging a call on a colleague's lead is refused, and told who can."""
    lead, _ = create()

    with pytest.raises(PermissionDenied) as refused:
        follow_up_record(enquiry=lead, by=counsellors[1], outcome="reached")

    assert str(refused.value) == ("Some of these leads belong to another counsellor; only a counselling manager "
                                  "can follow them up.")


def test_a_follow_up_keeps_the_time_it_happened_and_no_answer_after_contact_keeps_the_lead_in_follow_up(counsellors):
    """A call logged for an hour ago is recorded at that time; a later unanswered call with a next date puts
    a contacted lead in follow-up (only a new lead stays new)."""
    lead, _ = create()
    an_hour_ago = timezone.now() - timedelta(hours=1)
    follow_up_record(enquiry=lead, by=counsellors[0], outcome="reached", at=an_hour_ago)
    lead.refresh_from_db()
    assert lead.first_response_at == an_hour_ago and lead.status == "contacted"

    follow_up_record(enquiry=lead, by=counsellors[0], outcome="no_answer", next_due_at=timezone.now() + timedelta(days=1))

    lead.refresh_from_db()
    assert lead.status == "follow_up"
