from django.http import HttpResponse
from django.urls import path

from bench.floor import enquiry_floor
from coaching.urls import handler500, urlpatterns as site  # noqa: F401 (handler500 is read from here)

BARE_PAGE = b"<!doctype html><title>bare</title>" + b"x" * (10 * 1024 - 34)


def bare(request):
    """A fixed 10 KB page through the same middleware: what Django itself costs."""
    return HttpResponse(BARE_PAGE)


urlpatterns = [path("__bench/bare", bare), path("__bench/enquiry-floor", enquiry_floor), *site]
