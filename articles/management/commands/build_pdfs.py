"""Build each released month's PDF ahead of the students who will download it (run by a timer)."""

import time
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand
from django.test import RequestFactory

from articles import editions, pdf


class Command(BaseCommand):
    help = ("Make sure every released month's PDF is in the shared cache, building those whose articles "
            "changed. A month of 60 articles takes about 13 s to build, which no student should wait for.")

    def handle(self, *args, **options):
        # The PDF is rendered as an anonymous visitor's request would render it, so its cache key matches.
        site = urlsplit(settings.SITE_URL)
        request = RequestFactory().get("/", HTTP_HOST=site.netloc, secure=site.scheme == "https")
        request.user = AnonymousUser()
        for edition in editions.released_months():
            started = time.perf_counter()
            content = pdf.edition_pdf(request, edition)
            self.stdout.write(f"{edition}: {len(content) // 1024} KB ready in {time.perf_counter() - started:.1f} s")
