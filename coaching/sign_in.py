"""How wrong passwords and codes lock the admin's sign-in (django-axes, with one rule added).

Two rules, each counted over the cool-off period: AXES_FAILURE_LIMIT failures for one username from one
address (axes' own rule), and AXES_ACCOUNT_FAILURE_LIMIT failures for one username from any number of
addresses, so someone spreading guesses over many addresses does not get a fresh allowance at each. The
second limit is higher, so a colleague mistyping from the office is locked by the first long before a
stranger's guesses can lock the account for everyone.
"""

from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone
from django.utils.timesince import timesince

from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.attempts import get_cool_off_threshold
from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from axes.signals import user_locked_out


def account_failures(request, username):
    """Failed sign-ins for this username from every address during the cool-off period."""
    if not username:
        return 0
    return AccessAttempt.objects.filter(
        username=username, attempt_time__gte=get_cool_off_threshold(request),
    ).aggregate(total=Sum("failures_since_start"))["total"] or 0


class AccountAndAddressHandler(AxesDatabaseHandler):
    """django-axes' database handler, plus the per-account rule."""

    def is_locked(self, request, credentials=None):
        return super().is_locked(request, credentials) or self._account_locked(request, credentials)

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request=request, **kwargs)
        if request is not None and not request.axes_locked_out and self._account_locked(request, credentials):
            request.axes_locked_out = True
            request.axes_credentials = credentials
            user_locked_out.send("axes", request=request, username=(credentials or {}).get("username"),
                                 ip_address=request.axes_ip_address)

    @staticmethod
    def _account_locked(request, credentials):
        if not settings.AXES_LOCK_OUT_AT_FAILURE:
            return False
        return account_failures(request, (credentials or {}).get("username")) >= settings.AXES_ACCOUNT_FAILURE_LIMIT


def cool_off_phrase(request=None):
    """The lock's length in words ("15 minutes"), as the lockout page and the warning say it."""
    now = timezone.now()
    return timesince(now - get_cool_off(request), now)


def last_attempt_warning(request, username):
    """A warning when the next wrong attempt would lock this sign-in; None otherwise."""
    if not username or not settings.AXES_LOCK_OUT_AT_FAILURE:
        return None
    credentials = {"username": username}
    left = min(get_failure_limit(request, credentials) - AxesProxyHandler.get_failures(request, credentials),
               settings.AXES_ACCOUNT_FAILURE_LIMIT - account_failures(request, username))
    if left != 1:
        return None
    return f"One more wrong attempt locks sign-in to this account for {cool_off_phrase(request)}."


def locked_out(request, original_response=None, credentials=None):
    """The lockout page (429): how long the lock lasts in words, and the way back to the sign-in."""
    return render(request, settings.AXES_LOCKOUT_TEMPLATE, {"cool_off": cool_off_phrase(request)},
                  status=settings.AXES_HTTP_RESPONSE_CODE)
