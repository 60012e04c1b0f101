import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection

PROJECT = Path(__file__).resolve().parents[2]


def run_django(code, **env):
    """Start a fresh Python with only the given settings variables, as a production server would."""
    clean = {key: value for key, value in os.environ.items()
             if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "PAGE_CACHE_URL"))}
    clean.update(env, DJANGO_SETTINGS_MODULE="coaching.settings")
    return subprocess.run([sys.executable, "-c", f"import django; django.setup(); {code}"],
                          cwd=PROJECT, env=clean, capture_output=True, text=True, timeout=60)


def test_site_refuses_to_start_without_a_secret_key_when_debug_is_off():
    """With DJANGO_DEBUG off and no DJANGO_SECRET_KEY, start-up fails with a message that says why."""
    result = run_django("print('started')", DJANGO_DEBUG="false")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr
    assert "started" not in result.stdout


def test_production_settings_come_from_the_environment(tmp_path):
    """Debug, hosts, database, cache and mail are read from the environment."""
    code = (
        "from django.conf import settings as s; "
        "print(s.DEBUG, s.ALLOWED_HOSTS, s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'], "
        "s.CACHES['default']['BACKEND'], s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_USE_TLS, "
        "s.STORAGES['staticfiles']['BACKEND'], s.TIME_ZONE, s.USE_TZ)"
    )
    result = run_django(
        code,
        DJANGO_DEBUG="false", DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="ias.example.in,www.ias.example.in",
        DATABASE_URL="postgres://coach@db.internal:5432/coaching", REDIS_URL="redis://cache.internal:6379/1",
        EMAIL_URL="smtp://mailer:secret@smtp.example.in:587/?tls=True",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False", "['ias.example.in',", "'www.ias.example.in']", "django.db.backends.postgresql", "coaching",
        "coaching.redis_cache.SharedRedisCache", "smtp.example.in", "587", "True",
        "whitenoise.storage.CompressedManifestStaticFilesStorage", "Asia/Kolkata", "True",
    ]


def test_cached_pages_go_to_their_own_redis_when_one_is_configured():
    """PAGE_CACHE_URL puts the page cache in a Redis of its own; without it pages share REDIS_URL."""
    code = "from django.conf import settings as s; print(s.CACHES['default']['LOCATION'], s.CACHES['pages']['LOCATION'])"
    shared = run_django(code, DJANGO_DEBUG="true", REDIS_URL="redis://127.0.0.1:6379/1")
    separate = run_django(code, DJANGO_DEBUG="true", REDIS_URL="redis://127.0.0.1:6379/1",
                          PAGE_CACHE_URL="redis://127.0.0.1:6380/0")

    assert shared.stdout.split() == ["redis://127.0.0.1:6379/1", "redis://127.0.0.1:6379/1"]
    assert separate.stdout.split() == ["redis://127.0.0.1:6379/1", "redis://127.0.0.1:6380/0"]


def test_default_database_is_sqlite_in_wal_mode_with_immediate_transactions(tmp_path):
    """Without DATABASE_URL the site uses SQLite with WAL journaling, IMMEDIATE transactions and a 64 MB page
    cache (SQLite's own default of 2 MB made a search over a long archive read its matches from disk)."""
    code = (
        "from django.db import connection as c; c.ensure_connection(); cur = c.cursor(); "
        "cur.execute('PRAGMA journal_mode'); mode = cur.fetchone()[0]; cur.execute('PRAGMA cache_size'); "
        "print(mode, c.settings_dict['OPTIONS']['transaction_mode'], cur.fetchone()[0])"
    )
    result = run_django(code, DJANGO_DEBUG="true", DATABASE_URL=f"sqlite:///{tmp_path / 'site.db'}")

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["wal", "IMMEDIATE", "-64000"]


@pytest.mark.django_db
def test_the_configured_database_and_cache_answer():
    """The suite runs against the configured database and cache (PostgreSQL and Redis in CI)."""
    cache.set("coaching-cms-probe", "ok", 5)

    assert cache.get("coaching-cms-probe") == "ok"
    assert connection.vendor == ("postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite")
    assert ("Redis" in settings.CACHES["default"]["BACKEND"]) == bool(os.environ.get("REDIS_URL"))
