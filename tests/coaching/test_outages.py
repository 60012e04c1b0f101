"""When a dependency fails: /healthz names it, a database outage shows the call-us numbers with a 503, and
a cache outage loses no enquiry."""

import pytest
from django.core.cache import cache
from django.db import DataError, IntegrityError, OperationalError
from django.urls import path

from enquiries.models import Enquiry
from tests.factories import CallUsNumberFactory

pytestmark = pytest.mark.django_db


def page_whose_database_is_down(request):
    raise OperationalError('connection to server at "db.internal" failed: Connection refused')


def page_with_a_bug(request):
    raise ValueError("a bug")


def page_with_a_value_the_database_refuses(request):
    raise DataError("A string literal cannot contain NUL (0x00) characters.")


def page_with_a_broken_constraint(request):
    raise IntegrityError("duplicate key value violates unique constraint")


urlpatterns = [path("down/", page_whose_database_is_down), path("bug/", page_with_a_bug),
               path("refused/", page_with_a_value_the_database_refuses),
               path("constraint/", page_with_a_broken_constraint)]
handler500 = "coaching.outage.server_error"  # as in coaching/urls.py


def test_healthz_answers_ok_when_every_dependency_answers(client):
    """Database read and write, cache and storage all pass: 200 and each named ok."""
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content.decode().splitlines() == [
        "ok", "database read: ok", "database write: ok", "cache: ok", "storage: ok", "mail: ok"]
    assert response["Cache-Control"].startswith("max-age=0")


def test_healthz_names_a_failing_cache_with_a_503(client, monkeypatch):
    """With the cache refusing, /healthz answers 503 and says the cache failed and why."""
    def refused(*args, **kwargs):
        raise ConnectionError("Error 111 connecting to 127.0.0.1:6390. Connection refused.")

    monkeypatch.setattr(cache, "set", refused)

    response = client.get("/healthz")

    body = response.content.decode()
    assert response.status_code == 503
    assert body.startswith("unhealthy\n")
    assert "cache: FAILED after" in body and "ConnectionError: Error 111 connecting" in body
    assert "database read: ok" in body


def test_healthz_tells_strangers_only_ok_or_unhealthy(client, settings, monkeypatch):
    """A visitor from outside, or any visitor through the proxy, gets one word; a direct local check or one
    with the health token gets the details."""
    settings.HEALTHZ_TOKEN = "a-long-random-health-token"

    stranger = client.get("/healthz", REMOTE_ADDR="203.0.113.9").content.decode()
    through_nginx = client.get("/healthz", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9").content.decode()
    wrong_token = client.get("/healthz", REMOTE_ADDR="203.0.113.9", HTTP_X_HEALTH_TOKEN="guess").content.decode()
    with_token = client.get("/healthz", REMOTE_ADDR="203.0.113.9",
                            HTTP_X_HEALTH_TOKEN="a-long-random-health-token").content.decode()
    local = client.get("/healthz", REMOTE_ADDR="127.0.0.1").content.decode()

    assert stranger == through_nginx == wrong_token == "ok\n"
    assert with_token.startswith("ok\ndatabase read: ok") and local == with_token

    monkeypatch.setattr(cache, "set", lambda *args, **kwargs: (_ for _ in ()).throw(ConnectionError("down")))
    failing = client.get("/healthz", REMOTE_ADDR="203.0.113.9")
    assert failing.status_code == 503 and failing.content.decode() == "unhealthy\n"


def test_healthz_writes_to_the_database_at_most_once_in_its_window(client, settings):
    """However often /healthz is asked, the probe row is written once per HEALTHZ_WRITE_CHECK_SECONDS."""
    from django.test.utils import CaptureQueriesContext
    from django.db import connection

    settings.HEALTHZ_WRITE_CHECK_SECONDS = 60
    with CaptureQueriesContext(connection) as queries:
        for _ in range(20):
            assert client.get("/healthz", REMOTE_ADDR="203.0.113.9").status_code == 200

    writes = [query for query in queries.captured_queries
              if query["sql"].startswith(("INSERT", "UPDATE")) and "healthprobe" in query["sql"]]
    assert len(writes) == 1


def test_healthz_names_a_database_that_cannot_write(client, monkeypatch):
    """A database that reads but refuses writes (a read-only disk) is reported as such."""
    from coaching.models import HealthProbe

    def read_only(*args, **kwargs):
        raise OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(HealthProbe.objects, "update_or_create", read_only)

    body = client.get("/healthz").content.decode()

    assert "database read: ok" in body
    assert "database write: FAILED" in body and "attempt to write a readonly database" in body


def test_healthz_names_storage_that_cannot_be_written(client, settings, tmp_path):
    """A media folder that cannot be written is reported."""
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the media folder should be")
    settings.MEDIA_ROOT = blocked

    response = client.get("/healthz")

    assert response.status_code == 503
    assert "storage: FAILED" in response.content.decode()


@pytest.mark.urls("tests.coaching.test_outages")
def test_a_database_outage_shows_the_call_us_numbers_with_a_503(client):
    """A page that cannot reach the database answers 503 with a Retry-After and the last call-us numbers
    shown, read from the cache, not a bare 500."""
    from coaching.outage import remember_call_us_links
    from enquiries.models import CallUsNumber
    from enquiries.phones import call_us_links

    CallUsNumberFactory(number="+919606900005")
    CallUsNumberFactory(number="+919606900004")
    remember_call_us_links(call_us_links(CallUsNumber.objects.shown()))
    client.raise_request_exception = False

    response = client.get("/down/")

    page = response.content.decode()
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert "We are back in a few minutes" in page
    assert 'href="tel:+919606900005"' in page and 'href="tel:+919606900004"' in page


@pytest.mark.urls("tests.coaching.test_outages")
def test_other_errors_still_get_the_500_page(client):
    """A bug that is not a database outage answers the ordinary 500 page."""
    client.raise_request_exception = False

    response = client.get("/bug/")

    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


@pytest.mark.urls("tests.coaching.test_outages")
def test_a_value_the_database_refuses_is_bad_input_not_an_outage(client):
    """A DataError (a value the database cannot store or compare) answers 400 saying nothing was changed,
    never the outage page with its Retry-After; other database errors that are not outages are bugs (500)."""
    client.raise_request_exception = False

    refused = client.get("/refused/")
    constraint = client.get("/constraint/")

    assert refused.status_code == 400 and "Retry-After" not in refused
    assert "nothing was changed" in refused.content.decode()
    assert constraint.status_code == 500


def test_every_page_keeps_the_call_us_numbers_for_the_outage_page(client):
    """Rendering any page with the header stores its numbers where the outage page finds them."""
    from coaching.outage import last_known_call_us_links

    CallUsNumberFactory(number="+919606900005")
    client.get("/")

    assert [link.tel for link in last_known_call_us_links()] == ["+919606900005"]


def test_an_enquiry_whose_save_fails_on_the_database_answers_503_and_writes_nothing(client, monkeypatch):
    """When the database refuses the write, the student gets the outage page (503), and no half lead exists."""
    import time

    import enquiries.services
    from enquiries.forms import form_clock
    from tests.factories import CourseFactory

    course = CourseFactory()
    original = enquiries.services.Activity.objects.bulk_create

    def failing_log(*args, **kwargs):  # the lead's log lines, written after the lead in the same transaction
        raise OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(enquiries.services.Activity.objects, "bulk_create", failing_log)
    client.raise_request_exception = False

    response = client.post("/enquiry/", {
        "name": "Aditi Sharma", "phone": "98765 43210", "course": course.pk, "mode": "online", "consent": "on",
        "started": form_clock(opened_at=time.time() - 60)})

    assert response.status_code == 503
    assert "We are back in a few minutes" in response.content.decode()
    monkeypatch.setattr(enquiries.services.Activity.objects, "bulk_create", original)
    assert not Enquiry.objects.exists()


def test_healthz_reports_deferred_mail_without_failing(client):
    """Mail the server refused is reported, but the site stays healthy: a mail outage delays only mail."""
    from django.core.mail import send_mail
    from mailer.models import PRIORITY_DEFERRED, Message

    send_mail("New enquiry #1", "Open the lead", None, ["asha@example.com"])
    Message.objects.update(priority=PRIORITY_DEFERRED)

    response = client.get("/healthz")

    assert response.status_code == 200
    assert "mail: 1 message(s) deferred, the mail server refused or did not answer" in response.content.decode()
