from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import JsonResponse
from django.urls import path
from taggit.models import Tag

from .forms import RelevanceForm, RelevanceInlineFormSet, SectionForm, SectionInlineFormSet
from .models import Article, Edition, Paper, Relevance, Section, Topic

TAG_SUGGESTIONS_LIMIT = 10


class TopicInline(admin.TabularInline):
    model = Topic
    extra = 1
    prepopulated_fields = {"slug": ["name"]}
    fields = ["position", "name", "slug"]


@admin.register(Paper)
class PaperAdmin(admin.ModelAdmin):
    list_display = ["short_name", "title", "code", "position"]
    list_editable = ["position"]
    inlines = [TopicInline]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "paper", "slug"]
    list_filter = ["paper"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["paper"]


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "article_count"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_total=Count("articles"))

    @admin.display(description="articles", ordering="article_total")
    def article_count(self, edition):
        return edition.article_total


class RelevanceInline(admin.TabularInline):
    model = Relevance
    form = RelevanceForm
    formset = RelevanceInlineFormSet
    extra = 1
    autocomplete_fields = ["topic"]
    verbose_name = "relevance (GS paper and topic)"
    verbose_name_plural = "Relevance — e.g. GS2 - International Relations; mark the main one primary"


class SectionInline(admin.StackedInline):
    model = Section
    form = SectionForm
    formset = SectionInlineFormSet
    extra = 1
    verbose_name_plural = "Sections — their headings, in order, are the article's Dimensions list"


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "edition", "primary_relevance", "published_at", "author"]
    list_filter = ["status", "relevances__paper", "relevances__topic", "edition"]
    search_fields = ["title", "slug", "context"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    raw_id_fields = ["author"]
    inlines = [RelevanceInline, SectionInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "context", "mains_questions"]}),
        ("Filing", {"fields": ["edition", "tags", "source"]}),
        ("Publishing", {"fields": ["status", "published_at", "author"]}),
    ]

    class Media:
        css = {"all": ["css/admin.css"]}
        js = ["js/tag-suggestions.js"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("edition", "author").prefetch_related(
            "relevances__paper", "relevances__topic"
        )

    @admin.display(description="relevance")
    def primary_relevance(self, article):
        primary = next((relevance for relevance in article.relevances.all() if relevance.is_primary), None)
        return str(primary) if primary else "—"

    def save_model(self, request, obj, form, change):
        if not obj.author_id:
            obj.author = request.user
        super().save_model(request, obj, form, change)

    def get_urls(self):
        suggestions = path(
            "tag-suggestions/",
            self.admin_site.admin_view(self.tag_suggestions),
            name="articles_article_tag_suggestions",
        )
        return [suggestions, *super().get_urls()]

    def tag_suggestions(self, request):
        """Existing tag names that start with what the editor is typing, for the tags field."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        typed = request.GET.get("q", "").strip()
        names = []
        if typed:
            names = list(
                Tag.objects.filter(name__istartswith=typed).order_by("name").values_list("name", flat=True)[
                    :TAG_SUGGESTIONS_LIMIT
                ]
            )
        return JsonResponse({"tags": names})
