"""Mains questions in the admin: on their own page, and written on the article's page (put there by
coaching/admin.py, since articles knows nothing of answers)."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html

from common.dates import moment
from common.forms import InlineLeftAsItIsWhenAbsent, errors_onto, row_id
from common.review import StatusSetByApprovers

from . import reviewing
from .forms import ReviewForm
from .models import Answer, MainsQuestion
from .roles import APPROVE, REASSIGN, REVIEW

GUIDANCE = ("Guidance for students", {"fields": ["why_this_question", "key_demand", "structure_introduction",
                                                 "structure_body", "structure_conclusion"]})
MODEL_ANSWER = ("Model answer", {"fields": ["model_answer", "model_answer_from"]})


class WrittenByWritersApprovedByEditors(StatusSetByApprovers):
    approve_permission = APPROVE


class MainsQuestionInline(WrittenByWritersApprovedByEditors, admin.StackedInline):
    model = MainsQuestion
    formset = InlineLeftAsItIsWhenAbsent
    extra = 0
    show_change_link = True
    view_on_site = False  # the article page's own "View on site" is the one an editor wants
    verbose_name = "Mains question"
    verbose_name_plural = "Mains questions (students answer approved ones under the article; faculty review them)"
    fieldsets = [(None, {"fields": ["text", ("marks", "word_limit", "directive"), ("status", "position")]}),
                 GUIDANCE, MODEL_ANSWER]


@admin.register(MainsQuestion)
class MainsQuestionAdmin(WrittenByWritersApprovedByEditors, admin.ModelAdmin):
    list_display = ["__str__", "article", "marks", "directive", "status"]
    list_filter = ["status", "marks", "directive"]
    search_fields = ["text", "article__title"]
    autocomplete_fields = ["article"]
    fieldsets = [(None, {"fields": ["article", "text", ("marks", "word_limit", "directive"), ("status", "position")]}),
                 GUIDANCE, MODEL_ANSWER]


class WaitingFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("mine", "Assigned to me, waiting"), ("unassigned", "Nobody holds it"),
                ("overdue", "Overdue (over 48 hours)"), ("reviewed", "Reviewed")]

    def queryset(self, request, queryset):
        waiting = queryset.filter(status=Answer.Status.SUBMITTED)
        if self.value() == "mine":
            return waiting.filter(evaluator=request.user)
        if self.value() == "unassigned":
            return waiting.filter(evaluator__isnull=True)
        if self.value() == "overdue":
            return waiting.filter(submitted_at__lt=timezone.now() - reviewing.REVIEW_WITHIN)
        if self.value() == "reviewed":
            return queryset.filter(status=Answer.Status.REVIEWED)
        return queryset


class GiveToForm(ActionForm):
    evaluator = forms.ModelChoiceField(reviewing.evaluators(), required=False, label="Evaluator")


@admin.register(Answer)
class AnswerDeskAdmin(admin.ModelAdmin):
    """The review desk: answers oldest first, each due 48 hours after it arrived. Evaluators see the answers
    they hold and those nobody holds; editors and the Counselling manager see all and hand them out. Nobody
    here sees a student's email: reviews need none."""

    list_display = ["answer_to", "article", "version", "submitted", "due", "evaluator", "status"]
    list_filter = [WaitingFilter, "status"]
    list_select_related = ["question__article", "evaluator"]
    ordering = ["submitted_at", "pk"]
    action_form = GiveToForm
    actions = ["claim", "give_to"]

    def get_queryset(self, request):
        answers = super().get_queryset(request)
        if request.user.has_perm(REASSIGN):
            return answers
        return answers.filter(Q(evaluator=request.user) | Q(evaluator__isnull=True))

    def has_add_permission(self, request):
        return False  # students write answers, on the site

    def has_delete_permission(self, request, obj=None):
        return False  # a student deletes their own, from its private page

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not request.user.has_perm(REVIEW):
            actions.pop("claim", None)
        if not request.user.has_perm(REASSIGN):
            actions.pop("give_to", None)
        return actions

    @admin.display(description="answer to", ordering="question__text")
    def answer_to(self, answer):
        return str(answer.question)

    @admin.display(ordering="question__article__title")
    def article(self, answer):
        return answer.question.article

    @admin.display(description="received", ordering="submitted_at")
    def submitted(self, answer):
        return moment(answer.submitted_at)

    @admin.display(description="due by")
    def due(self, answer):
        due = reviewing.due_at(answer)
        if answer.status == Answer.Status.SUBMITTED and due < timezone.now():
            return format_html('<strong class="overdue">{} · overdue</strong>', moment(due))
        return moment(due)

    @admin.action(description="Claim the selected answers (give them to me)")
    def claim(self, request, queryset):
        claimed = 0
        for answer in queryset:
            try:
                reviewing.claim(answer, request.user)
                claimed += 1
            except (PermissionDenied, ValidationError) as refusal:
                self.message_user(request, f"Answer {answer.pk}: {' '.join(_messages(refusal))}", messages.WARNING)
        if claimed:
            self.message_user(request, f"{claimed} answer(s) are now yours to review.", messages.SUCCESS)

    @admin.action(description="Give the selected answers to the evaluator chosen below")
    def give_to(self, request, queryset):
        to = GiveToForm(request.POST).fields["evaluator"].clean(request.POST.get("evaluator") or None)
        if to is None:
            self.message_user(request, "Choose the evaluator to give the answers to.", messages.ERROR)
            return
        given = 0
        for answer in queryset:
            try:
                reviewing.reassign(answer, to, request.user)
                given += 1
            except (PermissionDenied, ValidationError) as refusal:
                self.message_user(request, f"Answer {answer.pk}: {' '.join(_messages(refusal))}", messages.WARNING)
        if given:
            self.message_user(request, f"{given} answer(s) given to {to.get_full_name() or to}.", messages.SUCCESS)

    def get_urls(self):
        return [path("<int:pk>/photos/<int:position>.jpg", self.admin_site.admin_view(self.photo_view),
                     name="answers_answer_photo"), *super().get_urls()]

    def photo_view(self, request, pk, position):
        answer = get_object_or_404(self.get_queryset(request), pk=pk)
        photo = get_object_or_404(answer.photos, position=position)
        response = FileResponse(photo.open(), content_type="image/jpeg")
        response["Cache-Control"] = "private, no-store"
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The review page: the question and its key demand, the answer, the rubric and the comments."""
        answer = get_object_or_404(self.get_queryset(request).select_related("question__article"),
                                   pk=row_id(object_id))
        form = ReviewForm(request.POST or None, maximum=answer.question.marks)
        if request.method == "POST" and form.is_valid():
            try:
                reviewing.review(answer, request.user, marks=form.cleaned_data, remark=form.cleaned_data["remark"],
                                 anchored=form.anchored_comments(), general=[form.cleaned_data["general_comment"]])
            except PermissionDenied as refusal:
                form.add_error(None, str(refusal))
            except ValidationError as refusal:
                errors_onto(form, refusal)
            else:
                self.message_user(request, "Review saved: the student can read it on their answer's page.",
                                  messages.SUCCESS)
                return redirect("admin:answers_answer_changelist")
        done = getattr(answer, "review", None) if answer.status == Answer.Status.REVIEWED else None
        context = {
            **self.admin_site.each_context(request), "opts": self.model._meta, "original": answer,
            "title": f"Review an answer to “{answer.question}”", "answer": answer, "question": answer.question,
            "photos": answer.photos.all(), "form": form, "review": done, "due": reviewing.due_at(answer),
            "may_review": answer.evaluator_id == request.user.pk and done is None,
        }
        return TemplateResponse(request, "admin/answers/answer/review.html", context)


def _messages(refusal):
    return refusal.messages if isinstance(refusal, ValidationError) else [str(refusal)]
