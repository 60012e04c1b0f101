"""The site on a scratch SQLite database of its own, for the in-process bench scripts (run as files:
`.venv/bin/python bench/<script>.py`), set up before they import any model."""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def start(name):
    """Point Django at a new scratch database named for the script, and set it up."""
    sys.path.insert(0, str(ROOT))
    scratch = tempfile.mkdtemp(prefix=f"{name}-")
    os.environ.update(DJANGO_SETTINGS_MODULE="coaching.settings", DJANGO_DEBUG="true",
                      DATABASE_URL=f"sqlite:///{scratch}/bench.sqlite3")
    import django

    django.setup()
