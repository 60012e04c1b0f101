"""The articles' full-text index, filled from the articles already stored: on SQLite an FTS5 table (its rowid
is the article's id), on PostgreSQL a table of `tsvector` documents with a GIN index.

A frozen copy of what the search index's module wrote at the time, so that later changes to that module
cannot change or break this step: migrations never import the project's code."""

import html
import re

from django.db import migrations

TABLE = "articles_search_index"
CREATE = {
    "sqlite": [f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(title, context, sections, "
               "tokenize = 'porter unicode61 remove_diacritics 2')"],
    "postgresql": [f"CREATE TABLE IF NOT EXISTS {TABLE} (article_id bigint PRIMARY KEY, document tsvector NOT NULL)",
                   f"CREATE INDEX IF NOT EXISTS {TABLE}_document ON {TABLE} USING gin (document)"],
}
INSERT = {
    "sqlite": f"INSERT INTO {TABLE} (rowid, title, context, sections) VALUES (%s, %s, %s, %s)",
    "postgresql": f"INSERT INTO {TABLE} (article_id, document) "
                  "VALUES (%s, to_tsvector('english', concat_ws(' ', %s::text, %s::text, %s::text)))",
}
TAG = re.compile(r"<[^>]+>")
BATCH = 2000


def index_every_article(apps, schema_editor):
    Article = apps.get_model("articles", "Article")  # noqa: N806
    Section = apps.get_model("articles", "Section")  # noqa: N806
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for statement in CREATE[connection.vendor]:
            cursor.execute(statement)
        ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            batch = ids[start:start + BATCH]
            sections = {}
            for article_id, heading, body in (Section.objects.filter(article_id__in=batch).order_by("position", "pk")
                                              .values_list("article_id", "heading", "body")):
                sections.setdefault(article_id, []).append(f"{heading} {html.unescape(TAG.sub(' ', body or ''))}")
            cursor.executemany(INSERT[connection.vendor], [
                (pk, title, context, "\n".join(sections.get(pk, [])))
                for pk, title, context in Article.objects.filter(pk__in=batch).values_list("pk", "title", "context")])


def drop_the_index(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0009_newest_first_by_pk")]
    operations = [migrations.RunPython(index_every_article, drop_the_index)]
