import os
import subprocess
import sys
from ast import literal_eval
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

import articles.roles
from articles.models import Paper, Topic
from coaching.roles import role_permissions

PROJECT = Path(__file__).resolve().parents[2]
# The last migration of each app in the previous release, whose databases must migrate forward.
PREVIOUS_RELEASE = [("articles", "0005_help_texts"), ("enquiries", "0004_lead_verbose_name")]
PROBE = ("from django.contrib.auth.models import Group; from articles.models import Paper, Topic; "
         "print((sorted(Group.objects.values_list('name', flat=True)), Paper.objects.count(), Topic.objects.count(), "
         "Group.objects.get(name='Writer').permissions.count()))")


def manage(database, *args):
    """Run manage.py in a fresh process against its own SQLite file, as a deployment would."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    env.update(DJANGO_SETTINGS_MODULE="coaching.settings", DJANGO_DEBUG="true", DATABASE_URL=f"sqlite:///{database}")
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=PROJECT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_fresh_migrate_creates_the_syllabus_and_every_role_group(tmp_path):
    """migrate on an empty database gives the six papers, their topics and the four role groups."""
    database = tmp_path / "fresh.sqlite3"

    manage(database, "migrate", "--noinput", "-v", "0")

    groups, papers, topics, writer_permissions = literal_eval(manage(database, "shell", "-v", "0", "-c", PROBE))
    assert groups == ["Counselling manager", "Counsellor", "Editor", "Evaluator", "Translator", "Writer"]
    assert (papers, topics) == (6, 52)
    assert writer_permissions == len(role_permissions()["Writer"])


def test_a_database_of_the_previous_release_migrates_forward(tmp_path):
    """A database with content, taken back to the previous release's migrations, migrates forward again, its
    tags kept and its search index written by the migrations as the site writes it."""
    database = tmp_path / "previous.sqlite3"
    manage(database, "migrate", "--noinput", "-v", "0")
    manage(database, "load_demo")
    # The previous release knew one language: its slugs were unique, so the Hindi twins cannot go back with it.
    manage(database, "shell", "-v", "0", "-c",
           "from articles.models import Article; Article.objects.filter(language='hi').delete()")
    tags_probe = ("from articles.models import Tag, TaggedArticle; "
                  "print(sorted(Tag.objects.values_list('pk', 'name', 'slug')), TaggedArticle.objects.count())")
    tags_before = manage(database, "shell", "-v", "0", "-c", tags_probe)
    index_probe = ("from django.db import connection; cursor = connection.cursor(); "
                   "print([cursor.execute(f'SELECT rowid, * FROM {table} ORDER BY rowid').fetchall() "
                   "for table in ('articles_search_index', 'articles_search_other_scripts')])")
    index_before = manage(database, "shell", "-v", "0", "-c", index_probe)
    for app_label, migration in PREVIOUS_RELEASE:
        manage(database, "migrate", app_label, migration, "--noinput", "-v", "0")

    manage(database, "migrate", "--noinput", "-v", "0")

    unapplied = [line for line in manage(database, "showmigrations", "--list").splitlines() if "[ ]" in line]
    assert unapplied == []
    groups, papers, _, _ = literal_eval(manage(database, "shell", "-v", "0", "-c", PROBE))
    assert len(groups) == 6 and papers == 6
    assert manage(database, "shell", "-v", "0", "-c", tags_probe) == tags_before  # every tag kept, same ids
    index_after = manage(database, "shell", "-v", "0", "-c", index_probe)
    searchable, other_scripts = literal_eval(index_after)
    assert index_after == index_before and len(searchable) > 10 and other_scripts


@pytest.mark.django_db
def test_a_permission_added_to_a_role_map_needs_no_migration(monkeypatch):
    """Adding a permission to a role's map and running migrate (with nothing to migrate) gives it to the group."""
    writer_map = [*articles.roles.ROLE_PERMISSIONS[articles.roles.WRITER], "articles.delete_article"]
    monkeypatch.setitem(articles.roles.ROLE_PERMISSIONS, articles.roles.WRITER, writer_map)

    call_command("migrate", verbosity=0)

    writer = Group.objects.get(name="Writer")
    assert writer.permissions.filter(codename="delete_article").exists()
    assert writer.permissions.count() == len(role_permissions()["Writer"])  # the newsroom's and practice's


@pytest.mark.django_db
def test_a_permission_taken_out_of_a_role_map_is_taken_from_the_group(monkeypatch):
    """A group holds exactly its map's permissions: one removed from the map is removed after migrate."""
    writer_map = [name for name in articles.roles.ROLE_PERMISSIONS["Writer"] if name != "articles.add_tag"]
    monkeypatch.setitem(articles.roles.ROLE_PERMISSIONS, "Writer", writer_map)

    call_command("migrate", verbosity=0)

    assert not Group.objects.get(name="Writer").permissions.filter(codename="add_tag").exists()


@pytest.mark.django_db
def test_no_model_change_is_missing_a_migration():
    """Every model change has its migration (makemigrations --check finds nothing to do)."""
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_the_syllabus_is_seeded_once_and_editable():
    """The data migration's papers and topics are rows editors may change (GS2 has International Relations)."""
    assert Topic.objects.filter(paper__code="gs2", name="International Relations").exists()
    assert list(Paper.objects.values_list("code", flat=True)) == ["gs1", "gs2", "gs3", "gs4", "essay", "prelims"]
