from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from answers.models import Answer
from answers.services import erase
from common.dates import moment


class Command(BaseCommand):
    help = "Delete Mains answers (their reviews and photos too) sent before the retention period."

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, required=True, metavar="DAYS",
                            help="Delete answers sent more than this many days ago.")

    def handle(self, *args, older_than, **options):
        if older_than < 1:
            raise CommandError("--older-than must be a whole number of days, at least 1.")
        cutoff = timezone.now() - timedelta(days=older_than)
        deleted = erase(Answer.objects.filter(submitted_at__lt=cutoff))
        self.stdout.write(f"Deleted {deleted} answer(s) sent before {moment(cutoff)}, with their reviews and photos.")
