from django.apps import AppConfig
from django.db.backends.signals import connection_created


class CommonConfig(AppConfig):
    """The ground floor every app may use and that uses none of them: one way to say when, paging, form
    helpers, the aggregates the ORM lacks. No models."""

    name = "common"
    verbose_name = "Common"

    def ready(self):
        from .aggregates import add_median_to_sqlite

        connection_created.connect(add_median_to_sqlite, dispatch_uid="common.median")
