from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Current affairs"

    def ready(self):
        from .search import index as search_index

        search_index.watch()
