"""Settings for the test suite: the real settings with a test secret and plain static storage."""

import os
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "test-secret-key-not-for-production")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")

from coaching.settings import *  # noqa: E402,F403

# The manifest storage needs collectstatic and keeps CKEditor from loading under live_server.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
# Answer photos go to a folder of this run's own, never the checkout's private-media/.
STORAGES["answers"] = {**STORAGES["answers"], "OPTIONS": {  # noqa: F405
    "location": tempfile.mkdtemp(prefix="coaching-answers-"), "base_url": None}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Mail is queued as in production (django-mailer); tests run the worker (tests.conftest.sent_mail) to read it.
MAILER_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False  # the test client speaks plain HTTP; tests/coaching/test_production.py checks the real default
# Most tests act as staff through force_login; the two-factor tests switch this to "required" themselves.
STAFF_2FA = "optional"
CACHES["default"]["KEY_PREFIX"] = f"test-{os.getpid()}"  # noqa: F405

# `make test` runs the suite in one process per core (pytest-xdist). A test's cache.clear() empties a whole
# Redis database, so each worker counts up from REDIS_URL's database to one of its own; pytest-django gives
# each its own PostgreSQL database, and the SQLite file below is named by process.
WORKER_NUMBER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))


def _worker_redis(url):
    server, _, database = url.rpartition("/")
    return f"{server}/{int(database or 0) + WORKER_NUMBER}"


# Tests of the Redis backend itself use this database even when the site runs on local memory.
TEST_REDIS_URL = _worker_redis(REDIS_URL or "redis://127.0.0.1:6379/0")  # noqa: F405
for _alias in CACHES.values():  # noqa: F405
    if "LOCATION" in _alias:
        _alias["LOCATION"] = _worker_redis(_alias["LOCATION"])
# Serve static files straight from the apps and static/ (no collectstatic before tests).
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Concurrency tests run threads against the database; SQLite's in-memory test database cannot be shared
# that way, so SQLite tests use a file (WAL, like the real site).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # The mutation runs (tests/mutation) name one file to reuse across their many short pytest runs.
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("COACHING_TEST_DATABASE") or os.path.join(  # noqa: F405
        tempfile.gettempdir(), f"coaching-test-{os.getpid()}.sqlite3")}
