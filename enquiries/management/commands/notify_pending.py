from django.core.management.base import BaseCommand

from enquiries.models import Enquiry
from enquiries.notifications import notify_owner


class Command(BaseCommand):
    help = "Email counsellors about their leads whose notification has not gone out yet (e.g. after a mail outage)."

    def handle(self, *args, **options):
        pending = Enquiry.objects.filter(notified_at__isnull=True, owner__isnull=False, erased_at__isnull=True)
        sent = failed = 0
        for lead_id in pending.values_list("pk", flat=True):
            if notify_owner(lead_id):
                sent += 1
            else:
                failed += 1
        self.stdout.write(f"Sent {sent} pending lead notification(s); {failed} still failing.")
        if failed:
            raise SystemExit(1)
