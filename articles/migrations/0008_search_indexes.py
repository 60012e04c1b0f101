"""GIN indexes for PostgreSQL's full-text search (articles/search.py), so a search over a hundred thousand
articles and their sections reads the index instead of computing every row's document. The expressions are
built by the same SearchVector calls the search makes, which is what lets PostgreSQL use them. SQLite has no
full-text search here (it matches words with LIKE), so nothing is created there."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEXES = [
    ("Article", GinIndex(SearchVector("title", "context", config="english"), name="article_search_idx")),
    ("Section", GinIndex(SearchVector("heading", "body", config="english"), name="section_search_idx")),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for model, index in INDEXES:
            schema_editor.add_index(apps.get_model("articles", model), index)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for model, index in INDEXES:
            schema_editor.remove_index(apps.get_model("articles", model), index)


class Migration(migrations.Migration):
    dependencies = [("articles", "0007_edition_years")]
    operations = [migrations.RunPython(create, drop)]
