"""What a browser posts from the admin's forms, built the same way by every test that saves through them."""


def formset(prefix, rows, *, initial=0):
    """An inline formset's management form and rows: `rows` is a list of {field: value} dicts."""
    data = {f"{prefix}-TOTAL_FORMS": len(rows), f"{prefix}-INITIAL_FORMS": initial,
            f"{prefix}-MIN_NUM_FORMS": 0, f"{prefix}-MAX_NUM_FORMS": 1000}
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{field}": value for field, value in row.items()})
    return data


def article_change_form(article, **overrides):
    """The POST an editor's browser sends when saving the article's change form unchanged."""
    relevances = [{"id": row.pk, "article": article.pk, "paper": row.paper_id, "topic": row.topic_id or "",
                   "is_primary": "on" if row.is_primary else ""} for row in article.relevances.all()]
    sections = [{"id": row.pk, "article": article.pk, "position": row.position, "heading": row.heading,
                 "body": row.body} for row in article.sections.all()]
    return {
        "title": article.title, "slug": article.slug, "context": article.context,
        "mains_questions": article.mains_questions, "based_on_version": article.edit_version,
        "edition": article.edition_id or "", "tags": ", ".join(article.tags.names()), "source": article.source,
        "author": article.author_id or "",
        **formset("relevances", relevances, initial=len(relevances)),
        **formset("sections", sections, initial=len(sections)),
        **overrides,
    }
