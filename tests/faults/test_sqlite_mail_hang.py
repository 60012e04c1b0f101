"""The documented default database (SQLite) with a mail server that accepts connections and never answers,
while the mail worker is running: the worker waits on the mail server, never on the database's write
lock, so every enquiry is stored at once."""

import sqlite3
import subprocess
import sys
import time

import pytest

from tests.faults.links import HANG, FaultyLink
from tests.faults.test_dependency_faults import (PROJECT, Site, free_port, phones, prepare_site,
                                                 production_env)

pytestmark = pytest.mark.faults
STORED_WITHIN_SECONDS = 2.0
SMTP_TIMEOUT_SECONDS = 20


class SqliteSite(Site):
    def leads_with(self, numbers):
        with sqlite3.connect(self.database) as connection:
            placeholders = ",".join("?" * len(numbers))
            return {row[0] for row in connection.execute(
                f"SELECT phone FROM enquiries_enquiry WHERE phone IN ({placeholders})", list(numbers))}


def start(command, env, log):
    return subprocess.Popen([sys.executable, *command], cwd=PROJECT, env=env, stdout=log.open("w"),
                            stderr=subprocess.STDOUT)


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=35)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture
def site_with_a_hung_mail_server(tmp_path):
    mail_link = FaultyLink(free_port())
    mail_link.set(HANG)
    database = tmp_path / "site.db"
    env = production_env(
        database_url=f"sqlite:///{database}", redis_url="redis://127.0.0.1:6379/10", media=tmp_path / "media",
        EMAIL_URL=f"smtp://127.0.0.1:{mail_link.port}", EMAIL_TIMEOUT=str(SMTP_TIMEOUT_SECONDS),
        DEMO_PASSWORD="sqlite-hang-password", ENQUIRY_RATE_PER_IP="10000/h", ENQUIRY_RATE_PER_PHONE="1000/h",
    )
    prepare_site(env, ["shell", "-c", "from django.core.cache import cache; cache.clear()"])
    port = free_port()
    server = start(["-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "coaching.wsgi", "--bind",
                    f"127.0.0.1:{port}", "--workers", "2"], env, tmp_path / "gunicorn.log")
    worker = start(["manage.py", "mail_worker"], env, tmp_path / "worker.log")
    site = SqliteSite(f"http://127.0.0.1:{port}", str(database), None, None, mail_link, env,
                      tmp_path / "gunicorn.log")
    try:
        if site.recovers(within=30) is not True:
            pytest.fail("the site did not start: " + (tmp_path / "gunicorn.log").read_text()[-3000:])
        yield site, mail_link
    finally:
        stop(worker)
        stop(server)
        mail_link.close()


def worker_is_waiting_on(mail_link, within=30):
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if mail_link._sockets:  # the worker has connected and waits for the server's greeting
            return True
        time.sleep(0.2)
    return False


def test_a_hung_mail_server_holds_up_no_enquiry_on_sqlite(site_with_a_hung_mail_server):
    """The first lead's mail hangs the worker on the mail server; the enquiries sent meanwhile are each
    stored and answered within two seconds."""
    site, mail_link = site_with_a_hung_mail_server
    first = phones("777", 1)
    assert site.submit(site.open_form(), first[0])[0] == 302
    assert worker_is_waiting_on(mail_link), "the mail worker never reached the mail server"

    numbers = phones("778", 6)
    answers = [site.submit(site.open_form(), number) for number in numbers]

    assert [status for status, _, _ in answers] == [302] * len(numbers), [text[:300] for _, text, _ in answers]
    assert max(seconds for _, _, seconds in answers) < STORED_WITHIN_SECONDS, [s for _, _, s in answers]
    assert site.leads_with(first + numbers) == set(first + numbers)
    assert mail_link._sockets, "the worker was still held by the mail server while the enquiries arrived"
