"""When the database is down: the page students see instead of an error, with the call-us numbers it can
no longer read from the database (the last ones shown, kept in the cache)."""

import logging
import sys

from django.conf import settings
from django.core.cache import cache
from django.db import DataError, InterfaceError, InternalError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseServerError
from django.template import loader
from django.urls import NoReverseMatch, reverse

from common.languages import html_language
from enquiries.phones import PhoneLink

logger = logging.getLogger(__name__)

CALL_US_KEY = "outage:call-us-links"
RETRY_AFTER_SECONDS = 30


def remember_call_us_links(links):
    """Keep the numbers just shown for the outage page (written only when they change). A cache outage
    must not break the page showing them."""
    plain = [(link.tel, link.text, link.continues_previous) for link in links]
    try:
        if cache.get(CALL_US_KEY) != plain:
            cache.set(CALL_US_KEY, plain, None)
    except Exception:  # any cache backend error
        logger.warning("Cache unavailable: the call-us numbers for the outage page were not kept.", exc_info=True)


def last_known_call_us_links():
    try:
        plain = cache.get(CALL_US_KEY) or []
    except Exception:  # any cache backend error
        plain = []
    return [PhoneLink(*link) for link in plain]


# What the database raises when it cannot be reached or cannot write (down, hanging, read-only): an outage.
# Its other errors are about the request (DataError: a value it cannot store or compare) or are bugs.
OUTAGES = (OperationalError, InterfaceError, InternalError)


def server_error(request):
    """The site's error page. A database outage gets the 503 page with the call-us numbers instead, so a
    student who came to enquire can still call; a value the database refused gets a 400 that says so;
    anything else gets the plain 500 page. None touches the database."""
    error = sys.exc_info()[1]
    if isinstance(error, DataError):
        logger.warning("The database refused a value in %s: answered 400.", request.path, exc_info=True)
        return bad_request(request)
    if isinstance(error, OUTAGES):
        logger.error("Database unavailable: answered %s with the outage page.", request.path)
        body = _error_page("503.html", call_us_links=last_known_call_us_links())
        return HttpResponse(body, status=503, headers={"Retry-After": str(RETRY_AFTER_SECONDS)})
    return HttpResponseServerError(_error_page("500.html"))


def bad_request(request, exception=None):
    """A request the site cannot read (a value the database refused, a forged host or form)."""
    return HttpResponseBadRequest(_error_page("400.html"))


def _error_page(template_name, **context):
    """An error page in the language of the address that failed, made from no more than the settings: no
    context processor runs, since they may read the database that has just failed."""
    try:
        home = reverse("articles:home")
    except NoReverseMatch:  # an error page must never fail: a site mounted without the articles goes to /
        home = "/"
    return loader.get_template(template_name).render({
        "site_name": settings.SITE_NAME, "html_language": html_language(), "home": home, **context})
