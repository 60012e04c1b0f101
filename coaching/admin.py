"""The admin as the institute uses it, put together here from the apps' parts: the article's page with its
Prelims and Mains questions (articles knows nothing of practice or answers), and the staff accounts with an administrator's reset
of a lost second factor. Each is Django's documented way: unregister a model's admin, register a subclass."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from answers.admin import MainsQuestionInline
from answers.insights import month_directive_insights, question_insights
from answers.models import MainsQuestion
from articles.admin import ArticleAdmin, EditionAdmin
from articles.models import Article, Edition
from common.forms import row_id
from practice.article_inline import QuestionInline

from . import two_factor

User = get_user_model()


class StaffUserAdmin(UserAdmin):
    actions = ["reset_two_factor"]

    @admin.action(description="Reset two-factor sign-in (a lost phone)", permissions=["change"])
    def reset_two_factor(self, request, queryset):
        """Remove the selected people's authenticator and backup codes; each is mailed about it and sets two-factor
        sign-in up again at their next sign-in."""
        reset = 0
        for user in queryset:
            if two_factor.has_device(user) or user.staticdevice_set.exists():
                two_factor.remove_devices(user, "reset")
                reset += 1
        self.message_user(request, f"Two-factor sign-in reset for {reset} account(s); each was told by mail.",
                          messages.SUCCESS if reset else messages.WARNING)


admin.site.unregister(User)
admin.site.register(User, StaffUserAdmin)


class ArticleWithPracticeAdmin(ArticleAdmin):
    """An article's page carries the Prelims and Mains questions written on it, under its sections, and what
    students' answers to its Mains questions say."""

    inlines = [*ArticleAdmin.inlines, QuestionInline, MainsQuestionInline]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        questions = MainsQuestion.objects.filter(article_id=row_id(object_id))
        return super().change_view(request, object_id, form_url, {
            **(extra_context or {}), "mains_insights": question_insights(questions)})


class EditionWithInsightsAdmin(EditionAdmin):
    """A month's page says which directive words its students handled worst."""

    def change_view(self, request, object_id, form_url="", extra_context=None):
        edition = Edition.objects.filter(pk=row_id(object_id)).first()
        return super().change_view(request, object_id, form_url, {
            **(extra_context or {}), "directive_insights": month_directive_insights(edition) if edition else []})


admin.site.unregister(Article)
admin.site.register(Article, ArticleWithPracticeAdmin)
admin.site.unregister(Edition)
admin.site.register(Edition, EditionWithInsightsAdmin)
