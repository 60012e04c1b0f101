"""From practice to a counsellor, lawfully: a callback from a result goes through the one enquiry service,
shares the score only when the student ticks it, and the dashboard counts such leads."""

import re
import time

import pytest

from enquiries.consent import NOTICE_VERSION
from enquiries.forms import form_clock
from enquiries.models import Enquiry
from practice.models import Attempt
from tests.factories import full_article
from tests.practice.factories import question

pytestmark = pytest.mark.django_db


@pytest.fixture
def attempt(client, staff):
    article = full_article(title="The Sixteenth Finance Commission", slug="finance-commission")
    first, second = question(article), question(article, position=1)
    page = client.get("/articles/finance-commission/practice/").content.decode()
    sheet = re.search(r'name="sheet" value="([^"]+)"', page).group(1)
    client.post("/articles/finance-commission/practice/",
                {"sheet": sheet, f"q{first.pk}": first.right_option.pk, f"q{second.pk}": ""})
    return Attempt.objects.get()


def ask(client, attempt, **fields):
    """What the student's browser posts after a minute on the result page; override any field."""
    data = {"name": "Priya Nair", "phone": "98765 43210", "consent": "on",
            "started": form_clock(opened_at=time.time() - 60), **fields}
    return client.post(f"/practice/attempts/{attempt.public_id}/counsellor/", data)


def test_the_callback_form_carries_a_signed_clock(client, attempt):
    """The result page's callback form is opened with its own one-time clock, like the enquiry form."""
    page = client.get(attempt.get_absolute_url()).content.decode()

    assert re.search(r'<input type="hidden" name="started" value="[^"]+"', page)


def test_a_callback_without_a_clock_we_signed_stores_nothing(client, attempt):
    """A script that posts the form without the page's clock is thanked and nothing is stored."""
    response = ask(client, attempt, started="forged")

    assert response.status_code == 302 and not Enquiry.objects.exists()


def test_a_callback_sent_faster_than_a_person_types_asks_to_confirm_and_is_kept_when_confirmed(client, attempt):
    """Sent within the minimum fill time, the form is shown again to confirm; pressing again stores it."""
    quick = ask(client, attempt, started=form_clock())
    page = quick.content.decode()
    stored_before_confirming = Enquiry.objects.count()
    confirm_clock = re.search(r'name="started" value="([^"]+)"', page).group(1)

    confirmed = ask(client, attempt, started=confirm_clock)

    assert quick.status_code == 200 and "please check your details" in page and stored_before_confirming == 0
    assert confirmed.status_code == 302 and Enquiry.objects.count() == 1


def test_the_same_callback_sent_twice_makes_one_lead(client, attempt):
    """The form's clock is spent by its first accepted submission: a double tap stores one lead."""
    clock = form_clock(opened_at=time.time() - 60)

    first, again = ask(client, attempt, started=clock), ask(client, attempt, started=clock)

    assert first.status_code == again.status_code == 302
    assert Enquiry.objects.get().repeat_count == 0


def test_a_callback_with_share_my_score_reaches_the_counsellor_with_the_score(client, attempt):
    """Ticking "share my score": one lead from a practice result with the normalised number, its page, the
    article recorded, the current notice version, and the score in the message."""
    response = ask(client, attempt, share_score="on")

    lead = Enquiry.objects.get()
    assert response.status_code == 302 and response["Location"] == "/enquiry/thanks/"
    assert lead.phone == "+919876543210" and lead.source_page == attempt.get_absolute_url()
    assert lead.origin == Enquiry.Origin.PRACTICE
    assert lead.source_article == attempt.article and lead.consent_notice_version == NOTICE_VERSION
    assert "Shared score: 2.00 / 4.00 (1 right, 0 wrong, 1 not attempted)" in lead.message
    assert lead.owner is not None  # round-robin to a counsellor


def test_without_share_my_score_the_counsellor_sees_no_score(client, attempt):
    """Not ticking the box keeps the score from the counsellor: the lead says where it came from, no more."""
    ask(client, attempt)

    lead = Enquiry.objects.get()
    assert "Prelims practice result" in lead.message and "score" not in lead.message.lower().replace(
        "share my score", "")


def test_a_callback_without_consent_creates_no_lead(client, attempt):
    """Without the consent box ticked the result page shows the form again, saying why; nothing is stored."""
    response = ask(client, attempt, consent="")

    assert response.status_code == 400 and not Enquiry.objects.exists()
    assert "Tick the box to agree" in response.content.decode()


def test_a_bad_number_is_explained_and_a_bot_learns_nothing(client, attempt):
    """A number with letters gets the service's message; the hidden field filled (a bot) stores nothing."""
    bad = ask(client, attempt, phone="98765abcde")
    bot = ask(client, attempt, website="http://spam.example")

    assert bad.status_code == 400 and "Use digits only" in bad.content.decode()
    assert bot.status_code == 302 and not Enquiry.objects.exists()


def test_a_repeat_callback_merges_into_the_open_lead_and_limits_apply(client, attempt, settings):
    """The same number again adds a repeat to the open lead; past the per-phone limit the page says so (429)."""
    settings.ENQUIRY_RATE_PER_PHONE = "2/h"

    ask(client, attempt)
    ask(client, attempt)
    third = ask(client, attempt)

    assert Enquiry.objects.count() == 1 and Enquiry.objects.get().repeat_count == 1
    assert third.status_code == 429


def test_the_dashboard_counts_leads_from_practice(client, attempt, staff):
    """The admin home's lead tiles include how many leads came from practice results, linked to them."""
    ask(client, attempt)
    client.force_login(staff["manager"])

    home = client.get("/admin/").content.decode()
    listed = client.get("/admin/enquiries/enquiry/?leads=all&origin__exact=practice").content.decode()

    assert re.search(r"<strong>1</strong> from Prelims practice", home)
    assert "Priya Nair" in listed


def test_the_privacy_notice_says_a_score_is_shared_only_when_ticked(client):
    """The notice (a new version) tells students their practice score reaches a counsellor only by their choice."""
    page = client.get("/privacy/").content.decode()

    assert "share my score" in page and NOTICE_VERSION >= "2026-11"
