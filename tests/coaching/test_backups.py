"""Backups that restore: back up a site with content, wipe it, restore into a new database, find everything."""

import os
import subprocess
import sys
import tarfile
import uuid
from ast import literal_eval
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
PROBE = ("from articles.models import Article; from enquiries.models import Enquiry; "
         "print((sorted(Article.objects.values_list('slug', 'title', 'status')), "
         "sorted(Enquiry.objects.values_list('phone', 'name', 'status'))))")


def manage(database_url, media, *args, check=True):
    """manage.py in a fresh process against its own database and media folder, as an operator runs it."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    env.update(DJANGO_SETTINGS_MODULE="coaching.settings", DJANGO_DEBUG="true", DATABASE_URL=database_url,
               DJANGO_MEDIA_ROOT=str(media), DJANGO_PRIVATE_MEDIA_ROOT=str(media.with_name(media.name + "-private")),
               DEMO_PASSWORD="backup-test-password")
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=PROJECT, env=env, capture_output=True,
                            text=True, timeout=300)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def sqlite_databases(tmp_path):
    return f"sqlite:///{tmp_path / 'site.sqlite3'}", f"sqlite:///{tmp_path / 'restored.sqlite3'}"


@pytest.fixture
def postgres_databases():
    """Two scratch PostgreSQL databases beside the configured one (CI's PostgreSQL run)."""
    import psycopg

    base = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    names = [f"coaching_backup_{kind}_{uuid.uuid4().hex[:8]}" for kind in ("site", "restored")]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
    yield tuple(f"{base}/{name}" for name in names)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def round_trip(site, restored, tmp_path):
    media, restored_media = tmp_path / "media", tmp_path / "restored-media"
    (media / "uploads").mkdir(parents=True)
    (media / "uploads" / "timetable.pdf").write_bytes(b"%PDF-1.4 the weekend batch timetable")
    photos = media.with_name("media-private") / "answers" / "7"
    photos.mkdir(parents=True)
    (photos / "page.jpg").write_bytes(b"\xff\xd8 a student's handwritten page")
    manage(site, media, "migrate", "--noinput", "-v", "0")
    manage(site, media, "load_demo")
    before = literal_eval(manage(site, media, "shell", "-v", "0", "-c", PROBE).stdout)
    backup = tmp_path / "site-backup.tar.gz"

    made = manage(site, media, "backup", "--output", str(backup))
    restored_run = manage(restored, restored_media, "restore", str(backup))

    after = literal_eval(manage(restored, restored_media, "shell", "-v", "0", "-c", PROBE).stdout)
    assert "Backed up the" in made.stdout and "1 media file(s), 1 answer photo(s)" in made.stdout
    assert "Restored the" in restored_run.stdout
    assert len(before[0]) == 14 and len(before[1]) == 30  # the demo: 11 articles, 3 Hindi twins
    assert after == before
    assert (restored_media / "uploads" / "timetable.pdf").read_bytes() == b"%PDF-1.4 the weekend batch timetable"
    restored_photo = restored_media.with_name("restored-media-private") / "answers" / "7" / "page.jpg"
    assert restored_photo.read_bytes() == b"\xff\xd8 a student's handwritten page"
    return backup, restored_media


def test_a_sqlite_backup_restores_every_article_lead_and_media_file(tmp_path):
    """backup, then restore into a new SQLite file: the same articles, leads and media come back."""
    round_trip(*sqlite_databases(tmp_path), tmp_path)


@pytest.mark.skipif(not os.environ.get("DATABASE_URL", "").startswith("postgres"),
                    reason="runs in the PostgreSQL pass of the suite (CI)")
def test_a_postgresql_backup_restores_every_article_lead_and_media_file(tmp_path, postgres_databases):
    """pg_dump into the backup file, then pg_restore into a new database: the same articles, leads and media."""
    round_trip(*postgres_databases, tmp_path)


def test_restore_refuses_a_database_that_is_not_empty_and_changes_nothing(tmp_path):
    """Restoring over a site that has tables is refused with the reason; its content stays as it was."""
    site, other = sqlite_databases(tmp_path)
    backup, _ = round_trip(site, other, tmp_path)

    refused = manage(site, tmp_path / "media", "restore", str(backup), check=False)

    assert refused.returncode != 0
    assert "The configured database is not empty" in refused.stderr


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    """A file that is not a backup, or is missing, is refused with a clear message."""
    database, _ = sqlite_databases(tmp_path)
    junk = tmp_path / "notes.tar.gz"
    junk.write_bytes(b"not a tar file")

    not_a_backup = manage(database, tmp_path / "media", "restore", str(junk), check=False)
    missing = manage(database, tmp_path / "media", "restore", str(tmp_path / "nothing.tar.gz"), check=False)

    assert "is not a backup made by `manage.py backup`" in not_a_backup.stderr
    assert "There is no backup file at" in missing.stderr


def test_a_backup_is_readable_by_its_owner_alone_and_holds_no_sessions(tmp_path):
    """The file is 0600 in a folder made 0700 (whatever the umask), and no session row is in it, so a copied
    backup signs nobody in."""
    import sqlite3
    import stat

    site, _ = sqlite_databases(tmp_path)
    media = tmp_path / "media"
    manage(site, media, "migrate", "--noinput", "-v", "0")
    manage(site, media, "shell", "-c", "from django.contrib.sessions.backends.db import SessionStore; "
                                       "s = SessionStore(); s['_auth_user_id'] = '1'; s.create()")
    backup = tmp_path / "backups" / "nightly" / "site.tar.gz"

    old_umask = os.umask(0o022)
    try:
        manage(site, media, "backup", "--output", str(backup))
    finally:
        os.umask(old_umask)

    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup.parent.stat().st_mode) == 0o700
    with tarfile.open(backup) as archive:
        archive.extract("database.sqlite3", tmp_path / "unpacked", filter="data")
    with sqlite3.connect(tmp_path / "unpacked" / "database.sqlite3") as copy:
        assert copy.execute("SELECT COUNT(*) FROM django_session").fetchone() == (0,)
    with sqlite3.connect(tmp_path / "site.sqlite3") as live:
        assert live.execute("SELECT COUNT(*) FROM django_session").fetchone() == (1,)


def test_an_encrypted_backup_is_unreadable_without_the_key_and_restores_once_decrypted(tmp_path, monkeypatch):
    """--encrypt-to writes an OpenPGP file for that recipient; restore refuses it with how to decrypt it,
    and the decrypted file restores as any other."""
    keys = tmp_path / "gnupg"
    keys.mkdir(mode=0o700)
    monkeypatch.setenv("GNUPGHOME", str(keys))
    subprocess.run(["gpg", "--batch", "--passphrase", "", "--quick-gen-key", "backups@pragati-ias.in",
                    "default", "default", "never"], check=True, capture_output=True)
    site, restored = sqlite_databases(tmp_path)
    media = tmp_path / "media"
    manage(site, media, "migrate", "--noinput", "-v", "0")
    manage(site, media, "load_demo")
    encrypted = tmp_path / "site.tar.gz.gpg"

    made = manage(site, media, "backup", "--output", str(encrypted), "--encrypt-to", "backups@pragati-ias.in")
    refused = manage(restored, tmp_path / "restored-media", "restore", str(encrypted), check=False)
    subprocess.run(["gpg", "--batch", "--output", str(tmp_path / "site.tar.gz"), "--decrypt", str(encrypted)],
                   check=True, capture_output=True)
    manage(restored, tmp_path / "restored-media", "restore", str(tmp_path / "site.tar.gz"))

    assert "encrypted to backups@pragati-ias.in" in made.stdout
    assert not encrypted.read_bytes().startswith(b"\x1f\x8b") and not tarfile.is_tarfile(encrypted)
    assert "is encrypted: decrypt it first" in refused.stderr
    after = literal_eval(manage(restored, tmp_path / "restored-media", "shell", "-v", "0", "-c", PROBE).stdout)
    assert len(after[0]) == 14 and len(after[1]) == 30
