"""What every page's header and footer need: the institute, the page's language tag, its call-us numbers, the paper menu."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from articles.models import Paper
from common.languages import html_language
from enquiries.models import CallUsNumber
from enquiries.phones import call_us_links

from .outage import remember_call_us_links
from .page_cache import remember, version_for


def _call_us_links_from_database():
    links = call_us_links(CallUsNumber.objects.shown())
    remember_call_us_links(links)  # the outage page shows them when the database cannot
    return links


def site(request):
    # The header's parts are read once per content version (see coaching.page_cache), not on every page.
    return {
        "site_name": settings.SITE_NAME,
        "html_language": html_language(),
        "call_us_links": SimpleLazyObject(
            lambda: remember("header:call-us", _call_us_links_from_database, version_for(request))),
        "menu_papers": SimpleLazyObject(
            lambda: remember("header:papers", lambda: list(Paper.objects.all()), version_for(request))),
    }
