"""Writing Prelims questions: each on its own page with its statements and options, checked against its
key before it is saved, and listed on its article's page."""

from django import forms
from django.contrib import admin
from django.db import models

from articles.models import Section

from . import keys
from .models import Option, Question, Statement
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


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "article", "shape", "status", "dropped_at"]
    list_filter = ["status", "shape", "paper"]
    search_fields = ["stem", "article__title"]
    autocomplete_fields = ["article"]
    inlines = [StatementInline, OptionInline]
    fields = ["article", "paper", "topic", "section", "shape", "stem", "second_explains_first", "status", "position"]

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("shape", keys.SINGLE)
        return initial

    def get_readonly_fields(self, request, obj=None):
        # Writers draft questions; an editor's approval is what puts them in front of students.
        return [] if request.user.has_perm(APPROVE) else ["status"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "section":  # only the sections of the question's own article
            object_id = request.resolver_match.kwargs.get("object_id")
            question = Question.objects.filter(pk=object_id).only("article_id").first() if object_id else None
            article = question.article_id if question else request.GET.get("article")
            kwargs["queryset"] = Section.objects.filter(article_id=article) if str(article or "").isdigit() \
                else Section.objects.none()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
