#!/usr/bin/env python
import os
import sys
from pathlib import Path


def main():
    # A local .env (written by `make run` for development) lets manage.py commands run without
    # exporting variables; real environment variables always win. Servers start from wsgi.py instead.
    from dotenv import load_dotenv

    load_dotenv(Path(__file__).resolve().parent / ".env", override=False)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coaching.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
