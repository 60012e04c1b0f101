from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.html import escape

from .models import Article, Paper

FEED_LENGTH = 30


class LatestArticlesFeed(Feed):
    title = f"{settings.SITE_NAME}: current affairs"
    link = "/"
    description = "The latest current-affairs analyses, mapped to the UPSC General Studies papers."

    def items(self):
        return self.latest(Article.objects.published_here())

    @staticmethod
    def latest(articles):
        return articles.select_related("edition").prefetch_related("tags")[:FEED_LENGTH]

    # Feed readers render an item's title and description as HTML, and the XML writer only undoes its own
    # escaping: plain text must therefore be escaped as HTML once more, or stored "<b>" becomes bold.
    def item_title(self, article):
        return escape(article.title)

    def item_description(self, article):
        return escape(article.context)

    def item_categories(self, article):
        return [tag.name for tag in article.tags.all()]

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.updated_at


class PaperFeed(LatestArticlesFeed):
    """The latest analyses filed under one GS paper, for students who follow a single paper."""

    def get_object(self, request, code):
        return get_object_or_404(Paper, code=code)

    def title(self, paper):
        return f"{settings.SITE_NAME}: {paper.short_name} current affairs"

    def link(self, paper):
        return paper.get_absolute_url()

    def description(self, paper):
        return f"The latest current-affairs analyses for {paper.short_name} ({paper.title})."

    def items(self, paper):
        return self.latest(Article.objects.published_here().filter(relevances__paper=paper).distinct())
