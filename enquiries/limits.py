"""The enquiry rate limits, shared by every page that takes an enquiry (the form, a practice result)."""

import logging

from django.conf import settings
from django.shortcuts import render
from django_ratelimit.core import is_ratelimited

logger = logging.getLogger(__name__)


def over_limit(request, **limit):
    """Count this request against a limit kept in the shared cache. If the cache is down the enquiry goes
    through (and it is logged): losing a student's enquiry is worse than missing a spammer."""
    try:
        return is_ratelimited(request, increment=True, **limit)
    except Exception:  # any cache backend error
        logger.warning("Cache unavailable: enquiry rate limit %s not applied.", limit["group"], exc_info=True)
        return False


def address_over_limit(request):
    return over_limit(request, group="enquiry-ip", key="ip", rate=settings.ENQUIRY_RATE_PER_IP)


def phone_over_limit(request, phone):
    return over_limit(request, group="enquiry-phone", key=lambda group, request: phone,
                      rate=settings.ENQUIRY_RATE_PER_PHONE)


def too_many(request):
    return render(request, "enquiries/rate_limited.html", status=429)
