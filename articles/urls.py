from django.urls import path, re_path, register_converter

from . import views
from .feeds import LatestArticlesFeed, PaperFeed

app_name = "articles"


class TagSlugConverter:
    """A tag's slug in any script (see Tag.slugify); never control characters, which PostgreSQL cannot compare."""

    regex = "[^/\x00-\x1f\x7f]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(TagSlugConverter, "tagslug")

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("feeds/articles/", LatestArticlesFeed(), name="feed"),
    path("feeds/papers/<slug:code>/", PaperFeed(), name="paper_feed"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("sitemap-<slug:section>.xml", views.sitemap_file, name="sitemap_file"),
    path("articles/<slug:slug>/", views.article_detail, name="detail"),
    path("articles/<slug:slug>/text/", views.article_text, name="text"),
    path("articles/<slug:slug>/pdf", views.article_pdf, name="pdf"),
    path("papers/<slug:code>/", views.paper_detail, name="paper"),
    path("papers/<slug:code>/<slug:topic_slug>/", views.topic_detail, name="topic"),
    path("tags/<tagslug:slug>/", views.tag_detail, name="tag"),
    path("editions/", views.editions_index, name="editions"),
    re_path(r"^editions/(?P<year>[0-9]{4})/(?P<month>0[1-9]|1[0-2])/$", views.edition_detail, name="edition"),
    re_path(r"^editions/(?P<year>[0-9]{4})/(?P<month>0[1-9]|1[0-2])/pdf$", views.edition_pdf, name="edition_pdf"),
]
