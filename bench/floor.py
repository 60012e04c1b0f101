"""The floor under the enquiry target: the least any enquiry form could cost on this machine, measured by
bench/run in the same run as the real form and the bare view (bench-only; production never loads it).

A browser GETs a page with a CSRF token and POSTs it back, as for the real form (bench/enquiry.lua drives
both). The POST then does only what no implementation of the lead rules can skip, in the cheapest form
there is: one round trip to the shared cache (standing for the rate limits and the replay check, which
every app process must see, pipelined into one) and one transaction of hand-written SQL that locks the
round-robin turn, looks for an open lead with that phone and stores the lead and its log line. No form
validation, no ORM, no counsellor lookup, no template: whatever the real form costs above this is the price
of those, and a goal that this does not reach cannot be met by any implementation on this machine."""

from django.core.cache import cache
from django.db import connection, transaction
from django.http import HttpResponse, HttpResponseNotAllowed
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.utils.html import format_html

from enquiries.models import RoundRobin

LEADS, LOG = "bench_floor_lead", "bench_floor_log"
TURN = RoundRobin._meta.db_table
# About the real form page's size; the fields are what bench/enquiry.lua reads from a form.
PAGE = ("<!doctype html><title>Enquiry floor</title><form method=post>" + "<p>" + "x" * 8000 + "</p>"
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
        '<input type="hidden" name="started" value="floor"><select name="course"><option value="1">1</option>'
        "</select></form>")


def create_tables():
    """The floor's own two tables (bench/run makes them in its scratch database), and the turn row."""
    key = "serial" if connection.vendor == "postgresql" else "integer"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {LEADS} (id {key} PRIMARY KEY, phone varchar(20) NOT NULL, "
                       "created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP)")
        cursor.execute(f"CREATE INDEX IF NOT EXISTS {LEADS}_phone ON {LEADS} (phone, created_at)")
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {LOG} (id {key} PRIMARY KEY, lead_id integer NOT NULL, "
                       "text varchar(200) NOT NULL)")
    RoundRobin.objects.get_or_create(pk=1)


def stored():
    """(leads the floor has stored, their distinct phone numbers)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*), COUNT(DISTINCT phone) FROM {LEADS}")
        return cursor.fetchone()


def enquiry_floor(request):
    if request.method == "GET":
        return HttpResponse(format_html(PAGE, get_token(request)))
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "POST"])
    phone = request.POST.get("phone", "")[:20]
    cache.add(f"bench-floor:{phone}", 1, 60)
    lock = " FOR UPDATE" if connection.vendor == "postgresql" else ""  # SQLite's IMMEDIATE already locks
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"SELECT last_owner_id FROM {TURN} WHERE id = 1{lock}")
        cursor.execute(f"SELECT id FROM {LEADS} WHERE phone = %s ORDER BY created_at DESC LIMIT 1", [phone])
        if cursor.fetchone() is None:
            cursor.execute(f"INSERT INTO {LEADS} (phone) VALUES (%s) RETURNING id", [phone])
            cursor.execute(f"INSERT INTO {LOG} (lead_id, text) VALUES (%s, %s)",
                           [cursor.fetchone()[0], "Received via the floor."])
    return redirect("/__bench/bare")
