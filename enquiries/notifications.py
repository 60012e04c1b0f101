"""Mail to counsellors about new leads, written by the mail worker within seconds of the lead being saved
(never on the request path; `manage.py notify_pending` does the same by hand). The mail links to the lead and
carries none of the student's details, so erasure leaves nothing behind in mailboxes."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

logger = logging.getLogger(__name__)


def pending_leads():
    """Leads whose counsellor has not been told about them yet (and can be: they have an email address)."""
    from .models import Enquiry

    return (Enquiry.objects.filter(notified_at__isnull=True, owner__isnull=False, erased_at__isnull=True)
            .exclude(owner__email=""))


def notify_pending():
    """Queue the mail for every pending lead; return (queued, failed)."""
    queued = failed = 0
    for lead in pending_leads().select_related("owner", "course", "source_article").order_by("pk"):
        if _queue_mail(lead):
            queued += 1
        else:
            failed += 1
    return queued, failed


def _queue_mail(lead):
    """Mark the lead as notified and queue the mail to its counsellor; False when it could not be queued."""
    from .models import Enquiry

    body = render_to_string("enquiries/email/new_lead.txt", {"lead": lead, "site_url": settings.SITE_URL})
    try:
        with transaction.atomic():
            # The lead is marked and its mail queued together, so a second worker (or notify_pending run by
            # hand at the same moment) finds it marked and never mails the counsellor twice.
            if Enquiry.objects.filter(pk=lead.pk, notified_at__isnull=True).update(
                    notified_at=timezone.now(), notify_error=""):
                send_mail(f"New enquiry #{lead.pk} ({lead.course or 'no course chosen'})", body, None,
                          [lead.owner.email])
    except Exception as error:  # the lead is saved; the next round tries again
        logger.exception("Could not queue the mail to %s about lead %s", lead.owner.email, lead.pk)
        Enquiry.objects.filter(pk=lead.pk).update(notify_error=str(error)[:300])
        return False
    return True
