"""Hostile input typed by (or sent as) a signed-in superuser: every admin list, searched and filtered with NUL
bytes, SQL, very long and odd Unicode values, answers without a server error, on SQLite and PostgreSQL."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories import full_article, staff_user

pytestmark = pytest.mark.django_db

HOSTILE_VALUES = ["\x00", "mon\x00soon", "' OR 1=1 --", "%_%", "a" * 3000, "\u202e😀", "-1", "9" * 30,
                  "2024-13-45", "<script>"]


def admin_lists():
    return [reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
            for model in admin.site._registry]


@pytest.fixture
def superuser(client):
    full_article(tags=("Monsoon",))
    client.force_login(staff_user("root", is_superuser=True))
    return client


@pytest.mark.parametrize("value", HOSTILE_VALUES, ids=range(len(HOSTILE_VALUES)))
def test_every_admin_list_searched_and_filtered_with_hostile_values_answers_without_a_server_error(superuser,
                                                                                                  value):
    """The search box, any filter parameter, the ordering, the page and the date drill-down with a hostile
    value: never a 5xx."""
    failures = []
    for url in admin_lists():
        for parameters in ({"q": value}, {"status": value, "owner__id__exact": value, "paper": value},
                           {"o": value, "p": value}, {"created_at__gte": value, "published_at__year": value}):
            status = superuser.get(url, parameters).status_code
            if status >= 500:
                failures.append((url, parameters, status))
    assert failures == []


@pytest.mark.parametrize("value", HOSTILE_VALUES, ids=range(len(HOSTILE_VALUES)))
def test_the_admin_autocomplete_with_hostile_terms_answers_without_a_server_error(superuser, value):
    """The autocomplete behind the article form's topic and tag pickers."""
    for model_name, field_name in (("article", "tags"), ("relevance", "topic")):
        response = superuser.get("/admin/autocomplete/", {
            "term": value, "app_label": "articles", "model_name": model_name, "field_name": field_name})
        assert response.status_code < 500, (model_name, response.status_code)
