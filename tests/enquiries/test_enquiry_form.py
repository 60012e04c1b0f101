import re
import time

import pytest

from enquiries.consent import NOTICE_VERSION
from enquiries.forms import form_clock
from enquiries.models import Course, Enquiry
from tests.factories import ArticleFactory, CallUsNumberFactory, full_article, hindi_twin

pytestmark = pytest.mark.django_db
URL = "/enquiry/"


def test_form_shows_fields_notice_and_unticked_consent(client, course):
    """The form asks for name, mobile, course, mode, city and message, with the itemised notice and an unticked box."""
    page = client.get(URL).content.decode()

    for name in ["name", "phone", "email", "course", "mode", "city", "message", "consent"]:
        assert f'name="{name}"' in page
    assert 'type="checkbox" name="consent"' in page and "checked" not in page.split('name="consent"')[1][:40]
    for item in ["What we keep", "Why", "Who sees it", "How long", "Your choice"]:
        assert f"<strong>{item}:</strong>" in page
    assert f"Notice version {NOTICE_VERSION}" in page
    assert course.name in page


def test_a_course_renamed_or_withdrawn_shows_in_the_form_on_the_next_visit(client, course):
    """The form's page is shared between visitors, but a course renamed, withdrawn or added in the admin is
    what the very next visitor is offered."""
    assert course.name in client.get(URL).content.decode()

    course.name = "Prelims Test Series 2027"
    course.save()
    assert f'<option value="{course.pk}">Prelims Test Series 2027</option>' in client.get(URL).content.decode()

    Course.objects.filter(pk=course.pk).update(is_active=False)  # a bulk update sends no signal
    assert "Prelims Test Series 2027" not in client.get(URL).content.decode()

    Course.objects.create(name="Optional: Sociology")
    assert "Optional: Sociology" in client.get(URL).content.decode()


def test_valid_enquiry_is_stored_with_consent_and_redirects_to_thanks(client, form_data):
    """A good submission stores one lead in E.164 with the notice version and time, then shows the thanks page."""
    response = client.post(URL, form_data(phone="+91-98765-43210"))

    assert response.status_code == 302 and response["Location"] == "/enquiry/thanks/"
    lead = Enquiry.objects.get()
    assert (lead.name, lead.phone, lead.mode, lead.city, lead.channel) == (
        "Aditi Sharma", "+919876543210", "online", "Jaipur", "web")
    assert lead.consent_given and lead.consent_notice_version == NOTICE_VERSION and lead.consent_at
    assert "we will call you back" in client.get("/enquiry/thanks/").content.decode()


@pytest.mark.parametrize("typed", ["9876543210", "098765 43210", "+91 98765 43210", "91-98765-43210",
                                   "(+91) 98765-43210", "+91 9876 543 210"])
def test_phones_typed_the_indian_way_are_accepted(client, form_data, typed):
    """Spaces, dashes, brackets and +91 / 0 prefixes all work and store the same number."""
    assert client.post(URL, form_data(phone=typed)).status_code == 302
    assert Enquiry.objects.get().phone == "+919876543210"


@pytest.mark.parametrize("typed, message", [
    ("+44 7911 123456", "Only Indian numbers are accepted"),
    ("011 2345 6789", "This looks like a landline"),
    ("98765", "10-digit Indian mobile number"),
    ("", "This field is required."),
])
def test_bad_phones_are_refused_with_what_is_expected_and_keep_what_was_typed(client, form_data, typed, message):
    """A foreign, landline or short number re-renders the form with a clear error and the typed values kept."""
    response = client.post(URL, form_data(phone=typed, name="Rahul Verma"))

    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert 'value="Rahul Verma"' in page
    assert not Enquiry.objects.exists()


def test_consent_is_required(client, form_data):
    """Without the tick the enquiry is refused with a message saying why."""
    response = client.post(URL, form_data(consent=None))

    assert "Tick the box to agree, so that we may call you back." in response.content.decode()
    assert not Enquiry.objects.exists()


@pytest.mark.parametrize("field, length", [("name", 101), ("city", 81), ("message", 5001), ("email", 255)])
def test_every_text_field_has_a_maximum_length(client, form_data, field, length):
    """Over-long input is refused with a per-field message, never a server error."""
    value = "a" * length if field != "email" else "a" * (length - 12) + "@example.com"

    response = client.post(URL, form_data(**{field: value}))

    assert response.status_code == 200
    assert "Ensure this value has at most" in response.content.decode()
    assert not Enquiry.objects.exists()


@pytest.mark.parametrize("name", ["प्रिया सिंह", "அருண் குமார்", "Zoë D'Souza"])
def test_unicode_names_work(client, form_data, name):
    """Names in Hindi, Tamil and accented Latin are stored as typed."""
    client.post(URL, form_data(name=name))

    assert Enquiry.objects.get().name == name


def test_direction_controls_are_stripped_from_names(client, form_data):
    """Right-to-left overrides and isolates pasted into a name are removed before the lead is stored."""
    client.post(URL, form_data(name="\u202eAditi\u202c \u2066Sharma\u2069\u200f"))

    assert Enquiry.objects.get().name == "Aditi Sharma"


def test_a_name_made_only_of_direction_controls_is_refused(client, form_data):
    """A name with no letters once the controls are gone is refused, and nothing is stored."""
    response = client.post(URL, form_data(name="\u202e\u202d\u2066"))

    assert "Enter your name." in response.content.decode()
    assert not Enquiry.objects.exists()


def test_a_five_thousand_character_message_is_kept_whole(client, form_data):
    """A long message (5,000 characters) is accepted and stored as written."""
    message = ("Which optional subject suits an engineer? " * 200)[:5000]

    assert client.post(URL, form_data(message=message)).status_code == 302
    assert Enquiry.objects.get().message == message.strip()


def test_a_refused_hidden_field_is_shown_as_a_visible_error_and_reset(client, form_data):
    """A tampered hidden field is named in a visible message, nothing is stored, and the re-shown form
    goes through when sent again."""
    response = client.post(URL, form_data(source_page="/" + "x" * 600))

    page = response.content.decode()
    assert response.status_code == 200
    assert "The form's hidden “Source page” field was not accepted" in page
    assert "Ensure this value has at most 500 characters (it has 601)." in page
    assert not Enquiry.objects.exists()
    resent = {**form_data(), **{k: v for k, v in response.context["form"].data.items() if k == "source_page"}}
    assert client.post(URL, resent).status_code == 302
    assert Enquiry.objects.count() == 1


@pytest.mark.parametrize("value", ["\x00", "<script>alert(1)</script>" * 200, "😀" * 50, "' OR 1=1 --"])
def test_no_input_causes_a_server_error(client, form_data, value):
    """Odd input in every field gives a page, never a 500."""
    for field in ["name", "phone", "email", "city", "message", "course", "mode", "source_page", "started"]:
        response = client.post(URL, form_data(**{field: value}))
        assert response.status_code in (200, 302, 429), field


def test_honeypot_gives_a_fake_success_and_stores_nothing(client, form_data):
    """A bot that fills the hidden field is sent to the thanks page, but nothing is stored."""
    response = client.post(URL, form_data(website="http://spam.example"))

    assert response.status_code == 302 and response["Location"] == "/enquiry/thanks/"
    assert not Enquiry.objects.exists()


def test_a_form_sent_very_quickly_asks_to_confirm_and_is_kept_when_confirmed(client, form_data):
    """A form sent within seconds of opening (autofill) is shown again with what was typed and a request to
    confirm; pressing Send again stores the enquiry. Nothing is silently dropped."""
    response = client.post(URL, form_data(started=form_clock(), name="Quick Typist"))

    page = response.content.decode()
    assert response.status_code == 200 and not Enquiry.objects.exists()
    assert "press “Send enquiry” again to confirm" in page and 'value="Quick Typist"' in page
    confirmed = client.post(URL, dict(response.context["form"].data.items()))

    assert confirmed["Location"] == "/enquiry/thanks/"
    assert Enquiry.objects.get().name == "Quick Typist"


def test_a_forged_clock_is_dropped_but_an_expired_one_is_shown_again(client, form_data):
    """A made-up clock is a bot; a day-old tab is a person, who gets the form back with a fresh clock."""
    forged = client.post(URL, form_data(started="123:forged"))
    old = form_clock(opened_at=time.time() - 2 * 86400)
    expired = client.post(URL, form_data(started=old, phone="12"))

    assert forged["Location"] == "/enquiry/thanks/"
    assert expired.status_code == 200 and "10-digit Indian mobile number" in expired.content.decode()
    assert not Enquiry.objects.exists()


def test_form_needs_a_csrf_token(form_data):
    """A POST without the CSRF token is refused."""
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(URL, form_data())

    assert response.status_code == 403
    assert not Enquiry.objects.exists()


def test_per_ip_rate_limit_answers_a_friendly_429(client, form_data, settings):
    """Past the per-address limit the form answers 429 with the call-us numbers, and stores nothing more."""
    settings.ENQUIRY_RATE_PER_IP = "3/h"
    CallUsNumberFactory(number="+919606900005")
    for n in range(3):
        assert client.post(URL, form_data(phone=f"98765 4321{n}")).status_code == 302

    response = client.post(URL, form_data(phone="98765 43219"))

    assert response.status_code == 429
    assert "try the form again in an hour" in response.content.decode()
    assert 'href="tel:+919606900005"' in response.content.decode()
    assert Enquiry.objects.count() == 3


def test_per_phone_rate_limit_applies_across_addresses(client, form_data, settings):
    """The same mobile from many addresses is limited too."""
    settings.ENQUIRY_RATE_PER_PHONE = "2/h"
    answers = [client.post(URL, form_data(), REMOTE_ADDR=f"10.0.0.{n}").status_code for n in range(4)]

    assert answers == [302, 302, 429, 429]
    assert Enquiry.objects.get().repeat_count == 1


def test_an_enquiry_from_an_article_came_from_it_and_records_its_page_and_utm(client, form_data):
    """Opened from an article with UTM tags, the lead came from the article and records it, the page, the tags
    and the referrer; a lead from the plain form came from the form."""
    article = full_article(slug="japan-india-ties", title="Japan and India")
    page = client.get("/articles/japan-india-ties/?utm_source=telegram&utm_campaign=march").content.decode()
    link = page.split('class="button" href="')[-1].split('"')[0].replace("&amp;", "&")
    assert link.startswith("/enquiry/?from=%2Farticles%2Fjapan-india-ties%2F")

    form_page = client.get(link, HTTP_REFERER="https://t.me/somechannel").content.decode()
    hidden = {name: form_page.split(f'name="{name}" value="')[1].split('"')[0]
              for name in ["source_page", "referrer", "utm_source", "utm_campaign"]}
    client.post(URL, form_data(**hidden))

    lead = Enquiry.objects.get()
    assert lead.source_article == article
    assert lead.source_page == "/articles/japan-india-ties/"
    assert (lead.utm_source, lead.utm_campaign, lead.referrer) == ("telegram", "march", "https://t.me/somechannel")
    assert lead.origin == Enquiry.Origin.ARTICLE
    client.post(URL, form_data(phone="9123456780"))
    assert Enquiry.objects.get(phone="+919123456780").origin == Enquiry.Origin.FORM


def test_an_enquiry_from_a_hindi_article_records_the_hindi_article(client, form_data):
    """A lead sent from /hi/articles/<slug>/ came from the Hindi twin, not from its English original."""
    english = full_article(slug="monsoon-pair")
    hindi = hindi_twin(english)

    client.post(URL, form_data(source_page="/hi/articles/monsoon-pair/"))

    lead = Enquiry.objects.get()
    assert lead.source_article == hindi and lead.origin == Enquiry.Origin.ARTICLE


def test_source_page_must_be_on_this_site(client, form_data):
    """An outside address posted as the source page is not stored."""
    client.post(URL, form_data(source_page="https://evil.example/x"))

    assert Enquiry.objects.get().source_page == ""


def test_every_page_has_the_for_enquiry_call_to_action(client):
    """The header on every page and the end of every article link to the enquiry form."""
    article = full_article(slug="with-cta")

    for url in ["/", article.get_absolute_url(), "/papers/gs2/", "/privacy/"]:
        assert ">For Enquiry</a>" in client.get(url).content.decode(), url
    assert client.get(article.get_absolute_url()).content.decode().count(">For Enquiry</a>") == 2


def test_privacy_notice_page(client):
    """The privacy notice explains what is kept, why, for how long and how to withdraw."""
    page = client.get("/privacy/").content.decode()

    assert "Digital Personal Data Protection Act, 2023" in page
    assert "<strong>How long:</strong>" in page and "withdraw" in page
    assert "keep each backup for 30 days" in page and "erased in the same way" in page


@pytest.mark.parametrize("url, queries, first_render", [("/enquiry/", 1, 1), ("/enquiry/thanks/", 0, 0),
                                                        ("/privacy/", 0, 0)])
def test_enquiry_pages_issue_a_fixed_number_of_queries(client, django_assert_num_queries, course, url, queries,
                                                       first_render):
    """The form reads its courses on every visit (so that it answers 503 while the database is down, rather
    than take an enquiry it cannot store); the rest of its page, shared between visitors, and the header and
    footer (call-us numbers, paper menu) cost queries once per change (with when the next article goes live,
    which bounds how long they are kept)."""
    ArticleFactory()
    with django_assert_num_queries(queries + first_render + 3):
        assert client.get(url).status_code == 200
    with django_assert_num_queries(queries):
        again = client.get(url)
    assert again.status_code == 200


def test_a_campaign_tag_with_markup_is_written_into_the_hidden_field_escaped(client, course):
    """A campaign tag (or referrer) carrying quotes and markup lands in its hidden field as escaped text,
    never as markup of the page."""
    page = client.get("/enquiry/", {"utm_source": '"><script>alert(1)</script>'},
                      HTTP_REFERER="https://x.example/?a=1&b=<i>").content.decode()

    assert 'name="utm_source" value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in page
    assert 'name="referrer" value="https://x.example/?a=1&amp;b=&lt;i&gt;"' in page
    assert "<script>alert(1)" not in page


def test_every_visitor_gets_a_blank_form_of_their_own(client, course):
    """Each visitor's hidden clock, source page and campaign tags are their own, and a form sent back with a
    mistake shows that visitor's own values."""
    first = client.get("/enquiry/", {"from": "/articles/one/", "utm_source": "whatsapp"}).content.decode()
    second = client.get("/enquiry/", {"from": "/papers/gs2/"}).content.decode()

    clocks = {re.search(r'name="started" value="([^"]+)"', page).group(1) for page in (first, second)}
    assert len(clocks) == 2
    assert 'name="source_page" value="/articles/one/"' in first and 'name="utm_source" value="whatsapp"' in first
    assert 'name="source_page" value="/papers/gs2/"' in second and 'name="utm_source" value=' not in second
    assert second.count(f'<option value="{course.pk}">') == 1
    returned = client.post("/enquiry/", {"name": "Asha", "phone": "12", "course": course.pk, "mode": "online",
                                         "started": re.search(r'name="started" value="([^"]+)"', first).group(1)})
    assert 'value="Asha"' in returned.content.decode() and "Asha" not in client.get("/enquiry/").content.decode()


def test_the_same_form_sent_twice_makes_one_enquiry(client, form_data):
    """A form's signed clock is spent by its first accepted submission: sending the very same form again
    (a double tap or a replay) shows the thank-you page and stores nothing more."""
    data = form_data()

    first = client.post(URL, data)
    again = client.post(URL, data)

    assert first.status_code == again.status_code == 302
    lead = Enquiry.objects.get()
    assert lead.repeat_count == 0
    assert lead.activities.filter(text__startswith="Enquired again").count() == 0


def test_a_form_whose_lead_could_not_be_written_is_stored_when_sent_again(client, form_data, monkeypatch):
    """The database fails while the lead is written (503); pressing Send again on the same form stores exactly
    one lead instead of thanking the student with nothing kept."""
    from django.db import OperationalError

    data = form_data()
    real_save = Enquiry.save

    def failing_once(self, *args, **kwargs):
        monkeypatch.setattr(Enquiry, "save", real_save)
        raise OperationalError("database is locked")

    monkeypatch.setattr(Enquiry, "save", failing_once)
    client.raise_request_exception = False

    failed = client.post(URL, data)
    again = client.post(URL, data)

    assert failed.status_code == 503
    assert again.status_code == 302
    assert Enquiry.objects.get().phone == "+919876543210"


def test_a_refused_form_does_not_spend_its_clock(client, form_data):
    """A submission refused for a bad phone leaves the student free to correct it and send again."""
    data = form_data(phone="12")

    client.post(URL, data)
    corrected = client.post(URL, {**data, "phone": "98765 43210"})

    assert corrected.status_code == 302
    assert Enquiry.objects.count() == 1


def test_a_cache_outage_still_stores_the_enquiry(client, form_data, monkeypatch, caplog):
    """With the cache (rate limits and the form clock) failing, the enquiry is stored and the outage logged."""
    from django.core.cache import cache

    def broken(*args, **kwargs):
        raise ConnectionError("cache is down")

    for method in ("add", "get", "get_many", "incr", "set"):
        monkeypatch.setattr(cache, method, broken)

    response = client.post(URL, form_data())

    assert response.status_code == 302
    assert Enquiry.objects.count() == 1
    assert "Cache unavailable" in caplog.text


@pytest.mark.parametrize("meta, limited_address", [
    ({"REMOTE_ADDR": "203.0.113.5", "HTTP_X_FORWARDED_FOR": "198.51.100.1"}, "203.0.113.5"),
    ({"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.1"}, "198.51.100.1"),
    ({"REMOTE_ADDR": "127.0.0.1"}, "127.0.0.1"),
    ({"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "garbage, <script>"}, "127.0.0.1"),
])
def test_the_per_address_limit_counts_the_client_behind_a_trusted_proxy(client, form_data, settings, meta,
                                                                         limited_address):
    """Behind the trusted proxy the limit counts the forwarded client; a header from anyone else, or a missing
    or garbled one, never moves the count and never causes an error."""
    from coaching.client_ip import client_ip
    from django.test import RequestFactory

    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    settings.ENQUIRY_RATE_PER_IP = "1/h"

    assert client_ip(RequestFactory().post(URL, **meta)) == limited_address
    assert client.post(URL, form_data(phone="98765 43210"), **meta).status_code == 302
    assert client.post(URL, form_data(phone="98765 43211"), **meta).status_code == 429
