from django.core.management.base import BaseCommand

from enquiries.notifications import notify_pending


class Command(BaseCommand):
    help = ("Email counsellors about their leads whose notification has not gone out yet (the mail worker does "
            "this every few seconds; this runs it once, e.g. while the worker is stopped).")

    def handle(self, *args, **options):
        sent, failed = notify_pending()
        self.stdout.write(f"Sent {sent} pending lead notification(s); {failed} still failing.")
        if failed:
            raise SystemExit(1)
