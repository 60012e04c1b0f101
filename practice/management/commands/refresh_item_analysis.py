from django.core.management.base import BaseCommand

from practice import item_analysis


class Command(BaseCommand):
    help = ("Add up every ranked answer into the item analysis the editors' page shows (Questions that "
            "mislead). Run every 15 minutes (deploy/systemd/coaching-analysis.timer).")

    def handle(self, *args, **options):
        stored = item_analysis.refresh()
        self.stdout.write(f"Analysed {len(stored[1])} question(s).")
