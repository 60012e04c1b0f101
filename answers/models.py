"""Mains answer writing: the questions written beside the articles with their guidance, the answers students
write (typed, or photographed by hand) and faculty's reviews of them on a rubric.

A question follows its article: nothing of an unpublished article is public (MainsQuestion.objects.public(),
built on the one publishing rule). An answer belongs to no account: it is tied to the device that wrote it
and opened by a private link."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article, published_condition

from . import directives

MODEL_ANSWER_DELAY = timedelta(hours=48)  # after the article goes live, unless the editor sets a time
VERSIONS_PER_QUESTION = 3  # a device's answers to one question: the first and two revisions


class MainsQuestionQuerySet(models.QuerySet):
    def public(self):
        """Approved, and on an article students can read now."""
        return self.filter(published_condition(through="article__"), status=MainsQuestion.Status.APPROVED)


class MainsQuestion(models.Model):
    """A Mains question on an article, with what a student needs to answer it well."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        APPROVED = "approved", "Approved"

    MARKS = [(10, "10 marks"), (15, "15 marks")]
    WORDS = [(150, "150 words"), (250, "250 words")]
    # UPSC's pace: three hours for 20 questions, about 7 minutes for a 10-marker and 11 for a 15-marker.
    MINUTES = {10: 7, 15: 11}

    # The reverse name is the article page's form prefix for its Mains questions (Article.mains_questions is
    # the article's own text of them, as written).
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="written_mains_questions")
    text = models.TextField("question", help_text="As UPSC would print it, without its marks and word limit.")
    marks = models.PositiveSmallIntegerField(choices=MARKS, default=10)
    word_limit = models.PositiveSmallIntegerField(choices=WORDS, default=150)
    directive = models.CharField("directive word", max_length=30, choices=directives.CHOICES,
                                 help_text="What the question asks the student to do; its meaning is shown to them.")
    why_this_question = models.TextField(blank=True, help_text="Why the question matters now: the news and the "
                                                               "syllabus it connects.")
    key_demand = models.TextField(blank=True, help_text="What a good answer must do, in a sentence or two.")
    structure_introduction = models.TextField("suggested introduction", blank=True)
    structure_body = models.TextField("suggested body", blank=True)
    structure_conclusion = models.TextField("suggested conclusion", blank=True)
    model_answer = models.TextField(blank=True, help_text="Shown to students from the time below.")
    model_answer_from = models.DateTimeField(
        "model answer shown from", null=True, blank=True,
        help_text="Leave empty for 48 hours after the article goes live, so students write before they read it.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MainsQuestionQuerySet.as_manager()

    class Meta:
        ordering = ["article", "position", "pk"]
        verbose_name = "Mains question"
        permissions = [("approve_mainsquestion", "Can approve Mains questions")]

    def __str__(self):
        return self.text if len(self.text) <= 80 else self.text[:79] + "…"

    def get_absolute_url(self):
        return reverse("answers:write", args=[self.article.slug, self.pk])

    @property
    def directive_word(self):
        return directives.DIRECTIVES.get(self.directive, ("", ""))[0]

    @property
    def directive_meaning(self):
        return directives.meaning(self.directive)

    @property
    def minutes(self):
        return self.MINUTES.get(self.marks, 7)

    @property
    def model_answer_opens_at(self):
        """When students may read the model answer: the editor's time, else 48 hours after the article goes
        live; None while the article has no publication time."""
        if self.model_answer_from is not None:
            return self.model_answer_from
        published = self.article.published_at
        return published + MODEL_ANSWER_DELAY if published is not None else None

    @property
    def model_answer_is_open(self):
        opens = self.model_answer_opens_at
        return bool(self.model_answer) and opens is not None and opens <= timezone.now()


def new_link():
    """An answer's private link: 192 random bits, never guessed and never listed anywhere."""
    return secrets.token_urlsafe(24)


class AnswerQuerySet(models.QuerySet):
    def on_device(self, device, count=100):
        """A device's latest answers, newest first, with their questions and articles."""
        return list(self.filter(device=device).select_related("question__article").order_by("-submitted_at", "-pk")
                    [:count]) if device else []


class Answer(models.Model):
    """One version of a device's answer to a question: typed, or photographed (AnswerPhoto)."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", "Waiting for review"
        REVIEWED = "reviewed", "Reviewed"

    question = models.ForeignKey(MainsQuestion, on_delete=models.CASCADE, related_name="answers")
    device = models.CharField(max_length=64, db_index=True)
    link = models.CharField(max_length=64, unique=True, editable=False)  # new_link(), set on the first save
    version = models.PositiveSmallIntegerField(default=1)
    text = models.TextField(blank=True)
    words = models.PositiveIntegerField(default=0)
    email = models.EmailField(blank=True, help_text="Only to say the review is ready (given with consent).")
    language = models.CharField(max_length=5, default=settings.LANGUAGE_CODE, editable=False,
                                help_text="The site's language it was written from: its mail and links use it.")
    consent_notice_version = models.CharField(max_length=20, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SUBMITTED, db_index=True)
    evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+")
    submitted_at = models.DateTimeField(default=timezone.now, db_index=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)

    objects = AnswerQuerySet.as_manager()

    class Meta:
        ordering = ["submitted_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["question", "device", "version"],
                                               name="answer_one_per_version")]
        permissions = [("review_answer", "Can review the Mains answers assigned to them"),
                       ("reassign_answer", "Can give Mains answers to another evaluator")]

    def __str__(self):
        return f"Answer {self.pk} to “{self.question}” (version {self.version})"

    def save(self, *args, **kwargs):
        self.link = self.link or new_link()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("answers:answer", args=[self.link])


def photo_store():
    """Where answer photos are kept (settings.STORAGES["answers"]): a private folder or bucket that no public
    URL reaches; answers/views.py serves a photo to its answer's link holder only."""
    return storages["answers"]


class AnswerPhoto(models.Model):
    """A page of a handwritten answer, as redrawn by answers/photos.py (no metadata, at most 2,000 px)."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="photos")
    position = models.PositiveSmallIntegerField(default=0)
    stored_as = models.CharField(max_length=200, help_text="The file's name in the photo store.")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    size = models.PositiveIntegerField(help_text="Bytes stored.")

    class Meta:
        ordering = ["position", "pk"]

    def open(self):
        return photo_store().open(self.stored_as, "rb")


class ReviewTurn(models.Model):
    """Which evaluator received the last answer. Its one row is locked while an answer is assigned, so
    answers are handed out one at a time, in turn (as leads are to counsellors)."""

    last_evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                       related_name="+")


RUBRIC = [("introduction", _("Introduction")), ("body", _("Body: content, structure, examples and data")),
          ("conclusion", _("Conclusion")), ("presentation", _("Presentation"))]


class Review(models.Model):
    """Faculty's marking of one answer on the rubric, with an overall remark and comments (ReviewComment)."""

    answer = models.OneToOneField(Answer, on_delete=models.CASCADE, related_name="review")
    evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    introduction = models.DecimalField(max_digits=4, decimal_places=1)
    body = models.DecimalField(max_digits=4, decimal_places=1)
    conclusion = models.DecimalField(max_digits=4, decimal_places=1)
    presentation = models.DecimalField(max_digits=4, decimal_places=1)
    remark = models.TextField("overall remark")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.CheckConstraint(
            condition=models.Q(introduction__gte=0, body__gte=0, conclusion__gte=0, presentation__gte=0),
            name="review_marks_not_negative")]

    @property
    def parts(self):
        """[(label, marks)] in the rubric's order."""
        return [(label, getattr(self, name)) for name, label in RUBRIC]

    @property
    def total(self):
        return sum(getattr(self, name) for name, _ in RUBRIC)


class ReviewComment(models.Model):
    """A comment of the review: on a passage of a typed answer (its characters start:end, and the words
    they held), or a general one (no passage: photographed answers get these)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="comments")
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    quote = models.TextField(blank=True)
    text = models.TextField()

    class Meta:
        ordering = ["start", "pk"]
