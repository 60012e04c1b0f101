"""Site-wide pages that belong to no app: the CSRF failure page, and the device's history, where Prelims
practice and Mains answers meet (neither app knows the other)."""

from django.shortcuts import render
from django.views.decorators.cache import cache_control

from answers.models import Answer
from common import devices
from practice.models import Attempt


def csrf_failure(request, reason=""):
    """A form sent without a valid security token, usually from a page left open too long or with cookies
    blocked: say so in the site's own words, and how to go on."""
    return render(request, "403_csrf.html", status=403)


@cache_control(private=True, no_store=True)
def device_history(request):
    """What this browser did, with no login: its Prelims attempts and its Mains answers, newest first."""
    device = devices.known_device(request)
    return render(request, "device_history.html", {
        "attempts": Attempt.objects.on_device(device), "answers": Answer.objects.on_device(device)})
