"""Production fails closed: secure defaults with DEBUG off, a start-up that refuses a half-configured site,
a .env that only ever configures development, and uncaught errors mailed to the admins."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import path

from tests.coaching.test_settings_from_environment import run_django
from tests.conftest import sent_mail

PROJECT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": "kR7#vQ2!mZ9xL4@pW8tN3yB6cF1hJ5dG0sA-eU_iO+rT=Yq3nVb8Mx", "DJANGO_ALLOWED_HOSTS": "www.pragati-ias.in",
    "SITE_URL": "https://www.pragati-ias.in", "DEFAULT_FROM_EMAIL": "Pragati IAS <office@pragati-ias.in>",
    "REDIS_URL": "redis://127.0.0.1:6379/9",
}


def test_with_debug_off_https_hsts_and_secure_cookies_are_on_by_default():
    """Without any security variable, DEBUG off means HTTPS redirect, a year of HSTS with subdomains, and
    cookies sent over HTTPS only; preload stays an explicit choice."""
    result = run_django("from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, "
                        "s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD, s.SESSION_COOKIE_SECURE, "
                        "s.CSRF_COOKIE_SECURE, s.STAFF_2FA)", **PRODUCTION)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "31536000", "True", "False", "True", "True", "required"]


def test_each_secure_default_can_be_turned_off_explicitly():
    """Each default has a variable to change it, for setting up TLS or preloading HSTS."""
    result = run_django("from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, "
                        "s.SECURE_HSTS_PRELOAD, s.SESSION_COOKIE_SECURE, s.STAFF_2FA)",
                        **PRODUCTION, DJANGO_SECURE_SSL_REDIRECT="false", DJANGO_HSTS_SECONDS="0",
                        DJANGO_HSTS_PRELOAD="true", DJANGO_SECURE_COOKIES="false", DJANGO_STAFF_2FA="optional")

    assert result.stdout.split() == ["False", "0", "True", "False", "optional"]


def test_the_deploy_check_is_clean_with_production_variables():
    """`check --deploy --fail-level WARNING` passes with the production variables set."""
    result = run_django("from django.core.management import call_command; "
                        "call_command('check', deploy=True, fail_level='WARNING')", **PRODUCTION)

    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("missing, message", [
    ("SITE_URL", "SITE_URL is 'http://127.0.0.1:8000': mail would link students and staff to a local address."),
    ("DEFAULT_FROM_EMAIL", "DEFAULT_FROM_EMAIL is 'Coaching CMS <no-reply@localhost>', which no mail server will"),
    ("REDIS_URL", "The cache is per process, so rate limits and sign-in lockouts are counted separately"),
])
def test_the_app_server_refuses_to_start_without_a_production_essential(missing, message):
    """Loading wsgi.py (what gunicorn does) stops with the reason when SITE_URL, a real sender address or a
    shared cache is missing."""
    env = {key: value for key, value in PRODUCTION.items() if key != missing}
    clean = {key: value for key, value in os.environ.items()
             if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "SITE_URL", "DEFAULT_FROM_EMAIL"))}
    result = subprocess.run([sys.executable, "-c", "import coaching.wsgi; print('serving')"], cwd=PROJECT,
                            env={**clean, **env}, capture_output=True, text=True, timeout=60)

    assert result.returncode != 0
    assert message in result.stderr
    assert "serving" not in result.stdout


def test_the_app_server_starts_when_production_is_configured():
    """With every essential set, wsgi.py loads."""
    clean = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_URL"))}
    result = subprocess.run([sys.executable, "-c", "import coaching.wsgi; print('serving')"], cwd=PROJECT,
                            env={**clean, **PRODUCTION}, capture_output=True, text=True, timeout=60)

    assert result.returncode == 0, result.stderr
    assert "serving" in result.stdout


def _manage_with_env_file(tmp_path, env_file, **environment):
    """Run manage.py from a copy whose .env holds `env_file`, printing DEBUG and the secret key's source."""
    subprocess.run(["cp", "-r", str(PROJECT / "manage.py"), str(PROJECT / "coaching"), str(PROJECT / "common"), str(PROJECT / "articles"),
                    str(PROJECT / "enquiries"), str(PROJECT / "practice"), str(PROJECT / "answers"),
                    str(PROJECT / "templates"),
                    str(PROJECT / "static"), str(tmp_path)],
                   check=True)
    (tmp_path / ".env").write_text(env_file)
    clean = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_URL"))}
    clean.update(environment, DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3")
    return subprocess.run([sys.executable, "manage.py", "shell", "-v", "0", "-c",
                           "from django.conf import settings; print(settings.DEBUG, settings.SITE_NAME)"],
                          cwd=tmp_path, env=clean, capture_output=True, text=True, timeout=60)


def test_a_development_env_file_is_read_by_manage_py(tmp_path):
    """A .env that turns DEBUG on configures manage.py commands."""
    result = _manage_with_env_file(tmp_path, "DJANGO_DEBUG=true\nSITE_NAME=Local\n")

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "Local"]


def test_a_env_file_never_configures_production(tmp_path):
    """A .env without DEBUG on, or with the environment turning DEBUG off, is ignored with a notice."""
    stray = _manage_with_env_file(tmp_path, "DJANGO_SECRET_KEY=from-file\nSITE_NAME=Stray\n",
                                  DJANGO_DEBUG="false", DJANGO_SECRET_KEY="k" * 60, DJANGO_ALLOWED_HOSTS="x.in")
    overruled = _manage_with_env_file(tmp_path, "DJANGO_DEBUG=true\nSITE_NAME=Stray\n",
                                      DJANGO_DEBUG="false", DJANGO_SECRET_KEY="k" * 60, DJANGO_ALLOWED_HOSTS="x.in")

    for result in (stray, overruled):
        assert "Ignoring .env: it is read only for local development" in result.stderr
        assert "Stray" not in result.stdout


def failing_page(request):
    raise ZeroDivisionError("a bug in a page")


urlpatterns = [path("failing/", failing_page)]


@pytest.mark.django_db
@pytest.mark.urls("tests.coaching.test_production")
def test_an_uncaught_error_is_mailed_to_the_admins(client, settings):
    """A page that fails answers the site's 500 page, and the people in ADMINS get the traceback by mail."""
    settings.ADMINS = [("Ops", "ops@pragati-ias.in")]
    client.raise_request_exception = False

    response = client.get("/failing/")

    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    outbox = sent_mail()
    assert [message.to for message in outbox] == [["ops@pragati-ias.in"]]
    assert "ZeroDivisionError" in outbox[0].body


def test_admins_come_from_the_environment():
    """DJANGO_ADMINS lists the people who get error mail, with or without names."""
    result = run_django("from django.conf import settings as s; print(s.ADMINS)",
                        DJANGO_DEBUG="true", DJANGO_ADMINS="Ops Team <ops@pragati-ias.in>, dev@pragati-ias.in")

    assert result.stdout.strip() == "[('Ops Team', 'ops@pragati-ias.in'), ('', 'dev@pragati-ias.in')]"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/enquiry/", "/robots.txt", "/admin/login/"])
def test_every_response_carries_the_security_headers(client, path):
    """Public pages, plain-text files and the admin carry the CSP, the Permissions-Policy and no-sniff."""
    response = client.get(path)

    policy = response["Content-Security-Policy"]
    for directive in ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'",
                      "form-action 'self'"]:
        assert directive in policy
    assert "unsafe-inline" not in policy
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
