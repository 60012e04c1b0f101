from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from reversion.admin import VersionAdmin
import taggit.models

from common.dates import moment
from common.paging import CountsAtMostCap
from common.spreadsheets import csv_download

from . import calendar as newsroom_calendar, coverage, readership, revisions, twins, workflow
from .search import index as search_index
from .importing.drafts import articles_titled_like, create_draft, read_article, twin_candidates
from .forms import (
    ArticleForm, ImportForm, QueryForm, RelevanceForm, RelevanceInlineFormSet, SectionForm, SectionInlineFormSet, WorkflowMoveForm,
)
from .models import Article, Edition, Paper, Relevance, Section, Tag, Topic
from .queues import queue_named, queues_for
from .importing.recognition import ImportRefused
from .roles import RELEASE, TRANSLATE, VIEW

TAG_SUGGESTIONS_LIMIT = 10


class TopicInline(admin.TabularInline):
    model = Topic
    extra = 1
    prepopulated_fields = {"slug": ["name"]}
    fields = ["position", "name", "name_hi", "slug"]


def object_or_404(model_admin, request, object_id):
    """The admin's own lookup, which treats a malformed id ("abc", "11/change") as missing, not as a crash."""
    found = model_admin.get_object(request, unquote(object_id))
    if found is None:
        raise Http404(f"No {model_admin.opts.verbose_name} with this id.")
    return found


# Tags live in articles.Tag (slugs in every script); taggit's own table is unused, so its admin goes.
admin.site.unregister(taggit.models.Tag)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    readonly_fields = ["slug"]


@admin.register(Paper)
class PaperAdmin(admin.ModelAdmin):
    list_display = ["short_name", "title", "code", "position"]
    list_editable = ["position"]
    inlines = [TopicInline]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "name_hi", "paper", "slug"]
    list_filter = ["paper"]
    # The relevance row's topic picker searches here: "gs3 space" or "GS II federalism" finds the topic by
    # its paper too, since the topic alone decides the paper.
    search_fields = ["name", "name_hi", "paper__code", "paper__short_name"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["paper"]


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "release", "states", "papers"]
    readonly_fields = ["release_at", "released_by"]
    change_form_template = "admin/articles/edition/change_form.html"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("released_by")

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        shown = [edition.pk for edition in changelist.result_list]
        counted = {edition.pk: edition for edition in workflow.with_edition_counts(Edition.objects.filter(pk__in=shown))}
        changelist.result_list = [counted[pk] for pk in shown]
        return changelist

    @admin.display(description="release")
    def release(self, edition):
        return capfirst(edition.release_phrase) or "Not released"

    @admin.display(description="articles by state")
    def states(self, edition):
        return " · ".join(f"{count} {label.lower()}" for label, count in edition.counts_by_status if count) or "none"

    @admin.display(description="ready or live, by paper")
    def papers(self, edition):
        return format_html_join(" · ", "<span class=\"{}\">{} {}</span>", (
            ("paper-count paper-count--none" if count == 0 else "paper-count", paper, count)
            for paper, count in edition.counts_by_paper
        ))

    def get_urls(self):
        release = path("<path:object_id>/release/", self.admin_site.admin_view(self.release_view),
                       name="articles_edition_release")
        return [release, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        found = self.get_object(request, unquote(object_id))
        edition = found and next(workflow.with_edition_counts(Edition.objects.filter(pk=found.pk)), None)
        release_now = timezone.localtime().replace(second=0, microsecond=0)  # the usual choice: release at once
        extra = {"edition_counts": edition, "release_form": WorkflowMoveForm(initial={"when": release_now}),
                 "can_release": request.user.has_perm(RELEASE)}
        return super().change_view(request, object_id, form_url, {**extra, **(extra_context or {})})

    def release_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        edition = object_or_404(self, request, object_id)
        if not request.user.has_perm(RELEASE):
            raise PermissionDenied
        form = WorkflowMoveForm(request.POST)
        when = form.cleaned_data["when"] if form.is_valid() else None
        unfinished = Article.objects.filter(edition=edition, status__in=[Article.Status.DRAFT, Article.Status.IN_REVIEW])
        if unfinished.exists() and not request.POST.get("confirm"):
            # Articles still being written or reviewed would miss the release: show them and ask first.
            context = {**self.admin_site.each_context(request), "opts": self.model._meta, "edition": edition,
                       "unfinished": unfinished.select_related("author"), "when": request.POST.get("when", ""),
                       "title": f"Release {edition} with articles still unfinished?"}
            return TemplateResponse(request, "admin/articles/edition/release_confirm.html", context)
        try:
            scheduled, held_back = workflow.release_edition(edition, request.user, when)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"{edition} is released for {moment(when)}: {len(scheduled)} approved "
                                      f"article{'s' if len(scheduled) != 1 else ''} scheduled for that moment.")
            for article, problems in held_back:
                messages.warning(request, f"Held back “{article.title}”: {' '.join(problems)}")
        return redirect("admin:articles_edition_change", edition.pk)


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


class QueueFilter(admin.SimpleListFilter):
    title = "queue"
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [(queue.key, queue.label) for queue in queues_for(request.user)]

    def queryset(self, request, queryset):
        queue = queue_named(self.value(), request.user)
        return queue.articles(queryset, request.user) if queue else queryset


class WorkflowActionForm(ActionForm):
    comment = WorkflowMoveForm.base_fields["comment"]
    when = WorkflowMoveForm.base_fields["when"]


def bulk_move(move):
    def action(modeladmin, request, queryset):
        form = WorkflowMoveForm(request.POST)
        form.is_valid()
        done, refused = 0, []
        for article in queryset:
            try:
                workflow.apply(article, move.name, request.user, comment=form.cleaned_data.get("comment", ""),
                               when=form.cleaned_data.get("when"))
                done += 1
            except (PermissionDenied, ValidationError) as error:
                reason = error.messages if isinstance(error, ValidationError) else [str(error)]
                refused.append(f"“{article.title}”: {' '.join(reason)}")
        if done:
            messages.success(request, f"{move.label}: done for {done} article{'s' if done != 1 else ''}.")
        for line in refused:
            messages.error(request, f"{move.label} refused for {line}")

    action.__name__ = f"move_{move.name}"
    action.short_description = f"{move.label} (selected articles)"
    return action


@admin.register(Article)
class ArticleAdmin(CountsAtMostCap, VersionAdmin):
    form = ArticleForm
    action_form = WorkflowActionForm
    actions = [*(bulk_move(move) for move in workflow.MOVES.values()), "translate_into_hindi"]
    list_display = ["title", "state", "edition", "primary_relevance", "author", "updated_at"]
    list_filter = [QueueFilter, "status", "language", "relevances__paper", "relevances__topic", "edition"]
    search_fields = ["title", "slug", "context"]
    autocomplete_fields = ["english_original"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    raw_id_fields = ["author"]
    inlines = [RelevanceInline, SectionInline]  # coaching/admin.py adds practice's questions to the page
    change_form_template = "admin/articles/article/change_form.html"
    change_list_template = "admin/articles/article/change_list.html"
    object_history_template = "admin/articles/article/object_history.html"
    fieldsets = [
        (None, {"fields": ["title", "slug", "context", "mains_questions", "based_on_version"]}),
        ("Filing", {"fields": ["edition", "tags", "source"]}),
        ("Language", {"fields": ["language", "english_original", "follows_english_now"]}),
        ("Publishing", {"fields": ["state", "author", "skip_way_forward_check"]}),
    ]

    class Media:
        css = {"all": ["css/admin.css"]}
        js = ["js/tag-suggestions.js"]

    def get_changelist_instance(self, request):
        try:
            return super().get_changelist_instance(request)
        except OverflowError:  # ?published_at__year=999…: Django's date drill-down expects only ValueError
            raise IncorrectLookupParameters("Not a year.") from None

    def get_queryset(self, request):
        return super().get_queryset(request).with_last_move().select_related("edition", "author").prefetch_related(
            "relevances__paper", "relevances__topic"
        )

    def get_actions(self, request):
        """Offer only the bulk moves this person's role can ever make."""
        actions = super().get_actions(request)
        for move in workflow.MOVES.values():
            if move.permission and not request.user.has_perm(move.permission):
                actions.pop(f"move_{move.name}", None)
        if not request.user.has_perm(TRANSLATE):
            actions.pop("translate_into_hindi", None)
        return actions

    @admin.action(description="Translate into Hindi: start a Hindi draft with the same sections, relevance, "
                              "month and tags")
    def translate_into_hindi(self, request, queryset):
        if not request.user.has_perm(TRANSLATE):
            raise PermissionDenied
        for english in queryset.prefetch_related("sections", "relevances", "tags"):
            try:
                twin = twins.translate(english, request.user)
            except ValidationError as refused:
                messages.error(request, refused.messages[0])
            else:
                messages.success(request, format_html(
                    'Started <a href="{}">the Hindi twin of “{}”</a>: write the Hindi title, context and each '
                    "section, then submit it for review.", reverse("admin:articles_article_change", args=[twin.pk]),
                    english.title))

    def get_readonly_fields(self, request, obj=None):
        if workflow.is_reviewer(request.user):
            return ["state"]
        return ["state", "author", "skip_way_forward_check"]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or workflow.can_edit(request.user, obj))

    @admin.display(description="state")
    def state(self, article):
        if article.pk is None:
            return "Draft (new)"
        label = article.get_status_display()
        if article.status == Article.Status.DRAFT and getattr(article, "last_move", None) == "request_changes":
            return f"{label} — changes requested"
        return f"{label} — {article.live_phrase}" if article.live_phrase else label

    @admin.display(description="relevance")
    def primary_relevance(self, article):
        return article.primary_relevance or "—"

    def save_model(self, request, obj, form, change):
        if not obj.author_id:
            obj.author = request.user
        obj.edit_version += 1
        if form.cleaned_data.get("follows_english_now") and obj.english_original_id:
            twins.bring_up_to_date(obj)
        super().save_model(request, obj, form, change)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("tag-suggestions/", view(self.tag_suggestions), name="articles_article_tag_suggestions"),
            path("import/", view(self.import_view), name="articles_article_import"),
            path("coverage/", view(self.coverage_view), name="articles_article_coverage"),
            path("calendar/", view(self.calendar_view), name="articles_article_calendar"),
            path("coverage/<int:topic>/<int:edition>/", view(self.coverage_cell_view),
                 name="articles_article_coverage_cell"),
            path("<path:object_id>/move/<slug:name>/", view(self.move_view), name="articles_article_move"),
            path("<path:object_id>/history/compare/<int:version_id>/", view(self.compare_view),
                 name="articles_article_compare"),
            path("<path:object_id>/history/compare/", view(self.compare_two_view), name="articles_article_compare_two"),
            *super().get_urls(),
        ]

    def changeform_view(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().changeform_view(request, *args, **kwargs)
        # The article and each of its sections are saved one by one: their search-index row is written once,
        # at the end, inside the same transaction.
        with transaction.atomic(), search_index.one_rewrite_per_article():
            return super().changeform_view(request, *args, **kwargs)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        extra = {}
        if article is not None:
            extra = {
                "moves": workflow.available_moves(request.user, article),
                "move_form": WorkflowMoveForm(),
                "checks": workflow.publish_checks(article),
                "timeline": article.transitions.select_related("actor"),
                "drift": twins.Drift(article) if article.english_original_id else None,
                "readership": readership.summary(article) if readership.may_see(request.user, article) else None,
            }
        return super().change_view(request, object_id, form_url, {**extra, **(extra_context or {})})

    def move_view(self, request, object_id, name):
        """A workflow move without edits (for those who may not change the article): decided and recorded by
        articles.workflow."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = object_or_404(self, request, object_id)
        if not self.has_view_permission(request, article):
            raise PermissionDenied
        self._move(request, article, name, WorkflowMoveForm(request.POST))
        return redirect("admin:articles_article_change", article.pk)

    def response_change(self, request, obj):
        """A workflow button pressed on the article form: the form was valid and has been saved (with its
        revision), so now make the move. An invalid form never gets here: nothing moves, the errors show."""
        name = request.POST.get("_workflow")
        if not name:
            return super().response_change(request, obj)
        messages.success(request, "Your changes were saved.")
        self._move(request, obj, name, WorkflowMoveForm(request.POST, prefix=name))
        return redirect("admin:articles_article_change", obj.pk)

    def _move(self, request, article, name, form):
        if not form.is_valid():
            messages.error(request, "Enter a valid date and time, e.g. 2024-04-01 06:00.")
            return
        try:
            workflow.apply(article, name, request.user, comment=form.cleaned_data["comment"],
                           when=form.cleaned_data["when"])
        except ValidationError as error:
            for problem in error.messages:
                messages.error(request, problem)
        else:
            messages.success(request, self._moved(article.pk, name))

    def _moved(self, pk, name):
        """What a move did, in words: "sent back to the writer" for a request for changes; else the state
        it is now in, its dates as written ("is now scheduled — goes live 4 April 2024, 06:00 IST")."""
        article = Article.objects.with_last_move().get(pk=pk)
        if name == "request_changes":
            return f"“{article.title}” was sent back to the writer with your comment."
        state = self.state(article)
        return f"“{article.title}” is now {state[:1].lower()}{state[1:]}."

    def history_view(self, request, object_id, extra_context=None):
        article = object_or_404(self, request, object_id)
        extra = {"versions": revisions.versions_of(article), "can_revert": workflow.can_edit(request.user, article)}
        return super().history_view(request, object_id, {**extra, **(extra_context or {})})

    def compare_view(self, request, object_id, version_id):
        """What changed between a revision and the article as it is now (GET), and reverting to it (POST)."""
        article = object_or_404(self, request, object_id)
        if not self.has_view_permission(request, article):
            raise PermissionDenied
        version = get_object_or_404(revisions.versions_of(article), pk=version_id)
        if request.method == "POST":
            revisions.revert(article, version, request.user)
            messages.success(request, f"Reverted “{article.title}” to the version of "
                                      f"{moment(version.revision.date_created)}.")
            return redirect("admin:articles_article_change", article.pk)
        changes = revisions.differences(revisions.snapshot(version), revisions.current_snapshot(article))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta, "original": article, "version": version, "changes": changes,
            "title": f"Compare with the version of {moment(version.revision.date_created)}",
            "can_revert": workflow.can_edit(request.user, article),
        }
        return TemplateResponse(request, "admin/articles/article/compare.html", context)

    def compare_two_view(self, request, object_id):
        """What changed between any two revisions (?older=…&newer=…, chosen on the history page)."""
        article = object_or_404(self, request, object_id)
        if not self.has_view_permission(request, article):
            raise PermissionDenied
        versions = revisions.versions_of(article)
        chosen = [request.GET.get(name, "") for name in ("older", "newer")]
        found = versions.in_bulk([int(pk) for pk in chosen if pk.isdigit() and len(pk) < 12])
        if len(chosen) != 2 or not all(pk.isdigit() and int(pk) in found for pk in chosen) or chosen[0] == chosen[1]:
            messages.error(request, "Choose two different revisions of this article to compare.")
            return redirect("admin:articles_article_history", article.pk)
        older, newer = sorted((found[int(pk)] for pk in chosen), key=lambda version: version.revision.date_created)
        context = {
            **self.admin_site.each_context(request), "opts": self.model._meta, "original": article,
            "version": older, "newer": newer,
            "changes": revisions.differences(revisions.snapshot(older), revisions.snapshot(newer)),
            "title": f"Compare the versions of {moment(older.revision.date_created)} and "
                     f"{moment(newer.revision.date_created)}",
        }
        return TemplateResponse(request, "admin/articles/article/compare.html", context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # The stock revert would also restore the workflow state; ours keeps it (see articles.revisions).
        return redirect("admin:articles_article_compare", object_id, version_id)

    def import_view(self, request):
        """Paste or upload an article as writers write it, preview what was recognised, then create the draft.
        A Hindi article is linked to the English one it translates only by the choice made in the preview."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None)
        parsed, same_title, candidates = None, [], []
        if request.method == "POST" and form.is_valid():
            try:
                parsed = read_article(form.source_name, form.source)
            except ImportRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                same_title = list(articles_titled_like(parsed.title)[:5])
                candidates = twin_candidates(parsed)
                english_original = (form.cleaned_data["english_original"]
                                    if parsed.language == Article.Language.HINDI else None)
                if "create" in request.POST and (not same_title or form.cleaned_data["create_another"]):
                    article = create_draft(parsed, author=request.user, english_original=english_original)
                    messages.success(request, f"Imported “{article.title}” as a draft. Check the points the "
                                              "import report listed, then submit it for review.")
                    return redirect("admin:articles_article_change", article.pk)
                if "create" in request.POST:
                    messages.warning(request, "Nothing was created: an article with this title already exists. "
                                              "Open it below, or tick “Create a second article anyway”.")
                chosen = english_original if "create" in request.POST else (
                    candidates[0] if candidates and candidates[0].matches == 3 else None)
                form = ImportForm(initial={"text": form.source_as_text(),
                                           "english_original": chosen.pk if chosen else None})
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "form": form,
                   "parsed": parsed, "same_title": same_title, "twin_candidates": candidates,
                   "title": "Import article"}
        return TemplateResponse(request, "admin/articles/article/import.html", context)

    def coverage_view(self, request):
        """The syllabus coverage heatmap (articles/coverage.py), with its numbers as a CSV."""
        if not request.user.has_perm(VIEW):
            raise PermissionDenied
        found = coverage.coverage()
        if request.GET.get("format") == "csv":
            return csv_download("syllabus-coverage.csv",
                                ["paper", "topic", *[str(month) for month in found.months], "planned"],
                                ([row.topic.paper.short_name, row.topic.name, *row.counts, row.planned]
                                 for row in found.rows))
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "coverage": found,
                   "title": "Syllabus coverage", "untouched_after": coverage.UNTOUCHED_AFTER}
        return TemplateResponse(request, "admin/articles/article/coverage.html", context)

    def calendar_view(self, request):
        """The newsroom calendar of ?month=YYYY-MM (articles/calendar.py); a bad month says so and shows this one."""
        if not request.user.has_perm(VIEW):
            raise PermissionDenied
        year, month, problem = newsroom_calendar.parse_month(request.GET.get("month", ""), timezone.localdate())
        if problem:
            messages.warning(request, problem)
        weeks, waiting = newsroom_calendar.month_grid(year, month)
        before, after = (year, month - 1) if month > 1 else (year - 1, 12), (year, month + 1) if month < 12 else (year + 1, 1)
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "weeks": weeks,
                   "waiting": waiting, "title": f"Newsroom calendar · {Edition.name_for(year, month)}",
                   "previous": Edition.code_for(*before), "following": Edition.code_for(*after)}
        return TemplateResponse(request, "admin/articles/article/calendar.html", context)

    def coverage_cell_view(self, request, topic, edition):
        """The articles behind one cell of the coverage map."""
        if not request.user.has_perm(VIEW):
            raise PermissionDenied
        topic, edition = get_object_or_404(Topic, pk=topic), get_object_or_404(Edition, pk=edition)
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "topic": topic,
                   "edition": edition, "articles": coverage.articles_in(topic, edition),
                   "title": f"{topic.paper.short_name} · {topic.name} · {edition}"}
        return TemplateResponse(request, "admin/articles/article/coverage_cell.html", context)

    def tag_suggestions(self, request):
        """Existing tag names that start with what the editor is typing, for the tags field."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        query = QueryForm(request.GET)
        if not query.is_valid():
            return JsonResponse({"tags": [], "errors": query.errors.get_json_data()}, status=400)
        typed = query.cleaned_data["q"]
        names = []
        if typed:
            names = list(
                Tag.objects.filter(name__istartswith=typed).order_by("name").values_list("name", flat=True)[
                    :TAG_SUGGESTIONS_LIMIT
                ]
            )
        return JsonResponse({"tags": names})
