"""Erasure on request (DPDP): afterwards the person's details appear in no table, no mail and no log line."""

import logging
import time
from pathlib import Path

import pytest
from django.apps import apps
from django.core import mail
from django.db import connection
from django.utils import timezone
from mailer.models import MessageLog

from enquiries.forms import form_clock
from enquiries.models import Enquiry
from tests.admin_forms import formset
from tests.conftest import sent_mail
from tests.factories import CourseFactory, staff_user

pytestmark = pytest.mark.django_db(transaction=True)

DETAILS = {
    "name": "Vaidehi Kulkarni", "phone": "98211 47365", "email": "vaidehi.k@example.org",
    "city": "Aurangabad-East", "message": "Is the Marathi-medium batch full? Call after 7 pm please.",
    "utm_source": "wa-forward-qz81", "utm_campaign": "kharif-revision-qz81",
    "source_page": "/papers/gs3/?ref=qz81-forward", "referrer": "https://t.me/s/qz81channel",
}
TRACES = ["Vaidehi", "Kulkarni", "9821147365", "98211 47365", "vaidehi.k@example.org", "Aurangabad-East",
          "Marathi-medium", "wa-forward-qz81", "kharif-revision-qz81", "qz81-forward", "qz81channel"]


def everything_stored():
    """Every value of every row of every table, as text (mail bodies decoded)."""
    values = []
    for model in apps.get_models():
        for row in model.objects.all().values():
            values.extend(str(value) for value in row.values())
    for log in MessageLog.objects.all():
        values += [log.email.subject, log.email.body] if log.email else []
    values += [text for message in mail.outbox for text in (message.subject, message.body)]
    return "\n".join(values)


def test_after_erasure_the_persons_details_appear_nowhere(migrated_data, client, caplog):
    """A web enquiry with every detail, a follow-up note, an admin edit and the counsellor's mail leave no
    trace of the person once a manager erases the lead: not in any table, the admin log, the mail or the logs,
    nor (on SQLite) in the write-ahead log."""
    caplog.set_level(logging.DEBUG)
    counsellor = staff_user("asha", role="Counsellor", email="asha@example.com")
    manager = staff_user("rohan", role="Counselling manager")
    course = CourseFactory()
    client.post("/enquiry/", {**{key: value for key, value in DETAILS.items() if key != "source_page"},
                              "source_page": DETAILS["source_page"], "course": course.pk, "mode": "online",
                              "consent": "on", "started": form_clock(opened_at=time.time() - 60)})
    lead = Enquiry.objects.get()
    assert lead.name == "Vaidehi Kulkarni" and lead.utm_source == "wa-forward-qz81" and lead.owner == counsellor
    client.force_login(manager)
    now = timezone.localtime()
    client.get("/admin/enquiries/enquiry/", {"q": "9821147365"})
    client.post(f"/admin/enquiries/enquiry/{lead.pk}/change/", {
        "status": "contacted", "owner": counsellor.pk,
        **formset("follow_ups", [{"at_0": now.strftime("%Y-%m-%d"), "at_1": now.strftime("%H:%M:%S"), "kind": "call",
                                  "outcome": "call_back", "note": "Vaidehi Kulkarni wants the Marathi-medium batch."}]),
        **formset("activities", [{"id": a.pk} for a in lead.activities.all()], initial=lead.activities.count())})
    sent_mail()
    assert "Vaidehi" in everything_stored()  # the details were really stored before

    client.post(f"/admin/enquiries/enquiry/{lead.pk}/erase/")

    stored, logged = everything_stored(), caplog.text
    for trace in TRACES:
        assert trace not in stored, trace
        assert trace not in logged, trace
    lead.refresh_from_db()
    assert lead.erased_at is not None and lead.status == "contacted"
    if connection.vendor == "sqlite":  # old page versions left the write-ahead log at the checkpoint
        wal = Path(connection.settings_dict["NAME"] + "-wal")
        assert not wal.exists() or wal.stat().st_size == 0


def test_erasure_blanks_free_text_elsewhere_that_names_the_number_or_email(migrated_data):
    """A problem report, another student's message and a counsellor's note on another lead that hold the
    erased number (typed any way) or email are blanked with the leads; text that names neither is kept."""
    from enquiries.models import Activity, FollowUp
    from enquiries.services import enquiry_erase
    from practice.models import ProblemReport
    from tests.factories import EnquiryFactory, full_article
    from tests.practice.factories import question

    person = EnquiryFactory(phone="+919821147365", email="Vaidehi.K@example.org")
    friend = EnquiryFactory(message="Enquiring for my friend too: vaidehi.k@EXAMPLE.org")
    other = EnquiryFactory(message="Is there a weekend batch in Pune?")
    FollowUp.objects.create(enquiry=other, at=timezone.now(), outcome="call_back",
                            note="Her cousin asked us to call +91-98211-47365 instead.")
    Activity.objects.create(enquiry=other, text="Phone typed as (0) 98211 47365 on the walk-in sheet.")
    item = question(full_article())
    named = ProblemReport.objects.create(question=item, text="Option C is also right. WhatsApp me on 9821147365")
    unrelated = ProblemReport.objects.create(question=item, text="Option C is also right: see Article 280 and 98211 4")

    enquiry_erase(leads=Enquiry.objects.filter(pk=person.pk), reason="Erasure request")

    friend.refresh_from_db(), other.refresh_from_db(), named.refresh_from_db(), unrelated.refresh_from_db()
    assert friend.message == "" and other.message == "Is there a weekend batch in Pune?"
    assert "47365" not in FollowUp.objects.get(enquiry=other).note
    assert "47365" not in other.activities.get().text
    assert "9821147365" not in named.text and "Removed" in named.text
    assert unrelated.text == "Option C is also right: see Article 280 and 98211 4"


@pytest.mark.parametrize("written", ["9821147365", "98211 47365", "+91 98211-47365", "+919821147365",
                                     "098211.47365", "(+91) 98211 47365", "919821147365"])
def test_a_number_is_recognised_in_free_text_however_it_is_typed(written):
    """Spaces, dashes, dots, brackets, +91, 91 or 0 in front: the same number."""
    from enquiries.erasure import Person

    person = Person(phones=frozenset({"+919821147365"}), emails=frozenset())

    assert person.is_mentioned_in(f"Call me on {written} after 7 pm")
    assert not person.is_mentioned_in("Call me on 98211 47366 after 7 pm")
    assert not person.is_mentioned_in("Roll number 1234598211473650")


def test_the_privacy_notice_says_erasure_reaches_text_that_names_the_person(client):
    """The notice tells students that other text holding their number or email is blanked too."""
    page = client.get("/privacy/").content.decode()

    assert "Any other text on the site that holds your mobile number or email address" in page
