"""Checks that keep a misconfigured production site from starting: `manage.py check --deploy` reports
them, and wsgi.py refuses to serve while any fails."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register, run_checks
from django.core.exceptions import ImproperlyConfigured

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "testserver", ""}
PLACEHOLDER_DOMAINS = ("localhost", "example.com", "example.org", "example.net", "example.in")
PER_PROCESS_CACHES = {"django.core.cache.backends.locmem.LocMemCache", "django.core.cache.backends.dummy.DummyCache"}
PRODUCTION = "production"


@register(Tags.security, PRODUCTION, deploy=True)
def production_settings(app_configs=None, **kwargs):
    """With DEBUG off: a public SITE_URL for links in mail, a real sender address, and a cache shared by all
    worker processes, without which every rate limit and lockout is per process and easily dodged."""
    if settings.DEBUG:
        return []
    errors = []
    if urlsplit(settings.SITE_URL).hostname in LOCAL_HOSTS or urlsplit(settings.SITE_URL).hostname is None:
        errors.append(Error(
            f"SITE_URL is {settings.SITE_URL!r}: mail would link students and staff to a local address.",
            hint="Set SITE_URL to the site's public address, e.g. https://www.pragati-ias.in", id="coaching.E001"))
    sender_domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip(" >").lower()
    if "@" not in settings.DEFAULT_FROM_EMAIL or sender_domain.endswith(PLACEHOLDER_DOMAINS):
        errors.append(Error(
            f"DEFAULT_FROM_EMAIL is {settings.DEFAULT_FROM_EMAIL!r}, which no mail server will deliver from.",
            hint='Set DEFAULT_FROM_EMAIL to a real address of the institute, e.g. "Pragati IAS <office@pragati-ias.in>".',
            id="coaching.E002"))
    if settings.CACHES["default"]["BACKEND"] in PER_PROCESS_CACHES:
        errors.append(Error(
            "The cache is per process, so rate limits and sign-in lockouts are counted separately in each worker.",
            hint="Set REDIS_URL (e.g. redis://127.0.0.1:6379/0) to share one cache between workers.",
            id="coaching.E003"))
    return errors


def refuse_to_start_misconfigured():
    """Called as the app server loads the site: stop with every reason rather than serve half-configured."""
    errors = [check for check in run_checks(tags=[PRODUCTION], include_deployment_checks=True) if check.is_serious()]
    if errors:
        raise ImproperlyConfigured("The site will not start with DEBUG off until these are fixed:\n" + "\n".join(
            f"- {error.msg} {error.hint}" for error in errors))
