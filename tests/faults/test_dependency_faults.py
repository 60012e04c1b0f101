"""The production build (gunicorn, DEBUG off, PostgreSQL, Redis) with each dependency broken on purpose:
no accepted enquiry is lost, no answer is a 500, no request waits more than a few seconds, /healthz says
what failed, and everything comes back by itself when the dependency does."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from http.cookiejar import CookieJar
from pathlib import Path

import pytest

from coaching import page_cache

from tests.faults.links import FORWARD, HANG, REFUSE, FaultyLink

PROJECT = Path(__file__).resolve().parents[2]
POSTGRES = "postgres://postgres@127.0.0.1:5432"
FEW_SECONDS = 5.0
PAGES = ["/", "/papers/gs2/", "/articles/japan-india-deeper-defence-partnership/", "/robots.txt"]


def reachable(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except OSError:
        return False


pytestmark = [
    pytest.mark.faults,
    pytest.mark.skipif(not (reachable(5432) and reachable(6379)),
                       reason="the fault suite needs PostgreSQL on 5432 and Redis on 6379 (as in CI)"),
]


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Visitor:
    """A browser without JavaScript: keeps cookies, never follows redirects, times every answer."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()), NoRedirects)

    def request(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        started = time.monotonic()
        try:
            with self.opener.open(self.base + path, body, timeout=40) as response:
                status, text = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read().decode()
        except (urllib.error.URLError, OSError) as error:  # no answer at all
            status, text = 0, str(error)
        return status, text, time.monotonic() - started


class Site:
    def __init__(self, base, database, database_link, cache_link, mail_link, env, log=None):
        self.base, self.database, self.env, self.log = base, database, env, log
        self.database_link, self.cache_link, self.mail_link = database_link, cache_link, mail_link

    def open_form(self):
        """A student opens the enquiry form: a visitor with its cookie, CSRF token and signed clock."""
        visitor = Visitor(self.base)
        status, page, _ = visitor.request("/enquiry/")
        assert status == 200, page[:500]
        field = lambda name: re.search(rf'name="{name}" value="([^"]*)"', page).group(1)  # noqa: E731
        course = re.search(r'<option value="(\d+)"', page).group(1)
        return visitor, {"csrfmiddlewaretoken": field("csrfmiddlewaretoken"), "started": field("started"),
                         "course": course, "mode": "online", "consent": "on"}

    def submit(self, form, phone):
        visitor, fields = form
        return visitor.request("/enquiry/", {**fields, "name": "Fault Test", "phone": phone})

    def leads_with(self, phones):
        import psycopg

        with psycopg.connect(f"{POSTGRES}/{self.database}") as connection:
            return {row[0] for row in connection.execute(
                "SELECT phone FROM enquiries_enquiry WHERE phone = ANY(%s)", [list(phones)])}

    def health(self):
        return Visitor(self.base).request("/healthz")

    def recovers(self, within=20):
        """/healthz answers 200 again without any restart (else the last answer, to show what still fails)."""
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            status, text, _ = self.health()
            if status == 200:
                return True
            time.sleep(0.5)
        print("--- server log ---\n" + (self.log.read_text()[-8000:] if self.log else ""))  # shown on failure
        return text

    def manage(self, *args, **env):
        return subprocess.run([sys.executable, "manage.py", *args], cwd=PROJECT, env={**self.env, **env},
                              capture_output=True, text=True, timeout=120)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_env(*, database_url, redis_url, media, **settings):
    """The environment of a production start (DEBUG off) on loopback, as the suites that run gunicorn use it."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "EMAIL", "SITE_URL", "DEFAULT_FROM"))}
    env.update(
        DJANGO_DEBUG="false", DJANGO_SECRET_KEY="production-test-" + uuid.uuid4().hex * 2,
        DJANGO_ALLOWED_HOSTS="127.0.0.1", DJANGO_SECURE_SSL_REDIRECT="false", DJANGO_SECURE_COOKIES="false",
        SITE_URL="https://www.pragati-ias.in", DEFAULT_FROM_EMAIL="Pragati IAS <office@pragati-ias.in>",
        DATABASE_URL=database_url, REDIS_URL=redis_url, ENQUIRY_MIN_FILL_SECONDS="0", DJANGO_MEDIA_ROOT=str(media),
        HEALTHZ_WRITE_CHECK_SECONDS="0",  # every /healthz tries the write, so a read-only database shows at once
        **settings,
    )
    return env


def prepare_site(env, *extra_commands):
    """Migrate, load the demo and collect the static files, as a deployment would before starting."""
    for command in (["migrate", "--noinput", "-v", "0"], ["load_demo", "--force"],
                    ["collectstatic", "--noinput", "-v", "0"], *extra_commands):
        result = subprocess.run([sys.executable, "manage.py", *command], cwd=PROJECT, env=env,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    import psycopg

    database = f"coaching_faults_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{database}"')
    database_link, cache_link, mail_link = FaultyLink(5432), FaultyLink(6379), FaultyLink(free_port())
    mail_link.set(REFUSE)
    port = free_port()
    env = production_env(
        database_url=f"postgres://postgres@127.0.0.1:{database_link.port}/{database}",
        redis_url=f"redis://127.0.0.1:{cache_link.port}/8", media=tmp_path_factory.mktemp("media"),
        EMAIL_URL=f"smtp://127.0.0.1:{mail_link.port}", EMAIL_TIMEOUT="2", DEMO_PASSWORD="fault-suite-password",
        ENQUIRY_RATE_PER_IP="10000/h", ENQUIRY_RATE_PER_PHONE="1000/h",
    )
    log = tmp_path_factory.mktemp("log") / "gunicorn.log"
    site = Site(f"http://127.0.0.1:{port}", database, database_link, cache_link, mail_link, env, log)
    prepare_site(env)
    # The server's log goes to a file: a pipe nobody reads would fill up and block the workers.
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "coaching.wsgi", "--bind",
         f"127.0.0.1:{port}", "--workers", "2", "--access-logfile", "/dev/null", "--error-logfile", str(log)],
        cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=log.open("w"))
    try:
        if site.recovers(within=30) is not True:
            pytest.fail("the site did not start: " + log.read_text()[-3000:])
        for path in PAGES:  # pages render once, so the outage page knows the call-us numbers
            Visitor(site.base).request(path)
        yield site
    finally:
        server.terminate()
        try:
            server.wait(timeout=35)
        except subprocess.TimeoutExpired:
            server.kill()
        for link in (database_link, cache_link, mail_link):
            link.close()
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def phones(prefix, count):
    return [f"+9198{prefix}{n:05d}" for n in range(count)]


def during(link_or_action, mode, body):
    """Run `body` with a link in a fault mode (or an action pair), and always put it back."""
    link_or_action.set(mode)
    try:
        return body()
    finally:
        link_or_action.set(FORWARD)


def assert_no_lead_lost(site, answers, numbers):
    """Every enquiry answered with the thank-you redirect is in the database; the others got a 503 page."""
    stored = site.leads_with(numbers)
    for (status, _, _), number in zip(answers, numbers):
        assert status in (302, 503), status
        assert (number in stored) == (status == 302), (number, status)


def assert_quick_and_never_500(answers):
    for status, text, seconds in answers:
        assert status != 500 and status < 600, text[:300]
        assert seconds < FEW_SECONDS, f"{seconds:.1f}s for an answer {status}: {text[:200]}"


def test_redis_down_loses_no_enquiry_and_healthz_names_the_cache(site):
    """With Redis refusing, enquiries are stored (limits fail open), pages answer, /healthz names the cache."""
    forms, numbers = [site.open_form() for _ in range(3)], phones("111", 3)

    def outage():
        return ([site.submit(form, number) for form, number in zip(forms, numbers)],
                [Visitor(site.base).request(path) for path in PAGES], site.health())

    answers, pages, health = during(site.cache_link, REFUSE, outage)

    assert [status for status, _, _ in answers] == [302, 302, 302]
    assert_no_lead_lost(site, answers, numbers)
    assert [status for status, _, _ in pages] == [200] * len(PAGES)
    assert_quick_and_never_500(answers + pages + [health])
    assert health[0] == 503 and "cache: FAILED" in health[1] and "database write: ok" in health[1]
    assert site.recovers() is True


# Pages that need the database on every visit (the public reading pages come from the page cache).
UNCACHED_PAGES = ["/search/?q=monsoon", "/enquiry/"]


@pytest.mark.parametrize("mode", [REFUSE, HANG], ids=["refusing", "hanging"])
def test_a_database_outage_answers_503_with_the_call_us_numbers(site, mode):
    """With PostgreSQL refusing or hanging, pages that need it answer 503 within seconds with the call-us
    numbers, the cached reading pages are still served, enquiries sent then are answered 503 (and none is
    half-stored), and /healthz names the database."""
    forms, numbers = [site.open_form() for _ in range(2)], phones("222" if mode == REFUSE else "333", 2)
    time.sleep(page_cache.RETRY_AFTER_SECONDS + 1)  # every worker uses the cache again after earlier outages
    for path in PAGES[:3]:
        Visitor(site.base).request(path)

    def outage():
        return ([site.submit(form, number) for form, number in zip(forms, numbers)],
                [Visitor(site.base).request(path) for path in UNCACHED_PAGES],
                [Visitor(site.base).request(path) for path in PAGES[:3]], site.health())

    answers, pages, cached, health = during(site.database_link, mode, outage)

    assert_quick_and_never_500(answers + pages + cached + [health])
    assert [status for status, _, _ in answers + pages] == [503] * 4
    assert [status for status, _, _ in cached] == [200] * 3
    assert all('href="tel:+919606900005"' in text for _, text, _ in answers + pages + cached)
    assert health[0] == 503 and "database read: FAILED" in health[1]
    assert site.recovers() is True
    assert_no_lead_lost(site, answers, numbers)


class ReadOnlyDatabase:
    """Turns the site's database read-only (as a full disk or a replica would be) and back."""

    def __init__(self, site):
        self.site = site

    def set(self, mode):
        import psycopg

        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
            admin.execute(f'ALTER DATABASE "{self.site.database}" SET default_transaction_read_only = '
                          f'{"off" if mode == FORWARD else "on"}')
        self.site.database_link.set(FORWARD)  # the site's open connections drop, so new ones take the setting


def test_a_read_only_database_keeps_pages_and_answers_enquiries_503(site):
    """Reading still works; an enquiry that cannot be written gets the 503 page, and /healthz names writes."""
    forms, numbers = [site.open_form() for _ in range(2)], phones("444", 2)

    def outage():
        return ([site.submit(form, number) for form, number in zip(forms, numbers)],
                [Visitor(site.base).request(path) for path in PAGES], site.health())

    answers, pages, health = during(ReadOnlyDatabase(site), "read-only", outage)

    assert_quick_and_never_500(answers + pages + [health])
    assert [status for status, _, _ in answers] == [503, 503]
    assert [status for status, _, _ in pages] == [200] * len(PAGES)
    assert health[0] == 503 and "database read: ok" in health[1] and "database write: FAILED" in health[1]
    assert site.recovers() is True
    assert_no_lead_lost(site, answers, numbers)


@pytest.mark.parametrize("mode", [REFUSE, HANG], ids=["refusing", "hanging"])
def test_a_mail_outage_delays_mail_and_never_a_page(site, mode):
    """With the mail server refusing or hanging, enquiries are answered at once; the worker defers the mail
    within its timeout; once mail works, the next run delivers it."""
    forms, numbers = [site.open_form() for _ in range(2)], phones("555" if mode == REFUSE else "666", 2)

    def outage():
        answers = [site.submit(form, number) for form, number in zip(forms, numbers)]
        started = time.monotonic()
        worker = site.manage("mail_worker", "--once")
        return answers, worker, time.monotonic() - started

    answers, worker, worker_seconds = during(site.mail_link, mode, outage)

    assert [status for status, _, _ in answers] == [302, 302]
    assert_quick_and_never_500(answers)
    assert_no_lead_lost(site, answers, numbers)
    assert worker.returncode == 0 and worker_seconds < 30
    health = site.health()
    assert health[0] == 200 and "message(s) deferred, the mail server refused or did not answer" in health[1]
    delivered = site.manage("mail_worker", "--once", EMAIL_URL="",
                            EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend")
    assert delivered.stdout.count("Subject: New enquiry #") >= 2
