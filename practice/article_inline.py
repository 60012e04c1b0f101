"""Prelims questions written on the article's own admin page, beside the text they test.

Each question is one block of the article form: its shape and stem, its statements or pairs as lines
("T | text | note"), options (a)–(d) with the correct one and an explanation each, and its paper, topic and
section. The key is checked against the statements before anything is saved (keys.py), exactly as on the
question's own page, which stays one click away for anything longer.
"""

from django import forms
from django.contrib import admin

from articles.models import Section
from common.forms import InlineLeftAsItIsWhenAbsent
from common.review import StatusSetByApprovers

from . import keys, services
from .models import Option, Question, Statement
from .roles import APPROVE

STATEMENT_HELP = ("One per line: T (true, or correctly matched) or F, the text, and a note after a second “|”, "
                  "e.g. “T | The Western Ghats are older than the Himalaya | Their rocks are Precambrian”.")
MARKS = {"t": True, "true": True, "✓": True, "f": False, "false": False, "✗": False}


def parse_statements(text):
    """[(is_true, text, note)] from the lines of the statements box; raises ValidationError naming a line
    that does not start with T or F."""
    rows, bad = [], []
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        mark, _, rest = line.partition("|")
        body, _, note = rest.partition("|")
        if mark.strip().lower() not in MARKS or not body.strip():
            bad.append(str(number))
            continue
        rows.append((MARKS[mark.strip().lower()], body.strip(), note.strip()))
    if bad:
        raise forms.ValidationError(f"Line {', '.join(bad)}: start with T or F, then “|” and the statement.")
    return rows


def _statement_lines(question):
    return "\n".join(" | ".join(part for part in ["T" if row.is_true else "F", row.text, row.note] if part)
                     for row in question.statements.all())


class ArticleQuestionForm(forms.ModelForm):
    statement_lines = forms.CharField(label="Statements or pairs", required=False, help_text=STATEMENT_HELP,
                                      widget=forms.Textarea(attrs={"rows": 4, "cols": 80}))
    correct = forms.ChoiceField(label="Correct option", required=False, widget=forms.RadioSelect,
                                choices=[(letter, f"({letter})") for letter in keys.LABELS])

    option_a, option_b, option_c, option_d = (
        forms.CharField(label=f"Option ({letter})", required=False, max_length=500) for letter in keys.LABELS)
    explanation_a, explanation_b, explanation_c, explanation_d = (
        forms.CharField(label=f"Why ({letter}) is right or wrong", required=False,
                        widget=forms.Textarea(attrs={"rows": 2, "cols": 60})) for letter in keys.LABELS)

    class Meta:
        model = Question
        fields = ["shape", "stem", "second_explains_first", "paper", "topic", "section", "status", "position"]
        widgets = {"stem": forms.Textarea(attrs={"rows": 2, "cols": 80})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["statement_lines"] = _statement_lines(self.instance)
            for option in self.instance.options.all():
                letter = keys.label(option.position)
                self.initial[f"option_{letter}"] = option.text
                self.initial[f"explanation_{letter}"] = option.explanation
                if option.is_correct:
                    self.initial["correct"] = letter

    def clean(self):
        cleaned = super().clean()
        try:
            self.parsed_statements = parse_statements(cleaned.get("statement_lines"))
        except forms.ValidationError as error:
            self.add_error("statement_lines", error)
            return cleaned
        shape = cleaned.get("shape") or keys.SINGLE
        fixed = keys.FIXED_OPTIONS.get(shape, [])
        self.parsed_options = [
            keys.Option(cleaned.get(f"option_{letter}", "").strip() or (fixed[index] if fixed else ""),
                        cleaned.get("correct") == letter, cleaned.get(f"explanation_{letter}", "").strip())
            for index, letter in enumerate(keys.LABELS)]
        key = keys.Question(shape=shape, statements=[keys.Statement(text, is_true)
                                                      for is_true, text, _ in self.parsed_statements],
                            options=[option for option in self.parsed_options if option.text],
                            second_explains_first=cleaned.get("second_explains_first", False))
        approving = (cleaned.get("status") or self.instance.status) == Question.Status.APPROVED
        for problem in keys.problems(key, approving=approving):
            self.add_error(None, problem)
        return cleaned

    def save(self, commit=True):
        question = super().save(commit=commit)
        if commit:
            self.save_parts()
        else:
            save_m2m = self.save_m2m

            def save_m2m_and_parts():
                save_m2m()
                self.save_parts()

            self.save_m2m = save_m2m_and_parts
        return question

    def save_parts(self):
        """The statements and options as written; options are updated in place, since stored answers point
        at them, and a changed key re-marks those answers (services.correct_key)."""
        question = self.instance
        right_before = question.options.filter(is_correct=True).values_list("pk", flat=True).first()
        question.statements.all().delete()
        Statement.objects.bulk_create([Statement(question=question, position=position, text=text, is_true=is_true,
                                                 note=note)
                                       for position, (is_true, text, note) in enumerate(self.parsed_statements)])
        for position, option in enumerate(self.parsed_options):
            Option.objects.update_or_create(question=question, position=position, defaults={
                "text": option.text, "is_correct": option.is_correct, "explanation": option.explanation})
        services.correct_key(question, right_before)


def sections_of(article_id):
    """The sections a question may point to: those of its own article (none while it has no article)."""
    return Section.objects.filter(article_id=article_id) if str(article_id or "").isdigit() \
        else Section.objects.none()


class DraftedByWritersApprovedByEditors(StatusSetByApprovers):
    """Both places a question is written (its own page, its article's page) leave the status to editors."""

    approve_permission = APPROVE


class QuestionInline(DraftedByWritersApprovedByEditors, admin.StackedInline):
    model = Question
    form = ArticleQuestionForm
    formset = InlineLeftAsItIsWhenAbsent
    extra = 0
    show_change_link = True
    verbose_name = "Prelims practice question"
    verbose_name_plural = "Prelims practice questions (students see approved ones under the article)"
    fieldsets = [
        (None, {"fields": ["shape", "stem", "statement_lines", "second_explains_first"]}),
        ("Options", {"fields": [("option_a", "explanation_a"), ("option_b", "explanation_b"),
                                ("option_c", "explanation_c"), ("option_d", "explanation_d"), "correct"]}),
        ("Filing", {"fields": [("paper", "topic"), "section", ("status", "position")]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("statements", "options")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "section":  # only this article's sections
            kwargs["queryset"] = sections_of(request.resolver_match.kwargs.get("object_id"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
