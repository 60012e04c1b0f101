"""The articles' full-text index (articles/search_index.py: FTS5 on SQLite, tsvector documents with a GIN
index on PostgreSQL), filled from the articles already stored."""

from django.db import migrations

from articles import search_index


class Migration(migrations.Migration):
    dependencies = [("articles", "0009_newest_first_by_pk")]
    operations = [migrations.RunPython(search_index.rebuild_in_migration,
                                       search_index.drop_in_migration(search_index.TABLE))]
