from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, Max, OuterRef
from django.urls import reverse
from django.utils.functional import cached_property

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
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        # In the order they were written, so that a new article changes only the last file of the index.
        return Article.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, article):
        return article.updated_at

    def get_latest_lastmod(self):
        """For the index: Django's default reads every article to find the latest change."""
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


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
