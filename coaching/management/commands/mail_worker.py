"""Send the mail the site queued (django-mailer), retrying what the mail server refused: the one process
that talks to SMTP, so a sick mail server slows mail and never a page."""

import logging
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from mailer import engine
from mailer.models import Message

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = ("Send queued mail every few seconds and retry deferred mail every few minutes, until stopped. "
            "--once sends what is queued (and retries deferred mail) a single time, for cron or tests.")

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
        if retry:
            retried = Message.objects.retry_deferred()
            if retried:
                logger.info("Retrying %s deferred message(s).", retried)
        engine.send_all()
