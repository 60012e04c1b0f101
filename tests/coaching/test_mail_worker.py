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


class TransactionWatchingMailServer:
    """A mail backend that delivers to the test outbox and notes whether a transaction was open while it
    talked to the server (on SQLite an open write transaction locks the whole database)."""

    in_transaction_while_sending = []

    def __init__(self, *args, **kwargs):
        pass

    def open(self):
        pass

    def close(self):
        pass

    def send_messages(self, messages):
        from django.db import connection

        TransactionWatchingMailServer.in_transaction_while_sending.append(connection.in_atomic_block)
        mail.outbox.extend(messages)
        return len(messages)


@pytest.mark.django_db(transaction=True)
def test_the_worker_talks_to_the_mail_server_with_no_transaction_open(settings):
    """Each message is sent outside any transaction, so a hung mail server never holds the database's lock."""
    send_mail("First", "Body", None, ["asha@example.com"])
    send_mail("Second", "Body", None, ["ravi@example.com"])
    settings.MAILER_EMAIL_BACKEND = "tests.coaching.test_mail_worker.TransactionWatchingMailServer"
    TransactionWatchingMailServer.in_transaction_while_sending.clear()

    call_command("mail_worker", "--once")

    assert TransactionWatchingMailServer.in_transaction_while_sending == [False, False]
    assert [message.subject for message in mail.outbox] == ["First", "Second"]
    assert not Message.objects.exists()


def test_a_message_another_worker_has_claimed_is_not_sent_twice(settings):
    """A message already claimed (marked deferred) by another worker is left to it."""
    from coaching.mail_queue import claim, send_queued

    send_mail("Only once", "Body", None, ["asha@example.com"])
    message = Message.objects.get()
    assert claim(message.pk, message.priority) is not None  # the other worker
    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    assert send_queued() == (0, 0)
    assert claim(message.pk, message.priority) is None
    assert mail.outbox == []
