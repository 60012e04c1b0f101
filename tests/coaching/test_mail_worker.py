"""Mail leaves the request path: requests queue it, the worker sends it and retries while the server refuses."""

import pytest
from django.core import mail
from django.core.mail import send_mail
from django.core.management import call_command
from mailer.models import Message, MessageLog

pytestmark = pytest.mark.django_db


class RefusingMailServer:
    """A mail backend whose server refuses every connection."""

    def __init__(self, *args, **kwargs):
        pass

    def open(self):
        raise ConnectionRefusedError("mail server refused")

    def close(self):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server refused")


def test_sending_mail_in_a_request_only_queues_it():
    """send_mail writes a row to the queue and talks to no mail server."""
    send_mail("Hello", "Body", None, ["asha@example.com"])

    assert Message.objects.count() == 1
    assert mail.outbox == []


def test_the_worker_defers_mail_the_server_refuses_and_sends_it_once_the_server_is_back(settings):
    """During an outage the message is deferred, not lost; the next run after recovery delivers it once."""
    send_mail("New enquiry #1", "Open the lead", None, ["asha@example.com"])
    settings.MAILER_EMAIL_BACKEND = "tests.coaching.test_mail_worker.RefusingMailServer"

    call_command("mail_worker", "--once")

    assert mail.outbox == []
    assert Message.objects.deferred().count() == 1

    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("mail_worker", "--once")

    assert [message.subject for message in mail.outbox] == ["New enquiry #1"]
    assert not Message.objects.exists()
    assert MessageLog.objects.filter(result="1").count() == 1
