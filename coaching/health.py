"""/healthz: what a load balancer and the fault tests ask. Each dependency is tried with a short timeout.

Anyone gets "ok" or "unhealthy" (200 or 503) and nothing more: the details name internal hosts and ports, so
they go only to a caller on this machine that did not come through the proxy (the load balancer's or an
operator's check of gunicorn itself) or one that sends HEALTHZ_TOKEN in the X-Health-Token header. The
database write is tried at most once every HEALTHZ_WRITE_CHECK_SECONDS across the site, however often
strangers ask."""

import ipaddress
import secrets
import time
import uuid

from django.conf import settings

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .models import HealthProbe


def _database_read():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


WRITE_CHECKED = "healthz:database-write-ok"


def _database_write():
    """Write the probe row, unless a write succeeded within HEALTHZ_WRITE_CHECK_SECONDS (a failed write is
    never remembered: the next call tries again, so recovery shows at once)."""
    seconds = settings.HEALTHZ_WRITE_CHECK_SECONDS
    try:
        if seconds and cache.get(WRITE_CHECKED):
            return
    except Exception:  # the cache check reports the cache; the write is simply tried
        pass
    HealthProbe.objects.update_or_create(pk=1, defaults={"checked_at": timezone.now()})
    if seconds:
        try:
            cache.set(WRITE_CHECKED, True, seconds)
        except Exception:
            pass


def shows_details(request):
    """A direct call from this machine (no proxy in between), or one carrying the health token."""
    token = settings.HEALTHZ_TOKEN
    if token and secrets.compare_digest(request.headers.get("X-Health-Token", ""), token):
        return True
    try:
        local = ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")).is_loopback
    except ValueError:
        return False
    return local and "HTTP_X_FORWARDED_FOR" not in request.META and "HTTP_X_REAL_IP" not in request.META


def _cache():
    key, value = f"healthz:{uuid.uuid4().hex}", "ok"
    cache.set(key, value, 10)
    if cache.get(key) != value:
        raise RuntimeError("the value written was not read back")
    cache.delete(key)


def _storage():
    name = default_storage.save(f"healthz/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    default_storage.delete(name)


CHECKS = [("database read", _database_read), ("database write", _database_write), ("cache", _cache),
          ("storage", _storage)]


def _mail_line():
    """Mail the worker could not deliver yet. Reported, never a 503: a mail outage delays mail, not pages."""
    from mailer.models import Message

    deferred = Message.objects.deferred().count()
    if not deferred:
        return "mail: ok"
    return f"mail: {deferred} message(s) deferred, the mail server refused or did not answer (the worker retries)"


@never_cache
@require_GET
def healthz(request):
    """200 "ok" when every check passes; otherwise 503 naming each failure. The timeouts that keep each
    check short are the connections' own (settings: database connect and statement timeouts, cache socket
    timeouts), so a hung dependency fails its check within a few seconds."""
    lines, failed = [], set()
    for name, check in CHECKS:
        if name == "database write" and "database read" in failed:
            lines.append(f"{name}: not tried (the database cannot be reached)")  # a second wait would add nothing
            continue
        started = time.monotonic()
        try:
            check()
        except Exception as error:  # every failure of a dependency is reported, whatever its type
            failed.add(name)
            detail = str(error).strip().splitlines()[0] if str(error).strip() else "no detail"
            lines.append(f"{name}: FAILED after {time.monotonic() - started:.1f}s ({type(error).__name__}: {detail})")
        else:
            lines.append(f"{name}: ok")
    lines.append("mail: not checked" if "database read" in failed else _mail_line())
    body = ("unhealthy" if failed else "ok") + "\n" + ("\n".join(lines) + "\n" if shows_details(request) else "")
    return HttpResponse(body, status=503 if failed else 200, content_type="text/plain; charset=utf-8")
