from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, Max, OuterRef, Q
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property

from common.languages import html_language

from .models import Article, Edition, Paper, Tag, TaggedArticle, Topic, published_condition


# URLs per sitemap file. Search engines take up to 50,000, but rendering them took 5 s (Django's template,
# a URL reversed per article) at 100,000 articles, on a worker a crawler holds; 2,000 take about 0.2 s.
URLS_PER_FILE = 2000


class PagedSitemap(Sitemap):
    limit = URLS_PER_FILE

    @cached_property
    def paginator(self):
        """Counted once per request: whether the site needs an index is asked before its files are rendered."""
        return Sitemap.paginator.fget(self)


class ArticleSitemap(PagedSitemap):
    """Every published article in either language; one whose twin is published too names both addresses
    as alternates (xhtml:link, with English as the x-default), so that search engines show each reader the
    version in their language. Django's own i18n sitemaps list every item once per language, which would
    read the whole archive into a list to page it."""

    changefreq = "monthly"
    priority = 0.8

    def items(self):
        # In the order they were written, so that a new article changes only the last file of the index.
        twin = Article.objects.published().filter(Q(english_original=OuterRef("pk"))
                                                  | Q(pk=OuterRef("english_original")))
        return (Article.objects.published().only("slug", "language", "updated_at")
                .annotate(twin_is_live=Exists(twin)).order_by("pk"))

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page, site, protocol)
        for url in urls:
            article = url["item"]
            if article.twin_is_live:
                origin = url["location"].removesuffix(article.get_absolute_url())
                addresses = {language: origin + _article_address(article.slug, language)
                             for language, _ in settings.LANGUAGES}
                url["alternates"] = [
                    *({"lang_code": html_language(language), "location": address}
                      for language, address in addresses.items()),
                    {"lang_code": "x-default", "location": addresses[settings.LANGUAGE_CODE]},
                ]
        return urls

    def lastmod(self, article):
        return article.updated_at

    def get_latest_lastmod(self):
        """For the index: Django's default reads every article to find the latest change."""
        return Article.objects.published().aggregate(latest=Max("updated_at"))["latest"]


def _article_address(slug, language):
    """The address of the article at `slug` in `language` (twins share their slug)."""
    with translation.override(language):
        return reverse("articles:detail", args=[slug])


class EditionSitemap(PagedSitemap):
    changefreq = "monthly"

    def items(self):
        return Edition.objects.released()


class PaperSitemap(PagedSitemap):
    changefreq = "weekly"

    def items(self):
        return Paper.objects.all()


class TopicSitemap(PagedSitemap):
    changefreq = "weekly"

    def items(self):
        return Topic.objects.select_related("paper")


class TagSitemap(PagedSitemap):
    changefreq = "weekly"

    def items(self):
        # One test per tag, not a DISTINCT over every tagging (130 ms at 100,000 articles against 17 ms).
        return Tag.objects.filter(Exists(TaggedArticle.objects.filter(
            published_condition(through="content_object__"), tag=OuterRef("pk"))))


class PageSitemap(PagedSitemap):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["articles:home"]

    def location(self, name):
        return reverse(name)


# Keyed by the names of their files ("sitemap-articles.xml") once the site outgrows a single sitemap.
SITEMAPS = {"pages": PageSitemap, "articles": ArticleSitemap, "editions": EditionSitemap, "papers": PaperSitemap,
            "topics": TopicSitemap, "tags": TagSitemap}
