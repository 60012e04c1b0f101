from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from articles import readership


class Command(BaseCommand):
    help = ("Move the article view counts kept in Redis into the daily table (today's and yesterday's). "
            "Run every few minutes (deploy/systemd/coaching-readership.timer): Redis lost loses one interval.")

    def handle(self, *args, **options):
        today = timezone.localdate()
        moved = readership.flush([today - timedelta(days=1), today])
        self.stdout.write(f"Stored {moved} article view(s).")
