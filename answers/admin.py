"""Mains questions in the admin: on their own page, and written on the article's page (put there by
coaching/admin.py, since articles knows nothing of answers)."""

from django.contrib import admin

from common.forms import InlineLeftAsItIsWhenAbsent
from common.review import StatusSetByApprovers

from .models import MainsQuestion
from .roles import APPROVE

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
