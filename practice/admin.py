"""Writing Prelims questions: each on its own page with its statements and options, checked against its
key before it is saved, and listed on its article's page."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from articles.models import Article
from common.paging import page_number
from common.spreadsheets import csv_download

from . import item_analysis, keys, quizzes, services
from .article_inline import DraftedByWritersApprovedByEditors, sections_of
from .models import REVIEW_RIGHT_BELOW, EditionQuiz, Option, ProblemReport, Question, Statement
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
    fields = ["position", "text", "text_hi", "is_true", "note", "note_hi"]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 50})}}
    verbose_name_plural = "Statements or pairs (numbered 1, 2, 3 … in this order)"


class OptionInline(admin.TabularInline):
    model = Option
    formset = OptionFormSet
    extra = 4
    max_num = 4
    fields = ["position", "text", "text_hi", "is_correct", "explanation", "explanation_hi"]
    verbose_name_plural = "Options (a)–(d): position 0 is (a); exactly one correct, each explained"

    def get_extra(self, request, obj=None, **kwargs):
        return 0 if obj is not None and obj.options.exists() else 4


class ReviewFilter(admin.SimpleListFilter):
    title = "students' answers"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("needs", f"Needs review (under {REVIEW_RIGHT_BELOW:.0%} right, or one popular wrong option)")]

    def queryset(self, request, queryset):
        if self.value() != "needs":
            return queryset
        return queryset.needing_review()


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
        self.fields["article"].queryset = Article.objects.order_by("-created_at")


@admin.register(Question)
class QuestionAdmin(DraftedByWritersApprovedByEditors, admin.ModelAdmin):
    list_display = ["__str__", "article", "shape", "status", "dropped_at", "open_reports"]
    list_filter = ["status", "shape", "paper", ReviewFilter]
    actions = ["drop_from_every_attempt"]
    search_fields = ["stem", "stem_hi", "article__title"]
    autocomplete_fields = ["article"]
    inlines = [StatementInline, OptionInline]
    fields = [
        "article", "paper", "topic", "section", "shape", "stem", "stem_hi", "second_explains_first", "status", "position"]
    ITEMS_PER_PAGE = 50  # of the item analysis: the flagged come first, a page is a morning's checking

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("shape", keys.SINGLE)
        return initial

    def get_urls(self):
        return [path("import/", self.admin_site.admin_view(self.import_view), name="practice_question_import"),
                path("item-analysis/", self.admin_site.admin_view(self.item_analysis_view),
                     name="practice_question_item_analysis"),
                *super().get_urls()]

    def item_analysis_view(self, request):
        """Questions that mislead (practice/item_analysis.py), the most suspicious first; ?format=csv gives
        the figures as a spreadsheet."""
        if not request.user.has_perm(APPROVE):
            raise PermissionDenied
        items, as_of = item_analysis.latest()
        if request.GET.get("format") == "csv":
            return csv_download(
                "item-analysis.csv",
                ["question id", "question", "answered", "share right", "discrimination",
                 *[f"share ({label})" for label in "abcd"], "flags"],
                ([item.question.pk, str(item.question), item.answered, f"{item.difficulty:.2f}",
                  f"{item.discrimination:.2f}",
                  *[next((f"{share:.2f}" for label, share, _ in item.options if label == wanted), "")
                    for wanted in "abcd"], "; ".join(item.flags)] for item in item_analysis.with_questions(items)))
        page = Paginator(items, self.ITEMS_PER_PAGE).get_page(page_number(request.GET.get("page", "")))
        context = {**self.admin_site.each_context(request), "opts": self.model._meta,
                   "items": item_analysis.with_questions(list(page.object_list)), "page": page,
                   "flagged": sum(item.suspicious for item in items),
                   "title": "Questions that mislead", "minimum": item_analysis.MIN_ATTEMPTS, "as_of": as_of,
                   "every": item_analysis.REFRESH_MINUTES}
        return TemplateResponse(request, "admin/practice/question/item_analysis.html", context)

    def import_view(self, request):
        """Paste an institute's questions: each becomes a draft, with a report of what needs a look."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = QuestionImportForm(request.POST or None)
        saved, report = [], []
        if request.method == "POST" and form.is_valid():
            saved, report = services.import_questions(form.cleaned_data["text"], article=form.cleaned_data["article"])
            if not saved:
                form.add_error("text", "No question was found: number them “Q.1)”, “Q1.” or “1.”.")
            else:
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

    def save_related(self, request, form, formsets, change):
        # The key as the page showed it, before this save: the option formset's initial data.
        right_before = next((option.instance.pk for formset in formsets if formset.model is Option
                             for option in formset.initial_forms if option.initial.get("is_correct")), None)
        super().save_related(request, form, formsets, change)
        rescored = services.correct_key(form.instance, right_before)
        if rescored:
            messages.info(request, f"The key changed, so {rescored} attempt(s) were marked again; their results "
                                   "show the correction.")

    @admin.action(description="Drop from every attempt (a faulty question no longer counts)")
    def drop_from_every_attempt(self, request, queryset):
        rescored = sum(services.drop_question(question) for question in queryset.filter(dropped_at__isnull=True))
        messages.success(request, f"Dropped; {rescored} attempt(s) were marked again without it.")


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
        return format_html('<a href="{}">{}</a>', reverse("admin:practice_question_change", args=[report.question_id]),
                           report.question)

    @admin.action(description="Mark resolved")
    def mark_resolved(self, request, queryset):
        count = services.resolve_reports(queryset)
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
        if quiz.pk is None:
            return "Save to see the questions the paper will have."
        questions = list(quiz.questions.order_by("quizquestion__position")) if quiz.frozen_at else \
            quizzes.assemble(quiz.edition, quiz)
        if not questions:
            return "No approved question on this month's published articles yet."
        return format_html_join("", "<div>{}. {} <span class=\"help\">({})</span></div>",
                                ((number, question, question.article) for number, question in enumerate(questions, 1)))
