"""/healthz: what a load balancer and the fault tests ask. Each dependency is tried with a short timeout,
and the answer says which failed."""

import time
import uuid

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


def _database_write():
    HealthProbe.objects.update_or_create(pk=1, defaults={"checked_at": timezone.now()})


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
    body = ("unhealthy" if failed else "ok") + "\n" + "\n".join(lines) + "\n"
    return HttpResponse(body, status=503 if failed else 200, content_type="text/plain; charset=utf-8")
