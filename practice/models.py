"""Prelims questions written beside the articles, and the attempts students make at them.

A question follows its article: nothing of a draft, scheduled-not-yet-live or unpublished article is
public (Question.objects.public() is the one rule, built on Article.objects.published())."""

import uuid

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Count
from django.urls import reverse

from articles.models import Article, Edition, Paper, Section, Topic, in_page_language, published_condition

from . import hindi, keys, marking

# A question "needs review" once enough students answered it and either few got it right or most of the
# wrong answers agree on one option: a sign of a wrong key or a misleading option.
REVIEW_MIN_ANSWERS = 20
REVIEW_RIGHT_BELOW = 0.25
REVIEW_POPULAR_WRONG = 0.5


class QuestionQuerySet(models.QuerySet):
    def public(self):
        """Approved, not dropped, and on an article students can read now."""
        return self.filter(published_condition(through="article__"), status=Question.Status.APPROVED,
                           dropped_at__isnull=True)

    def of_article(self, article):
        """An article's questions. A Hindi twin also offers its English original's, which are written in
        Hindi beside the English with one key, so both languages' students answer the same question."""
        return self.filter(article__in=article.question_sources)

    def for_paper(self):
        """Everything a question paper prints, in a fixed number of queries."""
        return self.select_related("article", "section", "topic", "paper").prefetch_related("statements", "options")

    def needing_review(self):
        """Questions whose ranked answers (at least REVIEW_MIN_ANSWERS, blanks left out) point to a problem:
        under REVIEW_RIGHT_BELOW of them right, or one wrong option chosen by REVIEW_POPULAR_WRONG of them."""
        # Only ranked sheets: scripted or too-quick ones never count.
        answered = Answer.objects.filter(attempt__ranked=True, question__in=self).exclude(option__isnull=True)
        totals = dict(answered.values("question").annotate(n=Count("pk")).filter(n__gte=REVIEW_MIN_ANSWERS)
                      .values_list("question", "n"))
        if not totals:
            return self.none()
        answered = answered.filter(question__in=totals)
        right = dict(answered.filter(outcome=Answer.Outcome.CORRECT).values("question").annotate(n=Count("pk"))
                     .values_list("question", "n"))
        popular_wrong = {}
        for question, chosen in (answered.filter(outcome=Answer.Outcome.WRONG).values("question", "option")
                                 .annotate(n=Count("pk")).values_list("question", "n")):
            popular_wrong[question] = max(chosen, popular_wrong.get(question, 0))
        return self.filter(pk__in=[question for question, total in totals.items()
                                   if right.get(question, 0) < REVIEW_RIGHT_BELOW * total
                                   or popular_wrong.get(question, 0) >= REVIEW_POPULAR_WRONG * total])


class Question(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        APPROVED = "approved", "Approved"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, null=True, blank=True,
                                related_name="prelims_questions",
                                help_text="The article the question is about; imported questions may wait without one.")
    paper = models.ForeignKey(Paper, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                              help_text="Filled from the article's primary relevance when left empty.")
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                              help_text="Filled from the article's primary relevance when left empty.")
    section = models.ForeignKey(Section, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                verbose_name="section that answers it",
                                help_text="Optional: the results page links students to it (“Read: …”).")
    shape = models.CharField(max_length=30, choices=keys.SHAPES, default=keys.SINGLE)
    stem = models.TextField(help_text="The question as printed, before its statements and options.")
    stem_hi = models.TextField("stem in Hindi", blank=True,
                               help_text="The same question in Hindi, for the Hindi site and the Hindi paper; "
                                         "the key is the English one's.")
    second_explains_first = models.BooleanField(
        "Statement-II explains Statement-I (R explains A)", default=False,
        help_text="For the two-statement shapes, when both statements are true.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    position = models.PositiveSmallIntegerField(default=0)
    dropped_at = models.DateTimeField(null=True, blank=True, editable=False,
                                      help_text="Set when an editor drops a faulty question from every attempt.")
    erratum = models.CharField(max_length=300, blank=True, editable=False,
                               help_text="What was corrected after students answered, shown on their results.")
    erratum_hi = models.CharField(max_length=300, blank=True, editable=False, help_text="The erratum in Hindi.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["article", "position", "pk"]
        permissions = [("approve_question", "Can approve Prelims questions")]

    def __str__(self):
        return self.stem if len(self.stem) <= 80 else self.stem[:79] + "…"

    def save(self, *args, **kwargs):
        if self.article_id and not (self.paper_id and self.topic_id):
            # By default a question is filed under its article's primary paper and topic.
            relevance = self.article.primary_relevance
            if relevance is not None:
                self.paper_id = self.paper_id or relevance.paper_id
                self.topic_id = self.topic_id or relevance.topic_id
        super().save(*args, **kwargs)

    @property
    def closing_line(self):
        return in_page_language(keys.CLOSING_LINES.get(self.shape, ""), hindi.CLOSING_LINES.get(self.shape, ""))

    @property
    def english_closing_line(self):
        return keys.CLOSING_LINES.get(self.shape, "")

    @property
    def local_erratum(self):
        return in_page_language(self.erratum, self.erratum_hi)

    @property
    def local_stem(self):
        return in_page_language(self.stem, self.stem_hi)

    @property
    def in_hindi(self):
        """Written in Hindi too: a Hindi page shows it in Hindi, with the English a tap away."""
        return bool(self.stem_hi)

    @property
    def numbered_statements(self):
        return [(number, statement) for number, statement in enumerate(self.statements.all(), start=1)]

    def as_key(self, statements=None, options=None):
        """The question as the key rules see it (keys.py), from its rows or from rows about to be saved."""
        statements = self.statements.all() if statements is None else statements
        options = self.options.all() if options is None else options
        return keys.Question(
            shape=self.shape,
            statements=[keys.Statement(row.text, row.is_true) for row in statements],
            options=[keys.Option(row.text, row.is_correct, row.explanation) for row in options],
            second_explains_first=self.second_explains_first,
        )

    @property
    def right_option(self):
        return next((option for option in self.options.all() if option.is_correct), None)


class Statement(models.Model):
    """A numbered statement (or a pair "X : Y") of a question, true or false, with a note for the results."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="statements")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.TextField()
    text_hi = models.TextField("text in Hindi", blank=True)
    is_true = models.BooleanField("true (correctly matched)", default=False)
    note = models.TextField(blank=True, help_text="Why it is true or false; shown with the results.")
    note_hi = models.TextField("note in Hindi", blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text[:60]

    @property
    def local_text(self):
        return in_page_language(self.text, self.text_hi)

    @property
    def local_note(self):
        return in_page_language(self.note, self.note_hi)


class Option(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(3)])
    text = models.CharField(max_length=500)
    text_hi = models.CharField("text in Hindi", max_length=500, blank=True,
                               help_text="Left empty for the two-statement shapes' fixed options: their Hindi is "
                                         "UPSC's.")
    is_correct = models.BooleanField("correct", default=False)
    explanation = models.TextField(blank=True, help_text="Why this option is right or wrong; shown with the results.")
    explanation_hi = models.TextField("explanation in Hindi", blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return f"({self.label}) {self.text}"

    @property
    def label(self):
        return keys.label(self.position)

    @property
    def local_text(self):
        return in_page_language(self.text, self.text_hi or hindi.fixed_option_in_hindi(self.text))

    @property
    def local_explanation(self):
        return in_page_language(self.explanation, self.explanation_hi)


class AttemptQuerySet(models.QuerySet):
    def on_device(self, device, count=100):
        """A device's latest attempts, newest first, with what their titles name."""
        return list(self.filter(device=device).select_related("article", "edition")[:count]) if device else []


class Attempt(models.Model):
    """One student's submitted answers to a quiz, on one device; anonymous (no login)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    device = models.CharField(max_length=64, db_index=True)
    submission = models.CharField(max_length=64, unique=True,
                                  help_text="The form's one-time token: the same submission twice is one attempt.")
    ranked = models.BooleanField(default=False, help_text="The device's first attempt at this quiz, by a student.")
    by_staff = models.BooleanField(default=False)
    late = models.BooleanField(default=False)
    correct = models.PositiveSmallIntegerField(default=0)
    wrong = models.PositiveSmallIntegerField(default=0)
    blank = models.PositiveSmallIntegerField(default=0)
    marks = models.DecimalField(max_digits=7, decimal_places=2, default=0)
    maximum = models.DecimalField(max_digits=7, decimal_places=2, default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["device", "article"], name="attempt_device_article_idx")]

    def __str__(self):
        return f"Attempt {self.public_id}"

    def get_absolute_url(self):
        return reverse("practice:attempt", args=[self.public_id])

    @property
    def quiz_title(self):
        return self.article.title if self.article_id else str(self.edition)


class Answer(models.Model):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    option = models.ForeignKey(Option, on_delete=models.CASCADE, null=True, blank=True, related_name="+")

    class Outcome(models.TextChoices):
        CORRECT = marking.CORRECT, "Right"
        WRONG = marking.INCORRECT, "Wrong"
        BLANK = marking.BLANK, "Not attempted"

    outcome = models.CharField(max_length=10, choices=Outcome.choices)

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["attempt", "question"], name="answer_one_per_question")]


class ProblemReport(models.Model):
    """A student's "problem with this question" from a results page: an item in the editors' errata queue."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="reports")
    attempt = models.ForeignKey(Attempt, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    text = models.TextField(max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["resolved_at", "-created_at"]

    def __str__(self):
        return f"Report on “{self.question}”"


class EditionQuiz(models.Model):
    """The month's quiz: assembled from the approved questions of the edition's published articles, with
    the editors' pins and exclusions, and frozen when it opens (the edition's release)."""

    edition = models.OneToOneField(Edition, on_delete=models.CASCADE, related_name="quiz")
    pinned = models.ManyToManyField(Question, blank=True, related_name="+",
                                    help_text="Always on the paper (within the limit of 25).")
    excluded = models.ManyToManyField(Question, blank=True, related_name="+", help_text="Never on the paper.")
    frozen_at = models.DateTimeField(null=True, blank=True, editable=False,
                                     help_text="When the paper was fixed: the moment the quiz first opened.")
    closes_after_days = models.PositiveSmallIntegerField(
        default=7, help_text="Days after the edition's release when the quiz closes and its printed key opens.")
    questions = models.ManyToManyField(Question, through="QuizQuestion", blank=True, related_name="quizzes")

    class Meta:
        verbose_name_plural = "edition quizzes"

    def __str__(self):
        return f"{self.edition} quiz"

    @property
    def closes_at(self):
        from datetime import timedelta

        return self.edition.release_at + timedelta(days=self.closes_after_days) if self.edition.release_at else None

    @property
    def is_closed(self):
        from django.utils import timezone

        return self.closes_at is not None and self.closes_at <= timezone.now()


class QuizQuestion(models.Model):
    quiz = models.ForeignKey(EditionQuiz, on_delete=models.CASCADE)
    question = models.ForeignKey(Question, on_delete=models.CASCADE)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["quiz", "question"], name="quiz_question_once")]
