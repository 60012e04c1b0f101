"""The shape of a retention command (`purge_enquiries`, `purge_answers`): --older-than DAYS, checked, turned
into a cut-off moment, and a line saying what went."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone


class PurgeOlderThan(BaseCommand):
    """Subclasses say what goes (`older_than_help`) and do it in `purge(cutoff, days)`, returning the line
    to print."""

    older_than_help = ""

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, required=True, metavar="DAYS", help=self.older_than_help)

    def handle(self, *args, older_than, **options):
        if older_than < 1:
            raise CommandError("--older-than must be a whole number of days, at least 1.")
        self.stdout.write(self.purge(timezone.now() - timedelta(days=older_than), older_than))

    def purge(self, cutoff, days):
        raise NotImplementedError
