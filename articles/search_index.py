"""SQLite's full-text index of the articles (FTS5), so that a search on the zero-setup database reads an
index, as PostgreSQL's does, instead of scanning every section's text.

One row per article (its rowid is the article's id) holding its title, context and the plain text of its
sections, stemmed in English like PostgreSQL's search. It is kept up to date inside the same transaction as
the change (signals below), so a rolled-back edit leaves it as it was. On PostgreSQL nothing here runs:
articles/search.py uses its GIN indexes instead.
"""

from django.db import connection

from .sanitize import plain_text

TABLE = "articles_search_index"
CREATE = (f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(title, context, sections, "
          "tokenize = 'porter unicode61 remove_diacritics 2')")


def in_use(using=None):
    return (using or connection).vendor == "sqlite"


def match_expression(words):
    """An FTS5 query asking for every word (each quoted, so nothing typed is read as query syntax)."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def reindex(article_ids, article_model=None, section_model=None):
    """Write the index rows of these articles afresh from the database (none for a deleted article). The
    models may be given (a migration passes its historical ones)."""
    from .models import Article, Section

    Article, Section = article_model or Article, section_model or Section  # noqa: N806
    ids = list(article_ids)
    if not ids or not in_use():
        return
    sections = {}
    for article_id, heading, body in (Section.objects.filter(article_id__in=ids).order_by("position", "pk")
                                      .values_list("article_id", "heading", "body")):
        sections.setdefault(article_id, []).append(f"{heading} {plain_text(body)}")
    rows = [(pk, title, context, "\n".join(sections.get(pk, [])))
            for pk, title, context in Article.objects.filter(pk__in=ids).values_list("pk", "title", "context")]
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [(pk,) for pk in ids])
        cursor.executemany(f"INSERT INTO {TABLE} (rowid, title, context, sections) VALUES (%s, %s, %s, %s)", rows)


def rebuild(article_model=None, section_model=None, batch=2000):
    """The whole index again, from every article (after bulk inserts, which send no signals)."""
    from .models import Article

    if not in_use():
        return
    with connection.cursor() as cursor:
        cursor.execute(CREATE)
        cursor.execute(f"DELETE FROM {TABLE}")
    ids = list((article_model or Article).objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch):
        reindex(ids[start:start + batch], article_model, section_model)


def article_changed(sender, instance, raw=False, **kwargs):
    reindex([instance.pk])


def section_changed(sender, instance, raw=False, **kwargs):
    reindex([instance.article_id])


def watch():
    """Keep the index in step with every saved or deleted article and section."""
    from django.db.models.signals import post_delete, post_save

    from .models import Article, Section

    for signal in (post_save, post_delete):
        signal.connect(article_changed, sender=Article, dispatch_uid=f"search-index-article-{signal}")
        signal.connect(section_changed, sender=Section, dispatch_uid=f"search-index-section-{signal}")
