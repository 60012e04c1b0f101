"""Site-wide pages that belong to no app: the CSRF failure page."""

from django.shortcuts import render


def csrf_failure(request, reason=""):
    """A form sent without a valid security token, usually from a page left open too long or with cookies
    blocked: say so in the site's own words, and how to go on."""
    return render(request, "403_csrf.html", status=403)
