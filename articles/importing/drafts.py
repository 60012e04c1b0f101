"""Importing an article: reading a file against the current syllabus, and saving what was recognised as a
draft (the only step of the import that writes to the database)."""

import calendar

import reversion
from django.db import transaction
from django.db.models import Q
from django.dispatch import Signal
from django.utils.text import slugify

from ..documents import UnreadableDocument, blocks_from_upload
from ..models import Article, Edition, Paper, Relevance, Section, Topic
from .recognition import ImportRefused, parse

# Sent inside the import's transaction once the draft is saved, for the apps that keep more of what was
# recognised (answers: the Mains questions); a receiver that fails undoes the import.
article_imported = Signal()


def read_article(name, data, syllabus=None, *, may_open_edition=False):
    """Recognise the article in a file (or pasted text named like one) against the current syllabus.

    Raises ImportRefused, with a message for the person importing, when it cannot be read or is not one article.
    """
    try:
        blocks = blocks_from_upload(name, data)
    except UnreadableDocument as error:
        raise ImportRefused(str(error)) from None
    parsed = parse(blocks, current_syllabus() if syllabus is None else syllabus)
    if blocks.skipped:
        parsed.report.attention.append(
            f"Left out what a reader would not see as article text: {', '.join(f'<{tag}>' for tag in blocks.skipped)}.")
    _check_edition(parsed, may_open_edition)
    return parsed


def _check_edition(parsed, may_open_edition):
    """The month line names an edition; writers' imports file under existing editions only (editors create
    them), while the operator's command line may open the month."""
    if not parsed.edition:
        return
    year, month = parsed.edition
    label = f"{calendar.month_name[month]} {year}"
    if year not in Edition.YEARS:
        parsed.report.attention.append(f"“{label}” is outside {Edition.YEARS[0]}–{Edition.YEARS[-1]}: choose the edition.")
        parsed.edition = None
    elif not may_open_edition and not Edition.objects.filter(year=year, month=month).exists():
        parsed.report.attention.append(f"There is no {label} edition yet: an editor creates it, then choose it here.")


def _edition_for(parsed, create):
    if not parsed.edition or parsed.edition[0] not in Edition.YEARS:
        return None
    year, month = parsed.edition
    if create:
        return Edition.objects.get_or_create(year=year, month=month)[0]
    return Edition.objects.filter(year=year, month=month).first()


def current_syllabus():
    """The syllabus as the importer reads it: {paper code: [topic names]}, from the current rows, each topic
    named in English and, where it has one, in Hindi (a Hindi article's relevance line names it so)."""
    syllabus = {}
    for code, name, name_hi in Topic.objects.values_list("paper__code", "name", "name_hi"):
        syllabus.setdefault(code, []).extend([name, name_hi] if name_hi else [name])
    return syllabus


def twin_candidates(parsed, count=5):
    """The English articles a Hindi import may translate, most alike first: those without a Hindi twin, of
    the same month, then filed under the same primary paper, then with as many Dimensions. Each carries
    `matches`, how many of the three it shares; the first is suggested only when it shares all three."""
    if parsed.language != Article.Language.HINDI:
        return []
    paper = parsed.relevances[0][0] if parsed.relevances else None
    untranslated = Article.objects.filter(language=Article.Language.ENGLISH, hindi_twin__isnull=True)
    if parsed.edition:
        untranslated = untranslated.filter(edition__year=parsed.edition[0], edition__month=parsed.edition[1])
    else:
        return []
    candidates = list(untranslated.select_related("edition").prefetch_related("relevances__paper", "sections")
                      .order_by("-created_at")[:50])
    for candidate in candidates:
        primary = candidate.primary_relevance
        candidate.matches = 1 + (primary is not None and primary.paper.code == paper) \
            + (len(candidate.sections.all()) == len(parsed.sections))
    candidates.sort(key=lambda candidate: -candidate.matches)
    return candidates[:count]


def articles_titled_like(title):
    """Articles an import of `title` would duplicate: the same title in any letter case, or the same address."""
    title = " ".join(title.split())
    same = Q(title__iexact=title)
    if slugify(title):
        same |= Q(slug=slugify(title)[:230])
    return Article.objects.filter(same).order_by("-pk")


def create_draft(parsed, *, author=None, slug=None, create_edition=False, english_original=None):
    """Save the parsed article as a draft, with its sections, relevances and edition, and keep it as the
    first revision ("As imported") so the original text can always be compared and restored.

    The address is `slug` or one made from the title, numbered when taken in its language; a Hindi twin of
    `english_original` takes the English address. The edition is only looked up, unless `create_edition`
    (the operator's command line) allows making the month.
    """
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(author)
        reversion.set_comment("As imported")
        base = slug or slugify(parsed.title)[:230] or "imported-article"
        slug, number = base, 2
        while Article.objects.filter(slug=slug, language=parsed.language).exists():
            slug, number = f"{base}-{number}", number + 1
        edition = _edition_for(parsed, create_edition)
        article = Article.objects.create(
            title=parsed.title[:250], slug=slug, context=parsed.context, edition=edition, author=author,
            mains_questions="\n".join(parsed.mains_questions), language=parsed.language,
            english_original=english_original,
        )
        seen = set()
        for position, (code, topic_name, _) in enumerate(parsed.relevances):
            paper = Paper.objects.filter(code=code).first()
            if paper is None or (code, topic_name) in seen:
                continue
            seen.add((code, topic_name))
            topic = (Topic.objects.filter(Q(name=topic_name) | Q(name_hi=topic_name), paper=paper).first()
                     if topic_name else None)
            Relevance.objects.create(article=article, paper=paper, topic=topic, is_primary=not position,
                                     position=position)
        for position, (heading, body) in enumerate(parsed.sections, start=1):
            Section.objects.create(article=article, position=position, heading=heading[:200], body=body)
        if parsed.tags:
            article.tags.set([tag[:100] for tag in parsed.tags])
        article_imported.send(sender=Article, article=article, parsed=parsed)
    return article


