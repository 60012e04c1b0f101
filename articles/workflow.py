"""The editorial workflow: the one module that decides who may move an article between states and
what each move does. The admin, management commands and tests all call it.

    draft → in review → approved → scheduled / published → unpublished
             └── request changes (with a comment) ──→ draft
"""

import re
from dataclasses import dataclass
from datetime import datetime

import reversion
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from . import notifications
from .models import Article, Edition, Paper, Transition
from .roles import EDIT, PUBLISH, RELEASE, REVIEW, TRANSLATE
from .sanitize import has_visible_text

Status = Article.Status

# The closing section in English, or in Hindi ("आगे की राह", "आगे का रास्ता").
WAY_FORWARD = re.compile(r"\bway\s+(forward|ahead)\b|आगे\s+(की\s+राह|का\s+रास्ता)", re.IGNORECASE)
MIN_SECTIONS = 2


@dataclass(frozen=True)  # pragma: no mutate (nothing ever changes a Move)
class Move:
    name: str
    label: str
    sources: frozenset
    target: str
    permission: str | None  # None: the article's author (or a reviewer) may make this move
    # Any false value reads the same here, so mutating these defaults changes nothing.
    needs_comment: bool = False  # pragma: no mutate
    needs_time: bool = False  # pragma: no mutate
    runs_checks: bool = False  # pragma: no mutate


MOVES = {
    move.name: move
    for move in [
        Move("submit", "Submit for review", frozenset({Status.DRAFT}), Status.IN_REVIEW, None),
        Move("request_changes", "Request changes", frozenset({Status.IN_REVIEW, Status.APPROVED, Status.SCHEDULED}),
             Status.DRAFT, REVIEW, needs_comment=True),
        Move("approve", "Approve", frozenset({Status.IN_REVIEW}), Status.APPROVED, REVIEW, runs_checks=True),
        Move("schedule", "Schedule", frozenset({Status.APPROVED, Status.SCHEDULED}), Status.SCHEDULED, PUBLISH,
             needs_time=True, runs_checks=True),
        Move("publish", "Publish now", frozenset({Status.APPROVED, Status.SCHEDULED, Status.UNPUBLISHED}),
             Status.PUBLISHED, PUBLISH, runs_checks=True),
        Move("unpublish", "Unpublish", frozenset({Status.SCHEDULED, Status.PUBLISHED}), Status.UNPUBLISHED, PUBLISH),
        Move("reopen", "Back to draft", frozenset({Status.UNPUBLISHED}), Status.DRAFT, PUBLISH),
    ]
}


def is_reviewer(user):
    return user.is_active and user.has_perm(REVIEW)


def can_edit(user, article):
    """Editors edit any article; a writer edits only their own article while it is a draft, and a translator
    (a writer of Hindi twins) only a Hindi one."""
    if not user.has_perm(EDIT):  # Django grants an inactive login no permission at all
        return False
    if article is None or is_reviewer(user):
        return True
    if user.has_perm(TRANSLATE) and article.language != article.Language.HINDI:
        return False
    return article.author_id == user.pk and article.status == Status.DRAFT


def may_make(user, article, move):
    """Whether this user's role allows the move at all (whatever state the article is in)."""
    if not (user.is_active and user.is_staff):
        return False
    if move.permission is None:
        return is_reviewer(user) or (user.has_perm(EDIT) and article.author_id == user.pk)
    return user.has_perm(move.permission)


def available_moves(user, article):
    """The moves this user may make on the article now, in display order."""
    return [move for move in MOVES.values() if article.status in move.sources and may_make(user, article, move)]


@dataclass(frozen=True)  # pragma: no mutate (nothing ever changes a Check)
class Check:
    label: str
    passed: bool
    problem: str


def publish_checks(article):
    """The checklist an article must pass before it is approved or published."""
    primary = article.primary_relevance
    sections = list(article.sections.all())
    written = [section for section in sections if has_visible_text(section.body)]
    has_way_forward = any(WAY_FORWARD.search(section.heading) for section in sections)
    return [
        Check("Context (lead paragraph)", bool(article.context.strip()), "Write the context (lead paragraph)."),
        Check("Primary relevance: GS paper and topic", bool(primary and primary.topic_id),
              "Add a primary relevance with both a GS paper and a syllabus topic."),
        Check("Edition (month)", article.edition_id is not None, "Choose the edition (month) the article belongs to."),
        Check(f"At least {MIN_SECTIONS} sections with text", len(written) >= MIN_SECTIONS,
              f"Write at least {MIN_SECTIONS} sections with text (this article has {len(written)})."),
        Check('A "Way Forward" section', has_way_forward or article.skip_way_forward_check,
              'Add a section headed "Way Forward", or ask an editor to tick "publish without a Way Forward section".'),
    ]


def publish_problems(article):
    return [check.problem for check in publish_checks(article) if not check.passed]


def apply(article, name, user, *, comment="", when=None):
    """Make the named move or raise: PermissionDenied for the wrong role, ValidationError for anything else.

    Nothing changes unless the whole move succeeds. The author's email goes out after commit.
    """
    move = MOVES.get(name)
    if move is None:
        raise ValidationError(f"Unknown workflow action “{name}”.")
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        if not may_make(user, article, move):
            raise PermissionDenied(f"Your role may not {move.label.lower()} articles.")
        transition = _move(article, move, user, comment=comment, when=when)
    _notify(article, move, transition)
    return transition


def _move(article, move, user, *, comment, when=None, release=False):
    """Check and make one move on a locked article; `release` schedules for an edition's release time,
    which may be now."""
    if article.status not in move.sources:
        raise ValidationError(
            f"“{article.title}” is {article.get_status_display().lower()}; it cannot be moved by “{move.label}”."
        )
    comment = (comment or "").strip()
    if move.needs_comment and not comment:
        raise ValidationError("Say what needs to change: the writer sees this comment.")
    now = timezone.now()
    if move.needs_time:
        if not isinstance(when, datetime):
            raise ValidationError("Choose the date and time the article should go live.")
        if when <= now and not release:
            raise ValidationError("Choose a time in the future to schedule; use “Publish now” to publish at once.")
    if move.runs_checks:
        problems = publish_problems(article)
        if problems:
            raise ValidationError(problems)

    previous = article.status
    if move.name == "publish" and not article.is_published:
        article.published_at = now
    elif move.needs_time:
        article.published_at = when
    elif move.name == "request_changes" and article.is_scheduled_ahead:
        article.published_at = None
    article.status = move.target
    article.edit_version += 1  # a form opened before this move is now out of date
    with reversion.create_revision():
        article.save()
        reversion.set_user(user)
        reversion.set_comment(f"{move.label}: {comment}" if comment else move.label)
    return Transition.objects.create(
        article=article, actor=user, name="release" if release else move.name, from_status=previous,
        to_status=move.target, comment=comment, created_at=now,
    )


def _notify(article, move, transition):
    if move.name == "request_changes":
        notifications.changes_requested(article, transition)
    elif move.name in {"publish", "schedule"}:
        notifications.going_live(article, transition)


READY = [Status.APPROVED, Status.SCHEDULED, Status.PUBLISHED]


def with_edition_counts(editions):
    """Annotate editions with how many articles are in each state and how many ready or live articles
    each paper has (by primary relevance), so editors see a month with no GS4 article before release."""
    papers = list(Paper.objects.all())
    per_status = {f"n_{value}": Count("articles", filter=Q(articles__status=value), distinct=True)
                  for value in Status.values}
    per_paper = {
        # An article has one primary relevance at most, so distinct here only guards the join (equivalent).
        f"n_paper_{paper.pk}": Count("articles", distinct=True, filter=Q(  # pragma: no mutate
            articles__status__in=READY, articles__relevances__is_primary=True, articles__relevances__paper=paper))
        for paper in papers
    }
    editions = editions.annotate(**per_status, **per_paper)
    for edition in editions:
        edition.counts_by_status = [(label, getattr(edition, f"n_{value}")) for value, label in Status.choices]
        edition.counts_by_paper = [(paper.short_name, getattr(edition, f"n_paper_{paper.pk}")) for paper in papers]
        yield edition


def release_edition(edition, user, when):
    """Make the edition public at `when` and schedule all its approved articles for that moment.

    Approved articles that no longer pass the publish checks stay approved and are reported.
    """
    if not (user.is_active and user.is_staff and user.has_perm(RELEASE)):
        raise PermissionDenied("Your role may not release editions.")
    if not isinstance(when, datetime):
        raise ValidationError("Choose the date and time the edition is released.")
    scheduled, held_back = [], []
    with transaction.atomic():
        edition = Edition.objects.select_for_update().get(pk=edition.pk)
        edition.release_at, edition.released_by = when, user
        edition.save(update_fields=["release_at", "released_by"])
        approved = edition.articles.filter(status=Status.APPROVED).select_for_update()
        for article in approved:
            try:
                transition = _move(article, MOVES["schedule"], user, when=when, release=True,
                                   comment=f"Released with the {edition} edition.")
            except ValidationError as problems:
                held_back.append((article, problems.messages))
                continue
            scheduled.append(article)
            _notify(article, MOVES["schedule"], transition)
    return scheduled, held_back
