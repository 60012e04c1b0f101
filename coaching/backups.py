"""One file that holds the whole site (the database, the uploaded media and the answer photos), and putting
it back.

The file is a gzip'd tar: `manifest.json` (what it holds), `database.sqlite3` (SQLite's online backup
API, consistent while the site runs) or `database.pgdump` (pg_dump's custom format), `media/`, and
`private-media/` (the photos of students' Mains answers, from the answers store when it is a folder on
this host; a bucket is backed up by its provider). It holds
every student's phone number, so it is written readable by its owner alone (0600, in a folder made 0700),
without the sessions (a stolen backup must not sign anyone in), and can be encrypted to a GPG recipient
before it leaves the host (`--encrypt-to`; restore after `gpg --decrypt`).
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
SESSIONS_TABLE = "django_session"
SQLITE_NAME, POSTGRES_NAME, MANIFEST = "database.sqlite3", "database.pgdump", "manifest.json"


def _file_trees():
    """{name in the backup: folder on this host} of the files the site keeps beside its database."""
    from django.core.files.storage import storages

    trees = {"media": Path(settings.MEDIA_ROOT)}
    photos = getattr(storages["answers"], "location", None)  # a folder, unless the store is a bucket
    if photos:
        trees["private-media"] = Path(photos)
    return trees


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


def create_backup(output, encrypt_to=None):
    """Write the backup file (encrypted to the GPG recipient `encrypt_to`, if given); return a summary of what
    it holds."""
    output = Path(output)
    if not output.parent.exists():
        output.parent.mkdir(mode=0o700, parents=True)
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        if _engine() == "sqlite":
            database_file = work / SQLITE_NAME
            connection.ensure_connection()
            target = sqlite3.connect(database_file)
            with target:
                connection.connection.backup(target)
                target.execute(f"DELETE FROM {SESSIONS_TABLE}")
            target.execute("VACUUM")  # the deleted sessions' pages go too, not only their rows
            target.close()
        elif _engine() == "postgresql":
            env, args, name = _postgres_env()
            database_file = work / POSTGRES_NAME
            _run(["pg_dump", *args, "--format=custom", "--no-owner", "--no-privileges",
                  f"--exclude-table-data={SESSIONS_TABLE}", "--file", str(database_file), name], env=env)
        else:
            raise BackupError(f"Backups support SQLite and PostgreSQL, not {_engine()}.")
        files = {name: [path for path in folder.rglob("*") if path.is_file()] if folder.is_dir() else []
                 for name, folder in _file_trees().items()}
        manifest = {"format": FORMAT, "engine": _engine(), "created_at": timezone.now().isoformat(),
                    "database": database_file.name, "media_files": len(files["media"]),
                    "private_files": len(files.get("private-media", []))}
        (work / MANIFEST).write_text(json.dumps(manifest, indent=2))
        partial = output.with_name(output.name + ".partial")
        partial.unlink(missing_ok=True)
        with _private_file(partial) as stream, tarfile.open(fileobj=stream, mode="w:gz") as archive:
            archive.add(work / MANIFEST, MANIFEST)
            archive.add(database_file, database_file.name)
            for name, folder in _file_trees().items():
                for path in files[name]:
                    archive.add(path, f"{name}/{path.relative_to(folder)}")
        if encrypt_to:
            plain, partial = partial, output.with_name(output.name + ".encrypting")
            try:
                _run(["gpg", "--batch", "--yes", "--trust-model", "always", "--recipient", encrypt_to,
                      "--output", str(partial), "--encrypt", str(plain)])
            finally:
                plain.unlink(missing_ok=True)
            os.chmod(partial, 0o600)
        partial.replace(output)  # a half-written backup never carries the real name
    return manifest


def _private_file(path):
    """A new file only its owner can read, whatever the process's umask."""
    return os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")


def _is_encrypted(path):
    """An OpenPGP message (binary packets, or ASCII armour) rather than the gzip'd tar."""
    with open(path, "rb") as stream:
        start = stream.read(36)
    # A binary OpenPGP packet's first byte has its high bit set; a gzip file starts with 0x1f.
    return start.startswith(b"-----BEGIN PGP MESSAGE") or (len(start) > 0 and start[0] >= 0x80)


def _is_empty():
    tables = connection.introspection.table_names()
    return not tables


def restore_backup(source):
    """Put a backup into the configured database, which must be empty, its media into MEDIA_ROOT and its
    answer photos into the answers store's folder."""
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"There is no backup file at {source}.")
    if _is_encrypted(source):
        raise BackupError(f"{source} is encrypted: decrypt it first with the private key, e.g. "
                          f"`gpg --output site.tar.gz --decrypt {source.name}`, then restore site.tar.gz.")
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
        for name, folder in _file_trees().items():
            if (work / name).is_dir():
                shutil.copytree(work / name, folder, dirs_exist_ok=True)
    connection.close()  # the next query sees the restored tables
    return manifest
