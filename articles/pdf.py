"""PDFs students download before the exam: a whole month's compilation and single articles.

Rendered on the server by WeasyPrint from the same published content the pages show. A PDF is kept in
the shared cache under a fingerprint of the HTML it is printed from, so it is built once and rebuilt as
soon as anything it prints changes (an article's text, a published or withdrawn article, the call-us
numbers in its footer); rendering that HTML costs milliseconds, the PDF seconds.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import Prefetch
from django.template.loader import render_to_string

from . import editions
from .models import Article, Relevance

CACHE_SECONDS = 60 * 60 * 24 * 30


def edition_pdf(request, edition):
    """The month's compilation: cover, contents with page numbers, each article starting a new page."""
    articles = list(
        Article.objects.published_here().filter(edition=edition).select_related("edition").prefetch_related(
            "sections", Prefetch("relevances", queryset=Relevance.objects.select_related("paper", "topic__paper")))
    )
    chapter_list = editions.chapters(articles)
    return _pdf(request, "articles/pdf/edition.html", {
        "edition": edition, "chapters": chapter_list, "articles": editions.reading_order(chapter_list)})


def article_pdf(request, article):
    """One article (its relevances and sections already loaded) under the institute's name."""
    return _pdf(request, "articles/pdf/article.html", {"article": article})


def _pdf(request, template, context):
    html = render_to_string(template, {**context, "site_url": settings.SITE_URL}, request=request)
    key = "pdf:" + hashlib.sha256(html.encode()).hexdigest()
    pdf = cache.get(key)
    if pdf is None:
        from weasyprint import HTML  # loaded on first use: it brings in Pango, which most requests never need

        pdf = HTML(string=html, base_url=settings.SITE_URL).write_pdf()
        cache.set(key, pdf, CACHE_SECONDS)
    return pdf
