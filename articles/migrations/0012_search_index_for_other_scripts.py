"""The search index's part for words in other scripts (Hindi, or Latin with accents), filled from the articles
already stored: each article's words that are not plain ASCII, indexed by their three-character pieces
(SQLite's trigram tokenizer, PostgreSQL's pg_trgm).

A frozen copy of what the search index's module wrote at the time: migrations never import the project's
code."""

import html
import re

from django.db import migrations

OTHER_SCRIPTS = "articles_search_other_scripts"
CREATE = {
    "sqlite": [f"CREATE VIRTUAL TABLE IF NOT EXISTS {OTHER_SCRIPTS} USING fts5(words, tokenize = 'trigram')"],
    "postgresql": ["CREATE EXTENSION IF NOT EXISTS pg_trgm",
                   f"CREATE TABLE IF NOT EXISTS {OTHER_SCRIPTS} (article_id bigint PRIMARY KEY, words text NOT NULL)",
                   f"CREATE INDEX IF NOT EXISTS {OTHER_SCRIPTS}_words ON {OTHER_SCRIPTS} "
                   "USING gin (upper(words) gin_trgm_ops)"],
}
INSERT = {
    "sqlite": f"INSERT INTO {OTHER_SCRIPTS} (rowid, words) VALUES (%s, %s)",
    "postgresql": f"INSERT INTO {OTHER_SCRIPTS} (article_id, words) VALUES (%s, %s)",
}
TAG = re.compile(r"<[^>]+>")


def words_not_in_ascii(*texts):
    return " ".join(dict.fromkeys(word for text in texts for word in text.split() if not word.isascii()))


def index_words_in_other_scripts(apps, schema_editor):
    Article = apps.get_model("articles", "Article")  # noqa: N806
    Section = apps.get_model("articles", "Section")  # noqa: N806
    connection = schema_editor.connection
    words = {pk: words_not_in_ascii(title, context)
             for pk, title, context in Article.objects.values_list("pk", "title", "context").iterator()}
    for article_id, heading, body in (Section.objects.order_by("article_id", "position", "pk")
                                      .values_list("article_id", "heading", "body").iterator()):
        words[article_id] = words_not_in_ascii(words[article_id], heading, html.unescape(TAG.sub(" ", body or "")))
    with connection.cursor() as cursor:
        for statement in CREATE[connection.vendor]:
            cursor.execute(statement)
        cursor.executemany(INSERT[connection.vendor], [(pk, found) for pk, found in words.items() if found])


def drop_the_index(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {OTHER_SCRIPTS}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0011_articles_by_topic_and_tag_from_the_index")]
    operations = [migrations.RunPython(index_words_in_other_scripts, drop_the_index)]
