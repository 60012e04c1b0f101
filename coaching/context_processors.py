"""What every page's header and footer need: the institute, its call-us numbers, the paper menu."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from articles.models import Paper
from enquiries.models import CallUsNumber, call_us_links


def site(request):
    return {
        "site_name": settings.SITE_NAME,
        "call_us_links": SimpleLazyObject(lambda: call_us_links(CallUsNumber.objects.shown())),
        "menu_papers": SimpleLazyObject(lambda: list(Paper.objects.all())),
    }
