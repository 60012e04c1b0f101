"""Mail to counsellors about new leads: queued after the lead is saved (the mail worker sends it); if even
queueing fails, it is recorded on the lead and `manage.py notify_pending` retries it. The mail links to the
lead and carries none of the student's details, so erasure leaves nothing behind in mailboxes."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone

logger = logging.getLogger(__name__)


def notify_owner(lead_id):
    """Email the lead's counsellor; return True when the mail went out."""
    from .models import Enquiry

    lead = Enquiry.objects.select_related("owner", "course", "source_article").get(pk=lead_id)
    if lead.owner is None or not lead.owner.email or lead.erased_at:
        return False
    body = render_to_string("enquiries/email/new_lead.txt", {"lead": lead, "site_url": settings.SITE_URL})
    try:
        send_mail(f"New enquiry #{lead.pk} ({lead.course or 'no course chosen'})", body, None, [lead.owner.email])
    except Exception as error:  # the lead is saved; the retry command sends it later
        logger.exception("Could not email %s about lead %s", lead.owner.email, lead.pk)
        Enquiry.objects.filter(pk=lead.pk).update(notify_error=str(error)[:300])
        return False
    Enquiry.objects.filter(pk=lead.pk).update(notified_at=timezone.now(), notify_error="")
    return True
