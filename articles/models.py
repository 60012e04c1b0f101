"""The editorial domain: GS papers and syllabus topics, monthly editions, articles and their parts."""

import unicodedata
from functools import cached_property, lru_cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connections, models
from django.db.models import Q
from django.urls import get_script_prefix, reverse
from django.utils import timezone, translation
from django.utils.dates import MONTHS
from django.utils.text import slugify
from django_ckeditor_5.fields import CKEditor5Field
import reversion
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase
from taggit.utils import _parse_tags

from common.dates import moment
from common.text import tidy_line

from .documents import rich_text_as_lines
from .roles import VIEW
from .sanitize import clean_rich_text


class Paper(models.Model):
    """A General Studies paper (GS1–GS4), the Essay, or Prelims; seeded once, editable in the admin."""

    code = models.SlugField(max_length=20, unique=True, help_text="Used in the paper page address, e.g. gs2 for /papers/gs2/.")
    short_name = models.CharField(max_length=20, help_text='Printed in relevance lines, e.g. "GS2".')
    title = models.CharField(max_length=200, help_text="The paper's full syllabus title.")
    short_name_hi = models.CharField("short name in Hindi", max_length=40, blank=True,
                                     help_text='Printed on the Hindi pages, e.g. "सा.अ. 2"; empty: the English one.')
    title_hi = models.CharField("title in Hindi", max_length=200, blank=True,
                                help_text="The syllabus title on the Hindi pages; empty: the English one.")
    position = models.PositiveSmallIntegerField(default=0, help_text="Order in menus and lists.")

    class Meta:
        ordering = ["position", "code"]

    def __str__(self):
        return self.short_name

    def get_absolute_url(self):
        return reverse("articles:paper", args=[self.code])

    @property
    def local_short_name(self):
        """The short name in the page's language ("GS2", "सा.अ. 2")."""
        return in_page_language(self.short_name, self.short_name_hi)

    @property
    def local_title(self):
        return in_page_language(self.title, self.title_hi)


def in_page_language(english, hindi):
    """What to print of a name kept in both languages: the Hindi on a Hindi page when there is one."""
    return hindi if hindi and reading_language() == "hi" else english


class Topic(models.Model):
    """A syllabus topic within one paper, e.g. GS2 → International Relations."""

    paper = models.ForeignKey(Paper, on_delete=models.PROTECT, related_name="topics")
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, help_text="Used in the topic page address, e.g. international-relations.")
    name_hi = models.CharField("name in Hindi", max_length=200, blank=True,
                               help_text='Printed on the Hindi pages, e.g. "अंतर्राष्ट्रीय संबंध"; empty: the English one.')
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["paper__position", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["paper", "slug"], name="topic_unique_slug_per_paper"),
        ]

    def __str__(self):
        return f"{self.paper.short_name} - {self.name}"

    def get_absolute_url(self):
        return reverse("articles:topic", args=[self.paper.code, self.slug])

    @property
    def local_name(self):
        return in_page_language(self.name, self.name_hi)


class EditionQuerySet(models.QuerySet):
    def released(self):
        """Editions students may browse: released, and their release time has come."""
        return self.filter(release_at__lte=timezone.now())

    def month_choices(self):
        """("2024-03", "March 2024") for each edition, newest first, read without building the editions:
        the search form lists every released month, hundreds in a long archive."""
        return [(Edition.code_for(year, month), Edition.name_for(year, month))
                for year, month in self.order_by("-year", "-month").values_list("year", "month")]


class MonthNames:
    """A month's name by its number, in the active language ("March", "मार्च")."""

    def __getitem__(self, number):
        return str(MONTHS[number]) if number else ""


MONTH_NAMES = MonthNames()
EDITION_YEARS = range(2000, 2101)


class Edition(models.Model):
    """The monthly current-affairs edition an article belongs to, e.g. "March 2024"."""

    YEARS = EDITION_YEARS

    year = models.PositiveSmallIntegerField(validators=[MinValueValidator(YEARS[0]), MaxValueValidator(YEARS[-1])])
    month = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(12)])
    release_at = models.DateTimeField(
        null=True, blank=True, editable=False,
        help_text="When the edition page went (or goes) public. Set by releasing the edition.",
    )
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )

    objects = EditionQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-month"]
        permissions = [("release_edition", "Can release an edition (schedules its approved articles)")]
        constraints = [
            models.UniqueConstraint(fields=["year", "month"], name="edition_unique_month"),
            models.CheckConstraint(condition=Q(month__gte=1, month__lte=12), name="edition_month_1_to_12"),
            models.CheckConstraint(condition=Q(year__gte=EDITION_YEARS[0], year__lte=EDITION_YEARS[-1]), name="edition_year_2000_to_2100"),
        ]

    def __str__(self):
        return self.name_for(self.year, self.month)

    @staticmethod
    def name_for(year, month):
        return f"{MONTH_NAMES[month]} {year}"

    @staticmethod
    def code_for(year, month):
        return f"{year}-{month:02d}"

    @staticmethod
    def address_for(year, month):
        return _edition_address(get_script_prefix(), translation.get_language(), year, month)

    def get_absolute_url(self):
        return self.address_for(self.year, self.month)

    @property
    def code(self):
        """The month as "2024-03", as the search's month filter writes it."""
        return self.code_for(self.year, self.month)

    @property
    def is_released(self):
        return self.release_at is not None and self.release_at <= timezone.now()

    @property
    def release_phrase(self):
        """ "released 1 Apr 2024, 06:00 IST" or "goes public …" once a release is set; else ""."""
        if self.release_at is None:
            return ""
        return f"{'released' if self.is_released else 'goes public'} {moment(self.release_at)}"


@lru_cache(maxsize=len(EDITION_YEARS) * 12 * 2)
def _edition_address(script_prefix, language, year, month):
    """A month's address, reversed once per process and language: the archive links to every month, and a
    reverse() costs 40 µs. The script prefix and the language prefix (/hi/), which reverse() writes in front,
    are part of the key."""
    return reverse("articles:edition", args=[year, f"{month:02d}"])


def unicode_slug(text):
    """A tag's address in any script: letters, combining marks and digits kept, everything else a hyphen.

    Django's slugify(allow_unicode=True) drops the vowel signs of Indian scripts (जलवायु becomes जलवय)
    because they are combining marks, not word characters.
    """
    words, word = [], []
    for character in unicodedata.normalize("NFKC", text).lower():
        if unicodedata.category(character)[0] in "LMN" or character == "_":
            word.append(character)
        elif character.isspace() or character == "-":
            words.append("".join(word))
            word = []
    words.append("".join(word))
    return "-".join(part for part in words if part)


def tags_from_string(text):
    """The tags field's parser (settings.TAGGIT_TAGS_FROM_STRING): taggit's, each name tidied, so that a
    pasted invisible character or a decomposed letter never makes a second tag of the same name."""
    return sorted({tidy_line(name) for name in _parse_tags(text)} - {""})


class Tag(TagBase):
    """A tag in any script; its slug keeps the script (/tags/जलवायु-परिवर्तन/), never ends up empty."""

    FALLBACK_SLUG = "tag"

    class Meta:
        ordering = ["name"]

    def slugify(self, tag, i=None):
        slug = unicode_slug(tag)[:90] or self.FALLBACK_SLUG
        return slug if i is None else f"{slug}_{i}"

    def get_absolute_url(self):
        return reverse("articles:tag", args=[self.slug])


class TaggedArticle(TaggedItemBase):
    """Taggit's through table with a real foreign key to the article, for integrity and fast joins."""

    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="tagged_articles", db_index=False)
    content_object = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_article_unique_tag"),
        ]
        # A tag's articles in id order (the newest last), read from the index alone: related reading takes the
        # newest under a tag without visiting or sorting the rest, however many years the tag spans.
        indexes = [models.Index(fields=["tag", "content_object"], name="tagged_article_by_tag")]


def published_condition(through=""):
    """What students may see: scheduled or published *and* a publication time that has come, as a condition
    on the article reached through `through` ("article__" from a question, say), so that a query can join
    the article instead of listing every published one.

    A scheduled article goes live by this rule alone at its time; no job has to run.
    """
    return models.Q(**{f"{through}status__in": Article.Status.live(), f"{through}published_at__lte": timezone.now()})


# A list of at most this many articles is fetched by id; a longer one is walked (ArticleQuerySet.in_list).
# Around here the two cost about the same at 100,000 articles: fetching 750 articles by id and sorting them,
# against walking the ~1,700 newest to find a page's worth.
SHORT_LIST = 750


def read_first(field, ids, vendor):
    """The condition "`field` is one of the ids this subquery reads", written so that the database reads the
    ids first and then fetches the rows they name through `field`'s index. SQLite does that with an IN list.
    PostgreSQL would plan the IN as a join from its estimate of the list's size (the same for every tag but
    its most common) and walk the archive for a rare one; an array it must read first leaves no choice."""
    if vendor != "postgresql":
        return models.Q(**{f"{field}__in": ids})
    from django.contrib.postgres.expressions import ArraySubquery

    return models.Func(models.F(field), ArraySubquery(ids), arg_joiner=" = ANY(", template="%(expressions)s)",
                       output_field=models.BooleanField())


def reading_language():
    """The language of the page being made: English at the unprefixed addresses, Hindi under /hi/."""
    return translation.get_language() or settings.LANGUAGE_CODE


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What students may see (published_condition)."""
        return self.filter(published_condition())

    def in_reading_language(self):
        """The articles written in the page's language: /hi/ lists Hindi articles, the English site English."""
        return self.filter(language=reading_language())

    def published_here(self):
        """What students may see on a page in this language: the public lists, feeds and searches."""
        return self.published().in_reading_language()

    def visible_to(self, user):
        """Staff who may view articles also see drafts (to preview them); everyone else sees published ones."""
        if user.is_active and user.is_staff and user.has_perm(VIEW):
            return self.all()
        return self.published()

    def in_list(self, members, article_field):
        """Those in one list: the articles of `members`, rows that name them in `article_field` (a paper's or
        topic's relevances, a tag's taggings), found the cheap way for the list's size. A long list is
        tested article by article, so that a walk down the newest articles stops at a page's worth instead
        of gathering the whole list to sort it. A short one is read first and its articles fetched by id:
        the walk would cross the whole archive to find its few (a paper with no articles yet took 120 ms at
        100,000 articles). Counting at most SHORT_LIST + 1 of the list's rows tells which it is."""
        members = members.order_by()
        if members[:SHORT_LIST + 1].count() > SHORT_LIST:
            return self.filter(models.Exists(members.filter(**{article_field: models.OuterRef("pk")})))
        return self.filter(read_first("pk", members.values(article_field), connections[self.db].vendor))

    def for_listing(self):
        """Everything an article card prints, in a fixed number of queries."""
        return self.select_related("edition").prefetch_related(
            models.Prefetch(
                "relevances",
                queryset=Relevance.objects.filter(is_primary=True).select_related("paper", "topic__paper"),
                to_attr=PRIMARY_RELEVANCE_CACHE,
            )
        )

    # The editorial queues: each person's work list on the admin home and in the article list's filter
    # (both read QUEUES below, so a desk count always equals the length of the list it links to).

    def awaiting_review_by(self, user):
        """Articles sent for review by someone else: a reviewer does not approve their own work."""
        return self.filter(status=Article.Status.IN_REVIEW).exclude(author=user)

    def drafts_of(self, user):
        return self.filter(status=Article.Status.DRAFT, author=user)

    def with_last_move(self):
        """Each article with `last_move`, the name of its latest workflow move (None before its first)."""
        latest = Transition.objects.filter(article=models.OuterRef("pk")).order_by("-created_at", "-id")
        return self.annotate(last_move=models.Subquery(latest.values("name")[:1]))

    def changes_requested(self):
        """Drafts an editor sent back with a comment, not yet submitted again."""
        return self.with_last_move().filter(status=Article.Status.DRAFT, last_move="request_changes")

    def approved_unscheduled(self):
        """Approved and waiting for an editor to schedule or publish them (or for their edition's release)."""
        return self.filter(status=Article.Status.APPROVED)

    def going_live(self):
        """Scheduled articles whose time has not come yet, soonest first."""
        return self.filter(status=Article.Status.SCHEDULED, published_at__gt=timezone.now()).order_by("published_at")


PRIMARY_RELEVANCE_CACHE = "_primary_relevances"


class Article(models.Model):
    """A current-affairs analysis (or a short news item) as students read it."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        APPROVED = "approved", "Approved"
        SCHEDULED = "scheduled", "Scheduled"
        PUBLISHED = "published", "Published"
        UNPUBLISHED = "unpublished", "Unpublished (archived)"

        @classmethod
        def live(cls):
            """States in which students see the article once its publication time has come."""
            return [cls.SCHEDULED, cls.PUBLISHED]

    class Language(models.TextChoices):
        ENGLISH = "en", "English"
        HINDI = "hi", "Hindi (हिंदी)"

    # With a database default too: rows written by code from before languages (a deploy's old workers, older
    # migrations' models) are English.
    language = models.CharField(
        max_length=2, choices=Language.choices, default=Language.ENGLISH, db_default=Language.ENGLISH,
        help_text="English articles are at /articles/…/, Hindi ones at /hi/articles/…/.",
    )
    english_original = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="hindi_twin",
        limit_choices_to={"language": "en"},
        help_text="For a Hindi article: the English article it translates. It then shares its address "
                  "(/articles/<slug>/ and /hi/articles/<slug>/) and the page links the two.",
    )
    follows_revision = models.PositiveIntegerField(
        null=True, blank=True, editable=False,
        help_text="For a Hindi twin: the English original's revision it was last brought up to date with.",
    )
    title = models.CharField(max_length=250)
    slug = models.SlugField(
        max_length=250, help_text="The last part of the article's address (/articles/…/). Filled from the title; "
                                  "a Hindi twin takes its English original's."
    )
    context = models.TextField(
        help_text='The lead paragraph that says why this is in the news ("Recently, …").'
    )
    mains_questions = models.TextField(
        blank=True,
        help_text='Optional. One question per line, with its marks, e.g. "… Discuss. (15 marks)".',
    )
    source = models.CharField(
        max_length=300, blank=True, help_text="Optional. Where the news came from (newspaper, PIB release, URL)."
    )
    edition = models.ForeignKey(
        Edition, on_delete=models.PROTECT, null=True, blank=True, related_name="articles",
        help_text='The monthly edition this article belongs to, e.g. "March 2024".',
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True, editable=False,
        help_text="Changed only through the workflow buttons: submit, approve, schedule, publish …",
    )
    published_at = models.DateTimeField(
        null=True, blank=True, db_index=True, editable=False,
        help_text="Students see the article when it is Scheduled or Published *and* this time has come.",
    )
    skip_way_forward_check = models.BooleanField(
        "publish without a Way Forward section", default=False,
        help_text="Editors only: for news items that end without a Way Forward section.",
    )
    edit_version = models.PositiveIntegerField(
        default=0, editable=False, help_text="Goes up by one on every save; refuses saves based on an older copy."
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="articles"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    tags = TaggableManager(through=TaggedArticle, blank=True, help_text="Comma-separated, e.g. India-Japan, Defence.")

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]  # the pk, not created_at, breaks ties: the published_at index serves it
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_listing_idx"),
            # A month's published articles (edition pages, previous/next in the month, which months have
            # any): without it the database walks every published article to answer for one month.
            models.Index(fields=["edition", "status", "published_at"], name="article_edition_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "language"], name="article_unique_slug_per_language",
                violation_error_message="Another article in this language already has this slug: choose "
                                        "another address for this one."),
            models.CheckConstraint(condition=Q(english_original__isnull=True) | Q(language="hi"),
                                   name="article_only_hindi_has_english_original"),
        ]
        permissions = [
            ("review_article", "Can review articles: approve them or request changes"),
            ("publish_article", "Can schedule, publish and unpublish articles"),
            ("translate_article", "Can start the Hindi twin of an English article"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        with translation.override(self.language):
            return reverse("articles:detail", args=[self.slug])

    @classmethod
    def from_db(cls, db, field_names, values):
        article = super().from_db(db, field_names, values)
        article._loaded_slug = article.__dict__.get("slug")
        return article

    def clean(self):
        """A Hindi twin links to one English article that has no other twin, and takes its slug."""
        super().clean()
        if self.english_original_id is None:
            return
        original = self.english_original
        if self.language != self.Language.HINDI:
            raise ValidationError({"english_original": "Only a Hindi article can name an English original; "
                                                       "set the language to Hindi or clear the original."})
        if original.pk == self.pk or original.language != self.Language.ENGLISH:
            raise ValidationError({"english_original": f"“{original}” is not an English article: a Hindi "
                                                       "twin links to the English article it translates."})
        twin = Article.objects.filter(english_original=original).exclude(pk=self.pk).first()
        if twin is not None:
            raise ValidationError({"english_original": f"“{original}” already has a Hindi twin, “{twin}”: "
                                                       "open that one instead."})
        self.slug = original.slug

    def save(self, *args, **kwargs):
        old_slug = getattr(self, "_loaded_slug", None)
        self.title = tidy_line(self.title)
        if self.english_original_id is not None:
            self.slug = (self.english_original.slug if Article.english_original.is_cached(self)
                         and self.english_original.pk == self.english_original_id else
                         Article.objects.filter(pk=self.english_original_id).values_list("slug", flat=True).get())
        super().save(*args, **kwargs)
        redirects = SlugRedirect.objects.filter(language=self.language)
        if old_slug and old_slug != self.slug and self.published_at is not None:
            # Students and search engines may hold the old address of a once-published article.
            redirects.update_or_create(old_slug=old_slug, language=self.language, defaults={"article": self})
        redirects.filter(old_slug=self.slug).delete()
        self._loaded_slug = self.slug
        if old_slug and old_slug != self.slug and self.language == self.Language.ENGLISH:
            # The twin shares the address, so it moves with it (and keeps its own old address as a redirect).
            twin = Article.objects.filter(english_original=self).first()
            if twin is not None:
                twin.save(update_fields=["slug", "updated_at"])

    @property
    def twin(self):
        """The other-language article of the pair, or None (served by select_related of both directions)."""
        if self.language == self.Language.HINDI:
            return self.english_original
        try:
            return self.hindi_twin
        except Article.DoesNotExist:
            return None

    @property
    def question_sources(self):
        """The articles whose questions (Prelims, Mains) this article's page offers: itself and, for a Hindi
        twin, its English original, whose questions carry their Hindi beside the English."""
        return [pk for pk in (self.pk, self.english_original_id) if pk is not None]

    @property
    def published_twin(self):
        """The twin students may switch to, or None."""
        twin = self.twin
        return twin if twin is not None and twin.is_published else None

    def with_parts(self):
        """This article with its edition, sections, tags and relevances (paper and topic) loaded in four
        queries, once: templates call it where they print them, so a page whose parts come from the shared
        fragment cache does not load them at all."""
        models.prefetch_related_objects(
            [self], "edition", "sections", "tags",
            models.Prefetch("relevances", queryset=Relevance.objects.select_related("paper", "topic__paper")))
        return self

    @property
    def is_published(self):
        """The same rule as ArticleQuerySet.published(), for one article already in memory."""
        return self.status in self.Status.live() and self.published_at is not None and (
            self.published_at <= timezone.now()
        )

    @property
    def is_scheduled_ahead(self):
        return self.status in self.Status.live() and self.published_at is not None and not self.is_published

    @property
    def live_phrase(self):
        """ "goes live 1 Apr 2024, 06:00 IST" or "live since …" for an article with a live status; else ""."""
        if self.status not in self.Status.live() or self.published_at is None:
            return ""
        return f"{'live since' if self.is_published else 'goes live'} {moment(self.published_at)}"

    @property
    def primary_relevance(self):
        """The paper and topic the article is filed under first, or None.

        Served by for_listing()'s prefetch of primary relevances, or by a prefetch of all relevances.
        """
        candidates = getattr(self, PRIMARY_RELEVANCE_CACHE, None)
        if candidates is None:
            candidates = [relevance for relevance in self.relevances.all() if relevance.is_primary]
        return candidates[0] if candidates else None

    @cached_property
    def mains_question_list(self):
        return [line.strip() for line in self.mains_questions.splitlines() if line.strip()]

    @cached_property
    def dimensions(self):
        """The numbered table of contents: the sections in order, each with its page anchor.

        Derived from the section headings, so it can never disagree with them.
        """
        used = set()
        entries = []
        for number, section in enumerate(self.sections.all(), start=1):
            anchor = slugify(section.heading) or f"section-{number}"
            if anchor in used:
                anchor = f"{anchor}-{number}"
            used.add(anchor)
            entries.append(Dimension(number=number, section=section, anchor=anchor))
        return entries


class Dimension:
    """One entry of an article's "Dimensions of the article" list."""

    __slots__ = ("number", "section", "anchor")

    def __init__(self, *, number, section, anchor):
        self.number, self.section, self.anchor = number, section, anchor

    @property
    def heading(self):
        return self.section.heading


class Relevance(models.Model):
    """One GS paper + syllabus topic an article serves, printed like "GS2 - International Relations"."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="relevances")
    paper = models.ForeignKey(Paper, on_delete=models.PROTECT, related_name="relevances")
    topic = models.ForeignKey(
        Topic, on_delete=models.PROTECT, null=True, blank=True, related_name="relevances", db_index=False,
        help_text="A syllabus topic of the chosen paper.",
    )
    is_primary = models.BooleanField(
        "primary", default=False, help_text="The paper and topic the article is filed under first."
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-is_primary", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["article"], condition=Q(is_primary=True), name="relevance_one_primary_per_article"
            ),
            models.UniqueConstraint(fields=["article", "paper", "topic"], name="relevance_unique_pair"),
        ]
        # A topic's articles read from the index alone (see TaggedArticle).
        indexes = [models.Index(fields=["topic", "article"], name="relevance_by_topic")]

    def __str__(self):
        paper = self.paper.local_short_name
        return f"{paper} - {self.topic.local_name}" if self.topic_id else paper

    def clean(self):
        if self.topic_id and self.paper_id and self.topic.paper_id != self.paper_id:
            raise ValidationError({"topic": f"“{self.topic.name}” is a topic of {self.topic.paper}, not of {self.paper}."})


class Section(models.Model):
    """One heading + rich-text body of an article; together, in order, they are its Dimensions."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sections")
    position = models.IntegerField(
        validators=[MinValueValidator(1)],
        help_text="Order in the article; leave empty to add at the end.",
    )
    heading = models.CharField(max_length=200, help_text='Shown in the numbered Dimensions list, e.g. "Way Forward".')
    body = CKEditor5Field("text", help_text="Open paragraphs with a bold label where it helps (“Economic ties: …”).")

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="section_unique_position"),
        ]

    def __str__(self):
        return self.heading

    def save(self, *args, **kwargs):
        self.body = clean_rich_text(self.body)
        super().save(*args, **kwargs)

    def body_as_text(self):
        """The body as plain lines for the plain-text export: bold labels kept, bullets "•", numbers "1."."""
        return rich_text_as_lines(self.body)


class SlugRedirect(models.Model):
    """An old address of an article whose slug changed after it was published; it answers with a 301.
    Each language has its own: /hi/articles/<old>/ leads to the Hindi article."""

    old_slug = models.SlugField(max_length=250)
    language = models.CharField(max_length=2, choices=Article.Language.choices, default=Article.Language.ENGLISH,
                                db_default=Article.Language.ENGLISH)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="slug_redirects")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["old_slug", "language"], name="slug_redirect_unique_per_language"),
        ]

    def __str__(self):
        return f"/articles/{self.old_slug}/ → {self.article.get_absolute_url()}"


class Transition(models.Model):
    """One step of an article through the workflow: who moved it, when, from and to which state, and why."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="transitions")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    name = models.CharField(max_length=40)
    from_status = models.CharField(max_length=20, choices=Article.Status.choices)
    to_status = models.CharField(max_length=20, choices=Article.Status.choices)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


# History keeps whole articles: each revision holds the article with its sections, relevances and tags.
reversion.register(Section)
reversion.register(Relevance)
reversion.register(TaggedArticle)
reversion.register(Article, follow=["sections", "relevances", "tagged_items"])


class ArticleReadership(models.Model):
    """How many times an article was read on a day, from one kind of page (articles/readership.py): counts
    only, never who read it."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="readership")
    day = models.DateField()
    source = models.CharField("reached from", max_length=10)
    views = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "day", "source"], name="readership_one_row")]
        indexes = [models.Index(fields=["day", "article"], name="readership_by_day")]
        verbose_name_plural = "article readership"
