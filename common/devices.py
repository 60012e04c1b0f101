"""The anonymous device a student works on (Prelims practice, Mains answers): a random id in a signed
cookie, never a login. Both apps read the one cookie, so one device's history holds both.

The cookie keeps the name and salt it had when only practice used it, so devices students already have
keep their attempts."""

import uuid

from django.conf import settings

COOKIE = "practice_device"
SALT = "practice.device"
MAX_AGE = 60 * 60 * 24 * 365 * 2


def known_device(request):
    """This browser's device id, or None when it has practised nowhere yet (or its cookie was forged)."""
    return request.get_signed_cookie(COOKIE, default=None, salt=SALT)


def device_of(request):
    """This browser's device id, or a new one (which `remember` then sets)."""
    return known_device(request) or uuid.uuid4().hex


def remember(response, device):
    response.set_signed_cookie(COOKIE, device, salt=SALT, max_age=MAX_AGE, httponly=True, samesite="Lax",
                               secure=settings.SESSION_COOKIE_SECURE)
    return response
