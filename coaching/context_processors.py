"""What every page's header and footer need: the institute, its call-us numbers, the paper menu."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from articles.models import Paper
from enquiries.models import CallUsNumber, call_us_links

from .outage import remember_call_us_links


def _call_us_links():
    links = call_us_links(CallUsNumber.objects.shown())
    remember_call_us_links(links)  # the outage page shows them when the database cannot
    return links


def site(request):
    return {
        "site_name": settings.SITE_NAME,
        "call_us_links": SimpleLazyObject(_call_us_links),
        "menu_papers": SimpleLazyObject(lambda: list(Paper.objects.all())),
    }
