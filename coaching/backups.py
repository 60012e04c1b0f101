"""One file that holds the whole site (the database and the uploaded media), and putting it back.

The file is a gzip'd tar: `manifest.json` (what it holds), `database.sqlite3` (SQLite's online backup
API, consistent while the site runs) or `database.pgdump` (pg_dump's custom format), and `media/`.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

FORMAT = "coaching-cms-backup/1"
SQLITE_NAME, POSTGRES_NAME, MEDIA_DIR, MANIFEST = "database.sqlite3", "database.pgdump", "media", "manifest.json"


class BackupError(Exception):
    """Why a backup or a restore cannot go ahead, for the operator."""


def _engine():
    return connection.vendor  # "sqlite" or "postgresql"


def _postgres_env():
    db = settings.DATABASES["default"]
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or "", "PGCONNECT_TIMEOUT": "10"}
    args = ["--host", db.get("HOST") or "localhost", "--port", str(db.get("PORT") or 5432),
            "--username", db.get("USER") or "postgres"]
    return env, args, db["NAME"]


def _run(command, env=None):
    try:
        subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    except FileNotFoundError:
        raise BackupError(f"{command[0]} is not installed: install the PostgreSQL client (apt-get install "
                          "postgresql-client) of the server's version.") from None
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} failed: {error.stderr.strip() or error.returncode}") from None


def create_backup(output):
    """Write the backup file; return a summary of what it holds."""
    output = Path(output)
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        if _engine() == "sqlite":
            database_file = work / SQLITE_NAME
            connection.ensure_connection()
            target = sqlite3.connect(database_file)
            with target:
                connection.connection.backup(target)
            target.close()
        elif _engine() == "postgresql":
            env, args, name = _postgres_env()
            database_file = work / POSTGRES_NAME
            _run(["pg_dump", *args, "--format=custom", "--no-owner", "--no-privileges", "--file",
                  str(database_file), name], env=env)
        else:
            raise BackupError(f"Backups support SQLite and PostgreSQL, not {_engine()}.")
        media_files = [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()] \
            if Path(settings.MEDIA_ROOT).is_dir() else []
        manifest = {"format": FORMAT, "engine": _engine(), "created_at": timezone.now().isoformat(),
                    "database": database_file.name, "media_files": len(media_files)}
        (work / MANIFEST).write_text(json.dumps(manifest, indent=2))
        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(work / MANIFEST, MANIFEST)
            archive.add(database_file, database_file.name)
            for path in media_files:
                archive.add(path, f"{MEDIA_DIR}/{path.relative_to(settings.MEDIA_ROOT)}")
        partial.replace(output)  # a half-written backup never carries the real name
    return manifest


def _is_empty():
    tables = connection.introspection.table_names()
    return not tables


def restore_backup(source):
    """Put a backup into the configured database, which must be empty, and its media into MEDIA_ROOT."""
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"There is no backup file at {source}.")
    try:
        archive = tarfile.open(source, "r:gz")
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"{source} is not a backup made by `manage.py backup` ({error}).") from None
    with archive, tempfile.TemporaryDirectory() as work:
        work = Path(work)
        try:
            manifest = json.loads(archive.extractfile(MANIFEST).read())
        except (KeyError, AttributeError, ValueError):
            raise BackupError(f"{source} has no manifest: it is not a backup made by `manage.py backup`.") from None
        if manifest.get("format") != FORMAT:
            raise BackupError(f"{source} is in an unknown format ({manifest.get('format')}).")
        if manifest["engine"] != _engine():
            raise BackupError(f"This backup holds a {manifest['engine']} database, but the configured database "
                              f"is {_engine()}: set DATABASE_URL to a {manifest['engine']} database.")
        if not _is_empty():
            raise BackupError("The configured database is not empty: restore only into a new, empty database "
                              "(nothing is overwritten).")
        archive.extractall(work, filter="data")
        if _engine() == "sqlite":
            connection.ensure_connection()
            backup = sqlite3.connect(work / SQLITE_NAME)
            with backup:
                backup.backup(connection.connection)
            backup.close()
        else:
            env, args, name = _postgres_env()
            _run(["pg_restore", *args, "--no-owner", "--no-privileges", "--exit-on-error", "--dbname", name,
                  str(work / POSTGRES_NAME)], env=env)
        media = work / MEDIA_DIR
        if media.is_dir():
            shutil.copytree(media, settings.MEDIA_ROOT, dirs_exist_ok=True)
    connection.close()  # the next query sees the restored tables
    return manifest
