"""Two app servers (separate gunicorn processes) sharing PostgreSQL and Redis behave as one site: an edit
made through one shows through the other at once, sessions and rate limits are shared."""

import re
import subprocess
import sys
import uuid

import pytest

from tests.faults.test_dependency_faults import POSTGRES, PROJECT, Visitor, free_port, prepare_site, production_env

pytestmark = pytest.mark.faults
ARTICLE = "/articles/japan-india-deeper-defence-partnership/"


class Server:
    def __init__(self, env, log):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "coaching.wsgi",
             "--bind", f"127.0.0.1:{self.port}", "--workers", "1"],
            cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=log.open("w"))

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=35)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    import time

    import psycopg

    database = f"coaching_two_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{database}"')
    env = production_env(
        database_url=f"{POSTGRES}/{database}", redis_url="redis://127.0.0.1:6379/9",
        media=tmp_path_factory.mktemp("media"), DEMO_PASSWORD="two-servers-password",
        ENQUIRY_RATE_PER_IP="3/h", ENQUIRY_RATE_PER_PHONE="1000/h",
    )
    prepare_site(env, ["shell", "-c", "from django.core.cache import cache; cache.clear()"])
    logs = tmp_path_factory.mktemp("logs")
    pair = [Server(env, logs / "first.log"), Server(env, logs / "second.log")]
    try:
        deadline = time.monotonic() + 30
        for server in pair:
            while Visitor(server.base).request("/healthz")[0] != 200:
                assert time.monotonic() < deadline, (logs / "first.log").read_text()[-3000:]
                time.sleep(0.3)
        yield pair
    finally:
        for server in pair:
            server.stop()
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def field(page, name):
    return re.search(rf'name="{name}" value="([^"]*)"', page).group(1)


def test_an_edit_through_one_server_shows_through_the_other_and_sessions_are_shared(servers):
    """The second server has the article in its page cache; the editor signs in on the first and unpublishes
    it there; the second server's next anonymous answer is 404, and the editor's session works on it too."""
    first, second = servers
    reader = Visitor(second.base)
    assert reader.request(ARTICLE)[0] == 200 and reader.request(ARTICLE)[0] == 200  # cached on the second

    editor = Visitor(first.base)
    login = editor.request("/admin/login/")[1]
    signed_in = editor.request("/admin/login/", {"csrfmiddlewaretoken": field(login, "csrfmiddlewaretoken"),
                                                 "username": "editor", "password": "two-servers-password"})
    assert signed_in[0] == 302, signed_in[1][:500]
    change_list = editor.request("/admin/articles/article/?q=japan&language__exact=en")[1]
    article_id = re.search(r'/admin/articles/article/(\d+)/change/', change_list).group(1)
    change_page = editor.request(f"/admin/articles/article/{article_id}/change/")[1]
    moved = editor.request(f"/admin/articles/article/{article_id}/move/unpublish/",
                           {"csrfmiddlewaretoken": field(change_page, "csrfmiddlewaretoken")})
    assert moved[0] == 302

    assert Visitor(second.base).request(ARTICLE)[0] == 404
    editor.base = second.base  # the same browser, its session cookie, now talking to the other server
    assert editor.request(f"/admin/articles/article/{article_id}/change/")[0] == 200


def test_rate_limits_are_counted_across_both_servers(servers):
    """Three enquiries an hour from one address: the first three (on either server) are taken, the fourth is
    refused with 429 wherever it lands."""
    answers = []
    for number in range(4):
        server = servers[number % 2]
        visitor = Visitor(server.base)
        page = visitor.request("/enquiry/")[1]
        course = re.search(r'<option value="(\d+)"', page).group(1)
        answers.append(visitor.request("/enquiry/", {
            "csrfmiddlewaretoken": field(page, "csrfmiddlewaretoken"), "started": field(page, "started"),
            "course": course, "mode": "online", "consent": "on", "name": "Two Servers",
            "phone": f"+9198555{number:05d}"})[0])

    assert answers == [302, 302, 302, 429]
