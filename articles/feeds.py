from django.conf import settings
from django.contrib.syndication.views import Feed

from .models import Article

FEED_LENGTH = 30


class LatestArticlesFeed(Feed):
    title = f"{settings.SITE_NAME}: current affairs"
    link = "/"
    description = "The latest current-affairs analyses, mapped to the UPSC General Studies papers."

    def items(self):
        return Article.objects.published().select_related("edition")[:FEED_LENGTH]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.context

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.updated_at
