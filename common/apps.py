from django.apps import AppConfig


class CommonConfig(AppConfig):
    """The ground floor every app may use and that uses none of them: one way to say when, paging, form
    helpers. No models."""

    name = "common"
    verbose_name = "Common"
