"""Importing an article: reading a file against the current syllabus, and saving what was recognised as a
draft (the only step of the import that writes to the database)."""

import zipfile

import reversion
from django.db import transaction
from django.utils.text import slugify

from .documents import blocks_from_upload
from .models import Article, Edition, Paper, Relevance, Section, Topic
from .recognition import ImportRefused, parse


def read_article(name, data, syllabus=None):
    """Recognise the article in a file (or pasted text named like one) against the current syllabus.

    Raises ImportRefused, with a message for the person importing, when it cannot be read or is not one article.
    """
    try:
        blocks = blocks_from_upload(name, data)
    except (ValueError, KeyError, zipfile.BadZipFile) as error:
        raise ImportRefused(f"Cannot read this file as text, HTML or .docx ({error}).") from None
    return parse(blocks, current_syllabus() if syllabus is None else syllabus)


def current_syllabus():
    """The syllabus as the importer reads it: {paper code: [topic names]}, from the current rows."""
    syllabus = {}
    for code, name in Topic.objects.values_list("paper__code", "name"):
        syllabus.setdefault(code, []).append(name)
    return syllabus


def create_draft(parsed, *, author=None, slug=None):
    """Save the parsed article as a draft, with its sections, relevances and edition, and keep it as the
    first revision ("As imported") so the original text can always be compared and restored.

    The address is `slug` or one made from the title, numbered when taken.
    """
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(author)
        reversion.set_comment("As imported")
        base = slug or slugify(parsed.title)[:230] or "imported-article"
        slug, number = base, 2
        while Article.objects.filter(slug=slug).exists():
            slug, number = f"{base}-{number}", number + 1
        edition = Edition.objects.get_or_create(year=parsed.edition[0], month=parsed.edition[1])[0] \
            if parsed.edition else None
        article = Article.objects.create(
            title=parsed.title[:250], slug=slug, context=parsed.context, edition=edition, author=author,
            mains_questions="\n".join(parsed.mains_questions),
        )
        seen = set()
        for position, (code, topic_name, _) in enumerate(parsed.relevances):
            paper = Paper.objects.filter(code=code).first()
            if paper is None or (code, topic_name) in seen:
                continue
            seen.add((code, topic_name))
            topic = Topic.objects.filter(paper=paper, name=topic_name).first() if topic_name else None
            Relevance.objects.create(article=article, paper=paper, topic=topic, is_primary=not position,
                                     position=position)
        for position, (heading, body) in enumerate(parsed.sections, start=1):
            Section.objects.create(article=article, position=position, heading=heading[:200], body=body)
        if parsed.tags:
            article.tags.set([tag[:100] for tag in parsed.tags])
    return article


