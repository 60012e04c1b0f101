"""SQLite's full-text index of the articles (articles/search_index.py), filled from the articles already
stored. PostgreSQL searches through the GIN indexes of 0008 instead, so nothing happens there."""

from django.db import migrations


def create(apps, schema_editor):
    from articles import search_index

    if search_index.in_use(schema_editor.connection):
        search_index.rebuild(apps.get_model("articles", "Article"), apps.get_model("articles", "Section"))


def drop(apps, schema_editor):
    from articles import search_index

    if search_index.in_use(schema_editor.connection):
        schema_editor.execute(f"DROP TABLE IF EXISTS {search_index.TABLE}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0010_newest_first_by_pk")]
    operations = [migrations.RunPython(create, drop)]
