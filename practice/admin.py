"""Writing Prelims questions: each on its own page with its statements and options, checked against its
key before it is saved, and listed on its article's page."""

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone

from articles.admin import ArticleAdmin

from . import keys, quizzes, services
from .article_inline import DraftedByWritersApprovedByEditors, QuestionInline, sections_of
from .models import Answer, EditionQuiz, Option, ProblemReport, Question, Statement
from .roles import APPROVE


def _posted_statements(data, prefix="statements"):
    """The statements as the writer just sent them (the options' check needs them before either is saved)."""
    try:
        total = int(data.get(f"{prefix}-TOTAL_FORMS", 0))
    except ValueError:
        return []
    rows = []
    for index in range(min(total, 50)):
        field = f"{prefix}-{index}-"
        text = (data.get(field + "text") or "").strip()
        if text and not data.get(field + "DELETE"):
            rows.append(keys.Statement(text, bool(data.get(field + "is_true"))))
    return rows


class OptionFormSet(forms.BaseInlineFormSet):
    """The options, checked with the statements against the key: exactly one correct, four of them, the
    key agreeing with the statements' true/false marks, and every option explained before approval."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        question = self.instance
        options = [keys.Option(form.cleaned_data["text"], form.cleaned_data.get("is_correct", False),
                                form.cleaned_data.get("explanation", ""))
                   for form in sorted(self._kept_forms(), key=lambda form: form.cleaned_data.get("position") or 0)]
        found = keys.problems(
            keys.Question(shape=question.shape, statements=_posted_statements(self.data), options=options,
                          second_explains_first=question.second_explains_first),
            approving=question.status == Question.Status.APPROVED)
        if found:
            raise forms.ValidationError(found)

    def _kept_forms(self):
        return [form for form in self.forms
                if getattr(form, "cleaned_data", None) and form.cleaned_data.get("text")
                and not self._should_delete_form(form)]


class StatementInline(admin.TabularInline):
    model = Statement
    extra = 0
    fields = ["position", "text", "is_true", "note"]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 50})}}
    verbose_name_plural = "Statements or pairs (numbered 1, 2, 3 … in this order)"


class OptionInline(admin.TabularInline):
    model = Option
    formset = OptionFormSet
    extra = 4
    max_num = 4
    fields = ["position", "text", "is_correct", "explanation"]
    verbose_name_plural = "Options (a)–(d): position 0 is (a); exactly one correct, each explained"

    def get_extra(self, request, obj=None, **kwargs):
        return 0 if obj is not None and obj.options.exists() else 4


# A question "needs review" once enough students answered it and either few got it right or most of the
# wrong answers agree on one option: a sign of a wrong key or a misleading option.
REVIEW_MIN_ANSWERS = 20
REVIEW_RIGHT_BELOW = 0.25
REVIEW_POPULAR_WRONG = 0.5


class ReviewFilter(admin.SimpleListFilter):
    title = "students' answers"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("needs", f"Needs review (under {REVIEW_RIGHT_BELOW:.0%} right, or one popular wrong option)")]

    def queryset(self, request, queryset):
        if self.value() != "needs":
            return queryset
        return queryset.filter(pk__in=questions_needing_review())


def questions_needing_review():
    """Ids of questions whose ranked answers (at least REVIEW_MIN_ANSWERS, counting blanks out) point to a
    problem."""
    answered = Answer.objects.filter(attempt__ranked=True).exclude(option__isnull=True)  # scripted sheets never count
    totals = dict(answered.values("question").annotate(n=Count("pk")).filter(n__gte=REVIEW_MIN_ANSWERS)
                  .values_list("question", "n"))
    if not totals:
        return []
    right = dict(answered.filter(question__in=totals, outcome="correct").values("question").annotate(n=Count("pk"))
                 .values_list("question", "n"))
    popular_wrong = {}
    for question, chosen in (answered.filter(question__in=totals, outcome="wrong").values("question", "option")
                             .annotate(n=Count("pk")).values_list("question", "n")):
        popular_wrong[question] = max(chosen, popular_wrong.get(question, 0))
    return [question for question, total in totals.items()
            if right.get(question, 0) < REVIEW_RIGHT_BELOW * total
            or popular_wrong.get(question, 0) >= REVIEW_POPULAR_WRONG * total]


class QuestionImportForm(forms.Form):
    text = forms.CharField(max_length=200_000, label="Paste the questions",
                           widget=forms.Textarea(attrs={"rows": 18, "cols": 100}),
                           help_text="As coaching sites print them: “Q.1)” or “1.”, numbered statements, options "
                                     "(a)–(d), “Answer: (b)” (or “Ans: B”, “उत्तर: (D)”) and “Explanation: …”; "
                                     "match-the-list tables (List-I, List-II, codes) too.")
    article = forms.ModelChoiceField(queryset=None, required=False,
                                     help_text="The article they belong to; leave empty to file them later.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from articles.models import Article

        self.fields["article"].queryset = Article.objects.order_by("-created_at")


@admin.register(Question)
class QuestionAdmin(DraftedByWritersApprovedByEditors, admin.ModelAdmin):
    list_display = ["__str__", "article", "shape", "status", "dropped_at", "open_reports"]
    list_filter = ["status", "shape", "paper", ReviewFilter]
    actions = ["drop_from_every_attempt"]
    search_fields = ["stem", "article__title"]
    autocomplete_fields = ["article"]
    inlines = [StatementInline, OptionInline]
    fields = ["article", "paper", "topic", "section", "shape", "stem", "second_explains_first", "status", "position"]

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("shape", keys.SINGLE)
        return initial

    def get_urls(self):
        from django.urls import path

        return [path("import/", self.admin_site.admin_view(self.import_view), name="practice_question_import"),
                *super().get_urls()]

    def import_view(self, request):
        """Paste an institute's questions: each becomes a draft, with a report of what needs a look."""
        from django.core.exceptions import PermissionDenied
        from django.template.response import TemplateResponse

        from .importer import parse, save_drafts

        if not self.has_add_permission(request):
            raise PermissionDenied
        form = QuestionImportForm(request.POST or None)
        saved, report = [], []
        if request.method == "POST" and form.is_valid():
            parsed, report = parse(form.cleaned_data["text"])
            if not parsed:
                form.add_error("text", "No question was found: number them “Q.1)”, “Q1.” or “1.”.")
            else:
                saved = save_drafts(parsed, article=form.cleaned_data["article"])
                messages.success(request, f"{len(saved)} question(s) imported as drafts.")
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "form": form,
                   "saved": saved, "report": report, "title": "Import Prelims questions"}
        return TemplateResponse(request, "admin/practice/question/import.html", context)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "section":  # only the sections of the question's own article
            object_id = request.resolver_match.kwargs.get("object_id")
            question = Question.objects.filter(pk=object_id).only("article_id").first() if object_id else None
            kwargs["queryset"] = sections_of(question.article_id if question else request.GET.get("article"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article").annotate(
            open_report_count=Count("reports", filter=Q(reports__resolved_at__isnull=True)))

    @admin.display(description="open reports", ordering="open_report_count")
    def open_reports(self, question):
        return question.open_report_count

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not request.user.has_perm(APPROVE):
            actions.pop("drop_from_every_attempt", None)
        return actions

    def save_model(self, request, obj, form, change):
        obj._right_before = obj.options.filter(is_correct=True).values_list("pk", flat=True).first() if change else None
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        rescored = services.correct_key(form.instance, form.instance._right_before)
        if rescored:
            messages.info(request, f"The key changed, so {rescored} attempt(s) were marked again; their results "
                                   "show the correction.")

    @admin.action(description="Drop from every attempt (a faulty question no longer counts)")
    def drop_from_every_attempt(self, request, queryset):
        rescored = sum(services.drop_question(question) for question in queryset.filter(dropped_at__isnull=True))
        messages.success(request, f"Dropped; {rescored} attempt(s) were marked again without it.")


# The article's own page carries its questions (articles never imports practice: practice adds itself).
ArticleAdmin.extra_inlines.append(QuestionInline)


@admin.register(ProblemReport)
class ProblemReportAdmin(admin.ModelAdmin):
    """The errata queue: students' reports, open ones first; fix the key or drop the question from its page."""

    list_display = ["question_link", "text", "created_at", "resolved_at"]
    list_filter = [("resolved_at", admin.EmptyFieldListFilter)]
    list_select_related = ["question"]
    readonly_fields = ["question", "attempt", "text", "created_at", "resolved_at"]
    actions = ["mark_resolved"]

    def has_add_permission(self, request):
        return False

    @admin.display(description="question")
    def question_link(self, report):
        from django.urls import reverse
        from django.utils.html import format_html

        return format_html('<a href="{}">{}</a>', reverse("admin:practice_question_change", args=[report.question_id]),
                           report.question)

    @admin.action(description="Mark resolved")
    def mark_resolved(self, request, queryset):
        count = queryset.filter(resolved_at__isnull=True).update(resolved_at=timezone.now())
        messages.success(request, f"{count} report(s) marked resolved.")


@admin.register(EditionQuiz)
class EditionQuizAdmin(admin.ModelAdmin):
    """Editors steer the month's quiz before it opens: pin questions onto it or keep them off it. The paper
    is fixed the moment the quiz first opens after the edition's release."""

    list_display = ["edition", "frozen_at"]
    filter_horizontal = ["pinned", "excluded"]
    readonly_fields = ["frozen_at", "paper_preview"]
    fields = ["edition", "closes_after_days", "pinned", "excluded", "frozen_at", "paper_preview"]

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(APPROVE)

    def has_add_permission(self, request):
        return request.user.has_perm(APPROVE)

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm(APPROVE) and (obj is None or obj.frozen_at is None)

    def has_delete_permission(self, request, obj=None):
        return False

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in ("pinned", "excluded"):
            kwargs["queryset"] = Question.objects.public().select_related("article")
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description="the paper")
    def paper_preview(self, quiz):
        from django.utils.html import format_html_join

        if quiz.pk is None:
            return "Save to see the questions the paper will have."
        questions = list(quiz.questions.order_by("quizquestion__position")) if quiz.frozen_at else \
            quizzes.assemble(quiz.edition, quiz)
        if not questions:
            return "No approved question on this month's published articles yet."
        return format_html_join("", "<div>{}. {} <span class=\"help\">({})</span></div>",
                                ((number, question, question.article) for number, question in enumerate(questions, 1)))
