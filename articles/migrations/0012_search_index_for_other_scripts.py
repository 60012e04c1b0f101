"""The search index's part for words in other scripts (articles/search_index.py), filled from the articles
already stored; the rest of the index is rewritten with it."""

from django.db import migrations

from articles import search_index


class Migration(migrations.Migration):
    dependencies = [("articles", "0011_articles_by_topic_and_tag_from_the_index")]
    operations = [migrations.RunPython(search_index.rebuild_in_migration,
                                       search_index.drop_in_migration(search_index.OTHER_SCRIPTS))]
