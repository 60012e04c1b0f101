"""Hindi twins that never drift silently: a twin records the English revision it follows, and it is behind
once the English original's text, sections, relevance, month or tags have changed since that revision.

Workflow moves also make revisions (publishing, scheduling), so "behind" compares what the revisions say,
not merely their numbers."""

from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from reversion.models import Version

from . import revisions
from .models import Article, Relevance, Section


class Drift:
    """Where one Hindi twin stands against its English original."""

    def __init__(self, twin):
        self.twin, self.english = twin, twin.english_original

    @cached_property
    def latest(self):
        """The English original's newest revision, or None (an original never saved through the admin)."""
        return revisions.versions_of(self.english).order_by("-pk").first() if self.english else None

    @cached_property
    def followed(self):
        if self.twin.follows_revision is None or self.english is None:
            return None
        return revisions.versions_of(self.english).filter(pk=self.twin.follows_revision).first()

    @cached_property
    def changes(self):
        """[(part, word diff)] of the English original since the followed revision: every part when the twin
        has never been marked up to date."""
        if self.latest is None or (self.followed is not None and self.followed.pk == self.latest.pk):
            return []
        before = revisions.snapshot(self.followed) if self.followed is not None else {}
        return revisions.differences(before, revisions.current_snapshot(self.english))

    @property
    def is_behind(self):
        return bool(self.changes)

    @property
    def changed_sections(self):
        return [part for part, _ in self.changes if part.startswith("Section")]


def behind_english(articles):
    """The Hindi twins whose English original changed after they were last brought up to date: a newer
    English revision than the one followed, whose content differs from it."""
    linked = list(articles.filter(english_original__isnull=False).select_related("english_original"))
    latest_by_english = dict(
        Version.objects.get_for_model(Article).filter(object_id__in=[str(twin.english_original_id) for twin in linked])
        .values("object_id").annotate(latest=Max("pk")).values_list("object_id", "latest"))
    candidates = [twin for twin in linked
                  if latest_by_english.get(str(twin.english_original_id), 0) > (twin.follows_revision or 0)]
    return articles.filter(pk__in=[twin.pk for twin in candidates if Drift(twin).is_behind])


def bring_up_to_date(twin):
    """The translator's "follows the English as it is now": the twin records the newest English revision."""
    latest = Drift(twin).latest
    twin.follows_revision = latest.pk if latest is not None else None
    return twin.follows_revision


def translate(english, by):
    """Start the Hindi twin of an English article: a draft with the same structure (its sections under the
    English headings, empty for the Hindi; its relevances, month and tags), owned by `by`, following the
    English as it is now. Nothing is machine-translated: the translator writes the Hindi."""
    if english.language != Article.Language.ENGLISH:
        raise ValidationError(f"“{english}” is not an English article: only English articles get a Hindi twin.")
    existing = Article.objects.filter(english_original=english).first()
    if existing is not None:
        raise ValidationError(f"“{english}” already has a Hindi twin, “{existing}”.")
    with transaction.atomic():
        twin = Article.objects.create(
            language=Article.Language.HINDI, english_original=english, slug=english.slug,
            title=f"{english.title} (हिंदी अनुवाद)", context="", mains_questions="", source=english.source,
            edition=english.edition, author=by, skip_way_forward_check=english.skip_way_forward_check)
        Section.objects.bulk_create(Section(article=twin, position=section.position, heading=section.heading, body="")
                                    for section in english.sections.all())
        Relevance.objects.bulk_create(Relevance(article=twin, paper_id=row.paper_id, topic_id=row.topic_id,
                                                is_primary=row.is_primary, position=row.position)
                                      for row in english.relevances.all())
        twin.tags.set(list(english.tags.all()))
        bring_up_to_date(twin)
        twin.save(update_fields=["follows_revision"])
    return twin
