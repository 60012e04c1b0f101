"""The full-text index of the articles, so that a search reads an index instead of every section's text.

One row per article holding its title, context and the plain text of its sections, stemmed in English:
on SQLite an FTS5 table (its rowid is the article's id), on PostgreSQL a table of `tsvector` documents with
a GIN index. The documents are computed when an article or section is saved, not on every search (that
made a search on a small PostgreSQL site read every section through to_tsvector: 250 ms for 4,000
sections). The index is written inside the same transaction as the change (signals below), so a
rolled-back edit leaves it as it was; after bulk inserts, which send no signals, `reindex()` writes the rows.
The tables themselves are made by the migrations (0010 and 0012).

Words in other scripts (Hindi, or Latin with accents: "café"), which English stemming does not know, are
matched as written, as part of any word, case aside. They have a second, small index of their own: each
article's words that are not plain ASCII, indexed by their three-character pieces (SQLite's trigram
tokenizer, PostgreSQL's pg_trgm). Matching them in every section instead took 300-800 ms at 100,000 articles.
"""

import threading
from contextlib import contextmanager

from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL

from ..sanitize import plain_text
from .devanagari import fold

TABLE = "articles_search_index"
OTHER_SCRIPTS = "articles_search_other_scripts"
INSERT = {
    "sqlite": f"INSERT INTO {TABLE} (rowid, title, context, sections) VALUES (%s, %s, %s, %s)",
    "postgresql": f"INSERT INTO {TABLE} (article_id, document) "
                  "VALUES (%s, to_tsvector('english', concat_ws(' ', %s::text, %s::text, %s::text)))",
}
INSERT_OTHER_SCRIPTS = {
    "sqlite": f"INSERT INTO {OTHER_SCRIPTS} (rowid, words) VALUES (%s, %s)",
    "postgresql": f"INSERT INTO {OTHER_SCRIPTS} (article_id, words) VALUES (%s, %s)",
}
KEY = {"sqlite": "rowid", "postgresql": "article_id"}


def matching(words):
    """A subquery of the ids of articles holding every one of these words (Latin script) in their title,
    context or a section."""
    if connection.vendor == "sqlite":  # each word quoted, so nothing typed is read as query syntax
        return RawSQL(f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s", [_fts_query(words)])
    return RawSQL(f"SELECT article_id FROM {TABLE} WHERE document @@ websearch_to_tsquery('english', %s)",
                  [" ".join(words)])


def holds(words):
    """The condition "this article holds every one of these words (Latin script)", tested article by
    article: for a walk down the newest articles that stops at a page's worth. It names the articles table
    as such, so it belongs in a query on Article itself, not in a subquery of one."""
    if connection.vendor == "sqlite":
        return RawSQL(f'EXISTS (SELECT 1 FROM {TABLE} WHERE {TABLE} MATCH %s AND rowid = "articles_article"."id")',
                      [_fts_query(words)], output_field=BooleanField())
    return RawSQL(f'EXISTS (SELECT 1 FROM {TABLE} WHERE article_id = "articles_article"."id" '
                  "AND document @@ websearch_to_tsquery('english', %s))", [" ".join(words)], output_field=BooleanField())


def count_up_to(words, most):
    """How many articles hold every one of these words (Latin script), counted in the index only up to
    `most` + 1: enough to tell a rare word from one in every article, at the cost of a few rows."""
    ids = matching(words)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({ids.sql} LIMIT {int(most) + 1}) AS found", ids.params)
        return cursor.fetchone()[0]


def written_as(word):
    """A subquery of the ids of articles holding this word (not plain ASCII) as part of a word of their title,
    context or a section, case and Hindi spelling variants aside (devanagari.fold)."""
    word = fold(word)
    if connection.vendor == "sqlite":
        if len(word) >= 3:  # found by its three-character pieces
            return RawSQL(f"SELECT rowid FROM {OTHER_SCRIPTS} WHERE {OTHER_SCRIPTS} MATCH %s", [_fts_query([word])])
        # Shorter ones are looked for in every row (the small table, not the sections); SQLite's LIKE folds the
        # case of ASCII letters only.
        return RawSQL(f"SELECT rowid FROM {OTHER_SCRIPTS} WHERE words LIKE %s ESCAPE '\\'", [_anywhere(word)])
    return RawSQL(f"SELECT article_id FROM {OTHER_SCRIPTS} WHERE upper(words) LIKE upper(%s)", [_anywhere(word)])


def _fts_query(words):
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def _anywhere(word):
    """A LIKE pattern for the word anywhere, its own wildcards escaped."""
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _other_scripts(*texts):
    """The words of these texts that are not plain ASCII, each once, in their folded spelling: what the second
    index holds."""
    return " ".join(dict.fromkeys(fold(word) for text in texts for word in text.split() if not word.isascii()))


def reindex(article_ids):
    """Write the index rows of these articles afresh from the database (none for a deleted article)."""
    from ..models import Article, Section

    ids = list(article_ids)
    if not ids:
        return
    sections = {}
    for article_id, heading, body in (Section.objects.filter(article_id__in=ids).order_by("position", "pk")
                                      .values_list("article_id", "heading", "body")):
        sections.setdefault(article_id, []).append(f"{heading} {plain_text(body)}")
    rows = [(pk, title, context, "\n".join(sections.get(pk, [])))
            for pk, title, context in Article.objects.filter(pk__in=ids).values_list("pk", "title", "context")]
    other_scripts = [(pk, words) for pk, *texts in rows if (words := _other_scripts(*texts))]
    vendor = connection.vendor
    with connection.cursor() as cursor:
        for table in (TABLE, OTHER_SCRIPTS):
            cursor.executemany(f"DELETE FROM {table} WHERE {KEY[vendor]} = %s", [(pk,) for pk in ids])
        cursor.executemany(INSERT[vendor], rows)
        cursor.executemany(INSERT_OTHER_SCRIPTS[vendor], other_scripts)


_batch = threading.local()


@contextmanager
def one_rewrite_per_article():
    """Inside, saved or deleted articles and sections only note whose index rows are out of date, and each
    row is written once on the way out, still inside the caller's transaction (nothing is written when the
    block fails). An article saved with its six sections rewrote its row seven times, reading every section
    each time."""
    if getattr(_batch, "pending", None) is not None:  # inside another such block, which writes them
        yield
        return
    _batch.pending = pending = set()
    try:
        yield
    finally:
        _batch.pending = None
    if not connection.needs_rollback:  # a transaction that will be rolled back keeps the rows as they were
        reindex(pending)


def _out_of_date(article_id):
    pending = getattr(_batch, "pending", None)
    if pending is None:
        reindex([article_id])
    else:
        pending.add(article_id)


def article_changed(sender, instance, **kwargs):
    _out_of_date(instance.pk)


def section_changed(sender, instance, **kwargs):
    _out_of_date(instance.article_id)


def watch():
    """Keep the index in step with every saved or deleted article and section."""
    from django.db.models.signals import post_delete, post_save

    from ..models import Article, Section

    for signal in (post_save, post_delete):
        signal.connect(article_changed, sender=Article, dispatch_uid=f"search-index-article-{signal}")
        signal.connect(section_changed, sender=Section, dispatch_uid=f"search-index-section-{signal}")
