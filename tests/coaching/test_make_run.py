"""`make run PORT=…` serves, prints and mails links on the port it was given."""

import subprocess
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]


def test_make_run_on_another_port_uses_that_port_for_every_link():
    """The demo's printed links, the mail worker's links and the server all use PORT (and HOST)."""
    planned = subprocess.run(["make", "-n", "run", "PORT=8300"], cwd=PROJECT, capture_output=True, text=True,
                             timeout=60).stdout

    assert "SITE_URL=http://127.0.0.1:8300 .venv/bin/python manage.py load_demo" in planned
    assert "SITE_URL=http://127.0.0.1:8300 .venv/bin/python manage.py mail_worker" in planned
    assert "runserver 127.0.0.1:8300" in planned and "8000" not in planned
