from importlib import import_module

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command

from tests.factories import staff_user

# The people of the institute that tests act as: key → (login, role group, first name).
CAST = {
    "writer": ("arjun", "Writer", "Arjun"),
    "other_writer": ("ravi", "Writer", "Ravi"),
    "editor": ("meera", "Editor", "Meera"),
    "counsellor": ("asha", "Counsellor", "Asha"),
    "other_counsellor": ("bala", "Counsellor", "Bala"),
    "manager": ("rohan", "Counselling manager", "Rohan"),
    "superuser": ("root", None, "Root"),
}


def pytest_collection_modifyitems(items):
    """The fault tests start production builds and break their links on purpose: under `make test`'s
    parallel run they share one worker, one after another, so they never compete for the same ports."""
    for item in items:
        if item.get_closest_marker("faults"):
            item.add_marker(pytest.mark.xdist_group("faults"))


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (rate-limit counters live there), also on a shared Redis."""
    cache.clear()
    yield


@pytest.fixture(autouse=True)
def mail_is_queued(settings):
    """Django's test set-up swaps in its in-memory mail backend; put back the production queue, so tests
    see mail only once the worker has sent it (sent_mail below)."""
    settings.EMAIL_BACKEND = "mailer.backend.DbBackend"


@pytest.fixture
def migrated_data(transactional_db):
    """Transactional tests empty the database after each test: put back what the syllabus data migrations
    provide, the papers and topics with their Hindi names. (The role groups come back by themselves: the flush
    sends post_migrate.)"""
    from django.apps import apps

    import_module("articles.migrations.0002_seed_syllabus").seed_syllabus(apps)
    import_module("articles.migrations.0014_hindi_names").name_in_hindi(apps, None)


@pytest.fixture
def staff(db):
    """The whole cast of staff logins, each in its role group (see CAST), by role."""
    return {
        key: staff_user(login, role, first_name=first_name, is_superuser=role is None)
        for key, (login, role, first_name) in CAST.items()
    }


def cast_member(key):
    """A fixture giving one member of the cast by role, e.g. `editor`."""

    @pytest.fixture(name=key)
    def member(staff):
        return staff[key]

    return member


writer, editor, counsellor, manager, superuser = (
    cast_member(key) for key in ("writer", "editor", "counsellor", "manager", "superuser"))


def sent_mail():
    """Run the mail worker once (the site only queues mail) and return what it delivered."""
    call_command("mail_worker", "--once")
    return mail.outbox
