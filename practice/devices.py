"""The anonymous device a student practises on: a random id in a signed cookie, never a login."""

import uuid

from django.conf import settings

COOKIE = "practice_device"
SALT = "practice.device"
MAX_AGE = 60 * 60 * 24 * 365 * 2


def device_of(request):
    """This browser's device id, or a new one (which `remember` then sets)."""
    known = request.get_signed_cookie(COOKIE, default=None, salt=SALT)
    return known or uuid.uuid4().hex


def remember(response, device):
    response.set_signed_cookie(COOKIE, device, salt=SALT, max_age=MAX_AGE, httponly=True, samesite="Lax",
                               secure=settings.SESSION_COOKIE_SECURE)
    return response
