from answers.models import Answer
from answers.services import erase
from common.dates import moment
from common.retention import PurgeOlderThan


class Command(PurgeOlderThan):
    help = "Delete Mains answers (their reviews and photos too) sent before the retention period."
    older_than_help = "Delete answers sent more than this many days ago."

    def purge(self, cutoff, days):
        deleted = erase(Answer.objects.filter(submitted_at__lt=cutoff))
        return f"Deleted {deleted} answer(s) sent before {moment(cutoff)}, with their reviews and photos."
