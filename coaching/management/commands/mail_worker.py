"""Write the counsellors' new-lead mail and send the mail the site queued (django-mailer), retrying what the
mail server refused: the one process that talks to SMTP, so a sick mail server slows mail and never a page,
and writing the lead mail here keeps it off the enquiry form's request path."""

import logging
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from mailer.models import Message

from coaching.mail_queue import send_queued
from enquiries.notifications import notify_pending

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = ("Write the mail about new leads and send queued mail every few seconds, and retry deferred mail "
            "every few minutes, until stopped. --once does it (retrying deferred mail) a single time, for cron "
            "or tests.")

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Send the queue once and stop.")

    def handle(self, *args, once=False, **options):
        if once:
            self.send(retry=True)
            return
        self.stdout.write("Mail worker started: sending queued mail; stop with Ctrl-C.")
        last_retry = 0.0
        while True:
            retry = time.monotonic() - last_retry >= settings.MAIL_WORKER_RETRY_SECONDS
            if retry:
                last_retry = time.monotonic()
            try:
                self.send(retry=retry)
            except Exception:  # the database or the mail server is unwell: wait and try again, never exit
                logger.exception("The mail worker could not send; trying again shortly.")
            time.sleep(settings.MAIL_WORKER_SLEEP_SECONDS)

    def send(self, *, retry):
        queued, failed = notify_pending()
        if queued or failed:
            logger.info("Queued %s new-lead mail(s); %s could not be queued and wait for the next round.",
                        queued, failed)
        if retry:
            retried = Message.objects.retry_deferred()
            if retried:
                logger.info("Retrying %s deferred message(s).", retried)
        sent, deferred = send_queued()
        if sent or deferred:
            logger.info("Sent %s message(s); %s deferred.", sent, deferred)
