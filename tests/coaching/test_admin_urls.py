"""Every admin address, given a malformed or missing object id, answers 404 or a redirect, never a 500."""

import re

import pytest
from django.contrib import admin
from django.urls import URLPattern, URLResolver

pytestmark = pytest.mark.django_db

JUNK_IDS = ["abc", "11/change", "0", "99999999999999999999", "-1", "1.5", "%2F..%2F", "जलवायु"]


def admin_routes(patterns=None, prefix=""):
    """Each admin URL pattern's route, with its parameters, as text (e.g. articles/article/<path:object_id>/move/<slug:name>/)."""
    for pattern in patterns if patterns is not None else admin.site.get_urls():
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from admin_routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and "object_id" in route:
            yield route


ROUTES = sorted(set(admin_routes()))


def test_the_sweep_covers_the_custom_views():
    """The sweep reaches the history, compare, move and release views, not only Django's own."""
    assert any("move/" in route for route in ROUTES)
    assert any("history/compare/" in route for route in ROUTES)
    assert any("release/" in route for route in ROUTES)


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("junk", JUNK_IDS)
def test_an_admin_url_with_a_junk_object_id_is_never_a_server_error(client, superuser, route, junk):
    """GET and POST with a junk id give 404, the admin's own redirect for a missing object, or a refusal;
    never a 500."""
    client.force_login(superuser)
    url = "/admin/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: junk if m.group(1) == "object_id" else {
        "version_id": "1", "name": "publish"}.get(m.group(1), "x"), route)

    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code < 500, (method.__name__, url, response.status_code)


def test_a_custom_admin_view_with_a_junk_id_answers_404(client, superuser):
    """The article move, compare and history views and the edition release view say 404 for ids like "abc"."""
    client.force_login(superuser)

    assert client.post("/admin/articles/article/abc/move/publish/").status_code == 404
    assert client.get("/admin/articles/article/abc/history/compare/1/").status_code == 404
    assert client.get("/admin/articles/article/abc/history/").status_code == 404
    assert client.get("/admin/articles/article/11/change/history/").status_code == 404
    assert client.post("/admin/articles/edition/abc/release/").status_code == 404
