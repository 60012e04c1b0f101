from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from common.dates import moment
from enquiries.models import Enquiry
from enquiries.services import enquiry_erase


class Command(BaseCommand):
    help = "Erase the personal data of leads whose last enquiry is older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, required=True, metavar="DAYS",
                            help="Erase leads whose last enquiry is more than this many days old.")

    def handle(self, *args, older_than, **options):
        if older_than < 1:
            raise CommandError("--older-than must be a whole number of days, at least 1.")
        cutoff = timezone.now() - timedelta(days=older_than)
        erased = enquiry_erase(leads=Enquiry.objects.filter(last_enquired_at__lt=cutoff),
                               reason=f"Retention: last enquiry more than {older_than} days ago")
        self.stdout.write(f"Erased the personal data of {erased} lead(s) last heard from before "
                          f"{moment(cutoff)}; anonymous counts are kept.")
