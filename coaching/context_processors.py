"""What every page's header and footer need: the institute, its call-us numbers, the paper menu."""

from django.conf import settings
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from articles.models import Paper
from enquiries.models import CallUsNumber, call_us_links

from .outage import remember_call_us_links
from .page_cache import PAGE_SECONDS, content_version


def _call_us_links():
    return _from_cache("call-us", _call_us_links_from_database)


def _call_us_links_from_database():
    links = call_us_links(CallUsNumber.objects.shown())
    remember_call_us_links(links)  # the outage page shows them when the database cannot
    return links


def _from_cache(name, compute):
    """The header's parts, read once per content version (see coaching.page_cache), not on every page."""
    version = content_version()
    if version is None:
        return compute()
    try:
        return cache.get_or_set(f"header:{name}:{version}", compute, timeout=PAGE_SECONDS)
    except Exception:
        return compute()


def site(request):
    return {
        "site_name": settings.SITE_NAME,
        "call_us_links": SimpleLazyObject(_call_us_links),
        "menu_papers": SimpleLazyObject(lambda: _from_cache("papers", lambda: list(Paper.objects.all()))),
    }
