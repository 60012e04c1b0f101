#!/usr/bin/env python
import os
import sys
from pathlib import Path


def load_development_env():
    """A local .env (written by `make run`) lets manage.py commands run without exporting variables. It is
    for development only: it is read when it turns DJANGO_DEBUG on and the environment does not turn it
    off, so a stray .env on a server never configures production. Real environment variables always win;
    servers start from wsgi.py, which never reads it."""
    from dotenv import dotenv_values

    from coaching.env import is_true

    path = Path(__file__).resolve().parent / ".env"
    if not path.exists():
        return
    values = dotenv_values(path)
    environment_debug = os.environ.get("DJANGO_DEBUG")
    if not is_true(values.get("DJANGO_DEBUG")) or (environment_debug is not None and not is_true(environment_debug)):
        print(f"Ignoring {path.name}: it is read only for local development (DJANGO_DEBUG=true).", file=sys.stderr)
        return
    for key, value in values.items():
        if value is not None:
            os.environ.setdefault(key, value)


def main():
    load_development_env()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coaching.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
