"""Settings for Coaching CMS, read from the environment (see the README's production section)."""

import os
from datetime import timedelta
from email.utils import getaddresses
from pathlib import Path

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured

from coaching.env import env_flag, env_list

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_flag("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. With DJANGO_DEBUG off the site refuses to start without "
            "a secret key: set DJANGO_SECRET_KEY to a long random string (or DJANGO_DEBUG=true "
            "for local development)."
        )
    SECRET_KEY = "insecure-development-key-only-used-with-DJANGO_DEBUG"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "taggit",
    "reversion",
    "import_export",
    "django_ckeditor_5",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "mailer",
    "common",  # the ground floor: dates, paging, form helpers (no models)
    "articles",
    "enquiries",
    "practice",
    "answers",
    "coaching",  # last: its post_migrate handler syncs role groups once every app has migrated
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "coaching.middleware.DropNulCharactersMiddleware",
    "coaching.middleware.AddressLanguageMiddleware",
    # Outside the page cache, so a page it serves is counted too (counts only: articles/readership.py).
    "articles.readership.ReadershipMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag on every page, so a repeat visit gets a 304; then the shared cache of public pages, ahead of
    # sessions and authentication, so a cached page costs no database query.
    "django.middleware.http.ConditionalGetMiddleware",
    "coaching.page_cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "coaching.middleware.StaffSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "coaching.urls"
WSGI_APPLICATION = "coaching.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            # One way to say when, on every page and in every mail: {{ value|moment }}, |day, |long_day.
            "builtins": ["common.templatetags.dates"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "coaching.context_processors.site",
            ],
        },
    },
]

# SQLite needs WAL and IMMEDIATE transactions so concurrent writers queue instead of failing with
# "database is locked"; PostgreSQL comes from DATABASE_URL.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    # secure_delete zeroes the pages that deleted or overwritten rows leave behind (erasure on request).
    # SQLite's own page cache defaults to 2 MB, too small for a long archive: a search matching 900 of
    # 100,000 articles read them at 2 ms per query through it, 0.4 ms through 64 MB (bench/README.md). The
    # memory is taken only as pages are read.
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON; "
                    "PRAGMA cache_size=-64000;",
}
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {**SQLITE_OPTIONS, **DATABASES["default"].get("OPTIONS", {})}
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A sick database fails a request within seconds instead of holding a worker: connecting (which covers a
    # server that accepts and never answers), each statement, and waiting for a lock are all bounded.
    DATABASES["default"]["OPTIONS"] = {
        "connect_timeout": int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3")),
        # JIT compilation is for long analytical queries; on a page's short ones it only costs (it spent a
        # quarter of a second compiling the related-reading query at 100,000 articles).
        "options": "-c jit=off -c statement_timeout={} -c lock_timeout={} -c idle_in_transaction_session_timeout=60000".format(
            os.environ.get("DATABASE_STATEMENT_TIMEOUT_MS", "5000"), os.environ.get("DATABASE_LOCK_TIMEOUT_MS", "5000")),
        **DATABASES["default"].get("OPTIONS", {}),
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
# The page cache (coaching/page_cache.py) may live in a Redis of its own, PAGE_CACHE_URL, capped with
# maxmemory and allkeys-lru (deploy/redis/coaching-pages.conf), so cached pages can never evict or starve
# the rate limits, lockouts and sessions kept in REDIS_URL; without it they share REDIS_URL.
PAGE_CACHE_URL = os.environ.get("PAGE_CACHE_URL", "") or REDIS_URL


def _cache_at(url):
    # One second to connect or answer: a dead Redis costs a request a second, not a worker.
    if not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    return {"BACKEND": "coaching.redis_cache.SharedRedisCache", "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1}}


CACHES = {"default": _cache_at(REDIS_URL), "pages": _cache_at(PAGE_CACHE_URL)}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# English at the unprefixed addresses, Hindi under /hi/ (coaching/urls.py); the address alone says which
# (coaching.middleware.AddressLanguageMiddleware), never the browser's Accept-Language.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("hi", "हिन्दी")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Kolkata"
USE_I18N = True
FORMAT_MODULE_PATH = ["common.formats"]  # day-first dates with the zone, as common.dates writes them
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Photos of students' handwritten Mains answers: outside MEDIA_ROOT, so nothing serves them but the answer's
# private page (answers/views.py), to its link holder and to staff.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("DJANGO_PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "answers": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None}},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Several app servers share the answer photos through an S3-compatible bucket (AWS, MinIO, DigitalOcean
# Spaces …) when ANSWERS_S3_BUCKET is set: private objects, reached only through the app (no public URL is
# ever given out), with the keys from the environment (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the
# server's role).
if os.environ.get("ANSWERS_S3_BUCKET"):
    STORAGES["answers"] = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
        "bucket_name": os.environ["ANSWERS_S3_BUCKET"],
        "endpoint_url": os.environ.get("ANSWERS_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("ANSWERS_S3_REGION") or None,
        "default_acl": "private", "querystring_auth": True, "file_overwrite": False,
        "object_parameters": {"CacheControl": "private, no-store"}}}

# Mail: EMAIL_URL (e.g. smtp://user:pass@smtp.example.in:587/?tls=True, or submission://… for port 587
# with STARTTLS) or the usual EMAIL_* variables. DEBUG without either prints mail to the console.
# Nothing is sent inside a request: the site queues mail in the database (django-mailer) and
# `manage.py mail_worker` sends it through MAILER_EMAIL_BACKEND, retrying while the server is down.
MAILER_EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_BACKEND = "mailer.backend.DbBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_flag("EMAIL_USE_SSL")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
if os.environ.get("EMAIL_URL"):
    _email = dj_email_url.parse(os.environ["EMAIL_URL"])
    _email["EMAIL_TIMEOUT"] = _email.get("EMAIL_TIMEOUT") or EMAIL_TIMEOUT
    MAILER_EMAIL_BACKEND = _email.pop("EMAIL_BACKEND", None) or "django.core.mail.backends.smtp.EmailBackend"
    globals().update(_email)
MAILER_USE_FILE_LOCK = False  # workers claim each message in the database (coaching/mail_queue.py)
MAILER_EMAIL_MAX_RETRIES = int(os.environ.get("MAIL_MAX_RETRIES", "50"))
MAIL_WORKER_SLEEP_SECONDS = 5
MAIL_WORKER_RETRY_SECONDS = 5 * 60
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Coaching CMS <no-reply@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# With DEBUG off everything fails closed: HTTPS only, HSTS, secure cookies. Each can be turned off
# explicitly (e.g. DJANGO_SECURE_SSL_REDIRECT=false while TLS is being set up).
if not DEBUG:
    SESSION_COOKIE_SECURE = env_flag("DJANGO_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_SSL_REDIRECT = env_flag("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_flag("DJANGO_HSTS_PRELOAD", False)
    if not SECURE_HSTS_PRELOAD:
        # Preloading is a commitment to the browsers' HSTS list that the institute makes deliberately.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]
if env_flag("DJANGO_BEHIND_TLS_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# The admin's address: set DJANGO_ADMIN_PATH to something unguessable; robots.txt never names it.
ADMIN_PATH = os.environ.get("DJANGO_ADMIN_PATH", "admin").strip("/") + "/"
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"
CSRF_FAILURE_VIEW = "coaching.views.csrf_failure"

# Staff sessions: at most 12 hours, and signed out after an hour without a request.
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_HOURS", "12")) * 60 * 60
SESSION_IDLE_SECONDS = int(os.environ.get("DJANGO_SESSION_IDLE_MINUTES", "60")) * 60

# Sign-in: django-axes locks a username at one address after 5 wrong passwords or codes, and a username
# from any number of addresses after 20, for 15 minutes (coaching/sign_in.py).
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_HANDLER = "coaching.sign_in.AccountAndAddressHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_ACCOUNT_FAILURE_LIMIT = int(os.environ.get("AXES_ACCOUNT_FAILURE_LIMIT", "20"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_LOCKOUT_CALLABLE = "coaching.sign_in.locked_out"
AXES_CLIENT_IP_CALLABLE = "coaching.client_ip.client_ip"
AXES_VERBOSE = False

# Two-factor sign-in (TOTP and backup codes, django-otp): "required" makes everyone who can see leads
# (counsellors, managers) and superusers set it up before the admin opens; "optional" offers it to
# everyone. DEBUG defaults to optional so the demo logins work at once.
STAFF_2FA = os.environ.get("DJANGO_STAFF_2FA", "optional" if DEBUG else "required").strip().lower()
if STAFF_2FA not in ("required", "optional"):
    raise ImproperlyConfigured("DJANGO_STAFF_2FA must be required or optional.")

# /healthz names what failed only to a direct local caller or one sending this token (X-Health-Token); its
# database write is tried at most once every so many seconds (coaching/health.py).
HEALTHZ_TOKEN = os.environ.get("HEALTHZ_TOKEN", "")
HEALTHZ_WRITE_CHECK_SECONDS = int(os.environ.get("HEALTHZ_WRITE_CHECK_SECONDS", "5"))

# The client's address, for rate limits and lockouts: REMOTE_ADDR, unless the request came through one
# of these proxies (addresses or networks, e.g. 127.0.0.1 for nginx on the same host), in which case
# X-Forwarded-For is read from the right, past the trusted hops.
TRUSTED_PROXIES = env_list("DJANGO_TRUSTED_PROXIES")

# Content-Security-Policy (django-csp): only this site's own files, no inline script, on every page. The
# admin and its CKEditor 5 need nothing more (tests/e2e/test_content_security_policy.py watches for it).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
PERMISSIONS_POLICY = {
    feature: [] for feature in (
        "accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone", "payment", "usb",
        "browsing-topics",
    )
}

# Uncaught errors are mailed to these people (DJANGO_ADMINS="Name <ops@example.in>, other@example.in").
ADMINS = getaddresses([os.environ.get("DJANGO_ADMINS", "")]) if os.environ.get("DJANGO_ADMINS") else []

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # WeasyPrint narrates every step of every PDF at INFO; its warnings (a missing font) still show.
    "loggers": {"weasyprint.progress": {"level": "WARNING"}},
}

# Shown in the header and footer of every page.
SITE_NAME = os.environ.get("SITE_NAME", "Pragati IAS Academy")
OTP_TOTP_ISSUER = SITE_NAME  # the name authenticator apps show beside the code

TAGGIT_CASE_INSENSITIVE = True
TAGGIT_TAGS_FROM_STRING = "articles.models.tags_from_string"

# CKEditor 5: the toolbar writers need for analysis articles. It names an image entry because the
# bundled build warns in the console otherwise; image uploads are turned off (see coaching/urls.py).
CK_EDITOR_5_UPLOAD_FILE_VIEW_NAME = "ckeditor_uploads_off"
CKEDITOR_5_CONFIGS = {
    "default": {
        "toolbar": {
            "items": [
                "heading", "|", "bold", "italic", "underline", "link", "|",
                "bulletedList", "numberedList", "blockQuote", "insertTable", "|",
                "undo", "redo",
            ],
        },
        "image": {"toolbar": ["imageTextAlternative"]},
        "heading": {
            "options": [
                {"model": "paragraph", "title": "Paragraph", "class": "ck-heading_paragraph"},
                {"model": "heading3", "view": "h3", "title": "Sub-heading", "class": "ck-heading_heading3"},
                {"model": "heading4", "view": "h4", "title": "Minor heading", "class": "ck-heading_heading4"},
            ]
        },
        "table": {"contentToolbar": ["tableColumn", "tableRow", "mergeTableCells"]},
    }
}

# The public address of the site, for links in mail (no trailing slash). Required with DEBUG off.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Enquiry form abuse limits (django-ratelimit counts in the cache, shared through Redis in production).
ENQUIRY_RATE_PER_IP = os.environ.get("ENQUIRY_RATE_PER_IP", "20/h")
ENQUIRY_RATE_PER_PHONE = os.environ.get("ENQUIRY_RATE_PER_PHONE", "5/h")
ENQUIRY_MIN_FILL_SECONDS = float(os.environ.get("ENQUIRY_MIN_FILL_SECONDS", "3"))
# Answer sheets handed in from one address: a classroom on one network stays under it, a script does not.
PRACTICE_RATE_PER_IP = os.environ.get("PRACTICE_RATE_PER_IP", "100/h")
# Mains answers: a class in one room shares an address, so the address allows a burst; one device far less.
ANSWER_RATE_PER_IP = os.environ.get("ANSWER_RATE_PER_IP", "19/m")
ANSWER_RATE_PER_DEVICE = os.environ.get("ANSWER_RATE_PER_DEVICE", "12/h")
RATELIMIT_IP_META_KEY = "coaching.client_ip.client_ip"
