from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Article, Edition, Paper, Tag, Topic, published_condition


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Article.objects.published().only("slug", "updated_at")

    def lastmod(self, article):
        return article.updated_at


class EditionSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Edition.objects.released()


class PaperSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Paper.objects.all()


class TopicSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Topic.objects.select_related("paper")


class TagSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Tag.objects.filter(published_condition(through="tagged_articles__content_object__")).distinct()


class PageSitemap(Sitemap):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["articles:home"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"pages": PageSitemap, "articles": ArticleSitemap, "editions": EditionSitemap, "papers": PaperSitemap,
            "topics": TopicSitemap, "tags": TagSitemap}
