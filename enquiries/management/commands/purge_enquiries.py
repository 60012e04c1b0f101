from common.dates import moment
from common.retention import PurgeOlderThan
from enquiries.models import Enquiry
from enquiries.services import enquiry_erase


class Command(PurgeOlderThan):
    help = "Erase the personal data of leads whose last enquiry is older than the retention period."
    older_than_help = "Erase leads whose last enquiry is more than this many days old."

    def purge(self, cutoff, days):
        erased = enquiry_erase(leads=Enquiry.objects.filter(last_enquired_at__lt=cutoff),
                               reason=f"Retention: last enquiry more than {days} days ago")
        return (f"Erased the personal data of {erased} lead(s) last heard from before {moment(cutoff)}; "
                "anonymous counts are kept.")
