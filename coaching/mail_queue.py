"""Send django-mailer's queue without a transaction open while the mail server is talked to.

django-mailer's own `send_all` keeps each message's row locked in a transaction for the whole SMTP
conversation. On SQLite that transaction holds the whole database's write lock, so a mail server that
accepts and never answers stopped every enquiry for up to the SMTP timeout per message. Here each message
is claimed in one short write (marked deferred, so a worker that dies mid-send leaves it to be retried,
never lost), sent with no transaction open, and its result recorded in a second short write."""

import logging

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from mailer.engine import ensure_message_id
from mailer.models import PRIORITY_DEFERRED, RESULT_FAILURE, RESULT_SUCCESS, Message, MessageLog

logger = logging.getLogger(__name__)


def claim(message_id, priority):
    """The message, now marked as ours (deferred); None when another worker claimed or removed it first."""
    if not Message.objects.filter(pk=message_id, priority=priority).update(priority=PRIORITY_DEFERRED):
        return None
    return Message.objects.filter(pk=message_id).first()


def send_queued():
    """Send every message waiting in the queue, oldest of the highest priority first; return (sent, deferred).
    A message the server refuses, or that it does not answer for within EMAIL_TIMEOUT, stays deferred for
    the next retry."""
    sent = deferred = 0
    connection = None
    waiting = Message.objects.non_deferred().order_by("priority", "when_added").values_list("pk", "priority")
    for message_id, priority in list(waiting):
        message = claim(message_id, priority)
        if message is None:
            continue
        email = message.email
        if email is None:  # a row django-mailer cannot read back: nothing could ever send it
            logger.warning("Dropping queued message %s: it could not be read back.", message_id)
            message.delete()
            continue
        try:
            connection = connection or get_connection(backend=settings.MAILER_EMAIL_BACKEND)
            email.connection = connection
            ensure_message_id(email)
            email.send()
        except Exception as error:  # refused, timed out, rejected: the message waits for the next retry
            connection = None
            logger.info("Mail %s deferred: %s", message_id, error)
            MessageLog.objects.log(message, RESULT_FAILURE, log_message=str(error))
            deferred += 1
            continue
        email.connection = None
        message.email = email  # the log keeps the Message-ID it was sent with
        with transaction.atomic():
            MessageLog.objects.log(message, RESULT_SUCCESS)
            message.delete()
        sent += 1
    if connection is not None:
        try:
            connection.close()
        except Exception:  # the mail is sent; a server that hangs up badly changes nothing
            logger.info("The mail connection did not close cleanly.", exc_info=True)
    return sent, deferred
