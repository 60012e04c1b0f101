"""The articles' full-text index (articles/search_index.py: FTS5 on SQLite, tsvector documents with a GIN
index on PostgreSQL), filled from the articles already stored."""

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
    dependencies = [("articles", "0009_newest_first_by_pk")]
    operations = [migrations.RunPython(create, drop)]
