"""The counsellor workspace: leads to call back, their follow-ups, and the manager's tools."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.timesince import timesince
from import_export.admin import ExportActionModelAdmin
from import_export.formats.base_formats import CSV

from articles.models import Article
from common.charts import line_with_target, stacked_columns
from common.dates import day, moment, short_moment
from common.forms import errors_onto
from common.paging import CountsAtMostCap
from common.spreadsheets import csv_download

from . import funnel, services
from .exports import EnquiryResource
from .filters import DueFilter, WorkloadFilter
from .forms import LeadActionForm, PhoneLeadForm
from .models import Activity, CallUsNumber, Course, Enquiry, ErasureLog, FollowUp
from .phones import national_digits, normalise_indian_phone
from .roles import ERASE, EXPORT, REASSIGN, SEE_LEADS
from .selectors import lead_owners


@admin.register(CallUsNumber)
class CallUsNumberAdmin(admin.ModelAdmin):
    list_display = ["__str__", "label", "position", "is_active"]
    list_editable = ["position", "is_active"]


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["name", "position", "is_active"]
    list_editable = ["position", "is_active"]


@admin.register(ErasureLog)
class ErasureLogAdmin(admin.ModelAdmin):
    list_display = ["at", "by", "reason", "leads_erased"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class FollowUpInline(admin.TabularInline):
    model = FollowUp
    extra = 1
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 36})}}
    fields = ["at", "kind", "outcome", "note", "next_due_at", "by"]
    readonly_fields = ["by"]

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # the log is kept as written; add a new line to correct it

    def has_add_permission(self, request, obj=None):
        # A colleague's lead opens read-only, with no Save: an empty row there would take a note and lose it
        # (the page offers "Add a note for the owner" instead).
        allowed = super().has_add_permission(request, obj)
        return allowed and (obj is None or services.may_change(request.user, obj))


class ActivityInline(admin.TabularInline):
    model = Activity
    extra = 0
    fields = ["at", "text"]
    readonly_fields = ["at", "text"]
    can_delete = False
    verbose_name_plural = "Log"

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Enquiry)
class EnquiryAdmin(CountsAtMostCap, ExportActionModelAdmin):
    resource_classes = [EnquiryResource]
    formats = [CSV]
    to_encoding = "utf-8-sig"  # the byte-order mark makes Excel read Indian-language names as UTF-8
    skip_export_form_from_action = True
    export_template_name = "admin/enquiries/enquiry/export.html"
    action_form = LeadActionForm
    # What a counsellor acts on, in the order they read it; the source is a one-line label (the full article
    # title is its tooltip and is on the lead page), so the row fits 1280 px without scrolling sideways.
    list_display = ["name", "contact", "course_name", "status", "next_follow_up", "owner", "age", "source"]
    list_filter = [WorkloadFilter, DueFilter, "status", "channel", "origin", "course",
                   ("owner", admin.RelatedOnlyFieldListFilter), "created_at"]
    search_fields = ["name", "phone", "email", "city"]

    def get_search_results(self, request, queryset, search_term):
        """A whole phone number, however typed, is looked up exactly through the phone index (the usual
        search when a student calls back); anything else is matched within name, phone, email and city
        (on PostgreSQL through trigram indexes, enquiries/migrations/0006)."""
        try:
            phone = normalise_indian_phone(search_term)
        except ValidationError:
            return super().get_search_results(request, queryset, search_term)
        return queryset.filter(phone=phone), False
    list_select_related = ["course", "owner", "source_article", "call_us_number"]
    inlines = [FollowUpInline, ActivityInline]

    class Media:
        css = {"all": ["css/admin.css"]}

    # The list's columns and the follow-up log need the page's width, so the app menu beside them is left out
    # (the breadcrumbs lead back to the other sections).
    FULL_WIDTH = {"is_nav_sidebar_enabled": False}

    # Erasure is not a bulk action beside "export": it has its own page on the lead, with a confirmation.
    actions = ["assign_to_me", "reassign", "mark_contacted", "mark_enrolled", "mark_not_interested"]
    change_form_template = "admin/enquiries/enquiry/change_form.html"
    fieldsets = [
        ("What they asked", {"fields": ["name", "phone_link", "email", "course", "mode", "city", "message"]}),
        ("Counsellor", {"fields": ["owner", "status", "next_follow_up_at", "first_response_at", "notified_at"]}),
        ("Where from", {"classes": ["collapse"], "fields": [
            "channel", "call_us_number", "source_article", "source_page", "referrer", "utm_source", "utm_medium",
            "utm_campaign", "created_at", "repeat_count"]}),
        ("Consent", {"fields": ["consent_given", "consent_by", "consent_notice_version", "consent_at"]}),
    ]
    # What the student submitted is evidence: counsellors annotate it (follow-ups), never rewrite it.
    readonly_fields = [
        "name", "phone_link", "email", "course", "mode", "city", "message", "channel", "call_us_number",
        "source_article", "source_page", "referrer", "utm_source", "utm_medium", "utm_campaign", "created_at",
        "repeat_count", "consent_given", "consent_by", "consent_notice_version", "consent_at", "next_follow_up_at",
        "first_response_at", "notified_at",
    ]

    def get_readonly_fields(self, request, obj=None):
        if request.user.has_perm(REASSIGN):
            return self.readonly_fields
        return [*self.readonly_fields, "owner"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "owner":
            kwargs["queryset"] = lead_owners()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        """A colleague's lead opens read-only for a counsellor (see services.may_change)."""
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or services.may_change(request.user, obj))

    def get_export_filename(self, request, queryset, file_format):
        """Named by the day in India, not in UTC (an export at 2 am IST is today's)."""
        return f"leads-{timezone.localdate().isoformat()}.{file_format.get_extension()}"

    def has_export_permission(self, request):
        return request.user.has_perm(EXPORT)

    def changelist_view(self, request, extra_context=None):
        extra_context = {**self.FULL_WIDTH, **(extra_context or {})}
        response = super().changelist_view(request, extra_context)
        action_form = getattr(response, "context_data", {}).get("action_form")
        if action_form is not None and not request.user.has_perm(REASSIGN):
            del action_form.fields["owner"]  # the counsellor picker only serves "Reassign", which they lack
        return response

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not request.user.has_perm(REASSIGN):
            actions.pop("reassign", None)
        return actions

    # Columns

    @admin.display(description="phone")
    def phone_link(self, lead):
        if not lead.phone:
            return "—"
        return format_html('<a href="tel:{}">{}</a>', lead.phone, national_digits(lead.phone))

    @admin.display(description="phone")
    def contact(self, lead):
        """Tap to call, and a WhatsApp chat beside it."""
        if not lead.phone:
            return "—"
        links = format_html('<a class="lead-call" href="tel:{}">{}</a> '
                            '<a class="lead-whatsapp" href="https://wa.me/{}" target="_blank" rel="noopener">WhatsApp</a>',
                            lead.phone, national_digits(lead.phone), lead.phone.lstrip("+"))
        if lead.consent_given:
            return links
        return format_html('{} <span class="lead-no-consent" title="Answer what they asked; no marketing">'
                           'no marketing consent</span>', links)

    @admin.display(description="course", ordering="course__name")
    def course_name(self, lead):
        return format_html('<span class="lead-course">{}</span>', lead.course) if lead.course_id else "—"

    @admin.display(description="source", ordering="channel")
    def source(self, lead):
        if lead.source_article_id:
            label, full = lead.source_article.title, f"{lead.get_channel_display()}: {lead.source_article.title}"
        elif lead.call_us_number_id:
            label = full = f"{lead.get_channel_display()} to {lead.call_us_number}"
        else:
            label = full = lead.get_channel_display()
        return format_html('<span class="lead-source" title="{}">{}</span>', full, label)

    @admin.display(description="age", ordering="created_at")
    def age(self, lead):
        return timesince(lead.created_at).split(",")[0]

    @admin.display(description="next follow-up", ordering="next_follow_up_at")
    def next_follow_up(self, lead):
        urgency = lead.follow_up_urgency()
        if urgency is None:
            return "—"
        return format_html('<span class="due due--{}" title="{}">{}<span class="due__when">{}</span></span>', urgency,
                           moment(lead.next_follow_up_at), urgency, short_moment(lead.next_follow_up_at))

    # Writes: each goes through enquiries.services

    def save_formset(self, request, form, formset, change):
        if formset.model is not FollowUp:
            return super().save_formset(request, form, formset, change)
        for follow_up in formset.save(commit=False):
            services.follow_up_record(enquiry=form.instance, by=request.user, at=follow_up.at, kind=follow_up.kind,
                                      outcome=follow_up.outcome, note=follow_up.note,
                                      next_due_at=follow_up.next_due_at)

    def save_model(self, request, obj, form, change):
        # Only the counsellor's fields are editable here, and each change to them is a service call.
        if "owner" in form.changed_data:
            services.enquiry_assign(leads=[obj], owner=obj.owner, by=request.user)
        if "status" in form.changed_data:
            services.enquiry_set_status(leads=[obj], status=obj.status, by=request.user)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [path("log/", view(self.log_lead_view), name="enquiries_enquiry_log"),
                path("funnel/", view(self.funnel_view), name="enquiries_enquiry_funnel"),
                path("<path:object_id>/erase/", view(self.erase_view), name="enquiries_enquiry_erase"),
                path("<path:object_id>/note/", view(self.note_view), name="enquiries_enquiry_note"),
                *super().get_urls()]

    def funnel_view(self, request):
        """The counselling funnel (enquiries/funnel.py) for ?from=&to=: a manager sees every counsellor's, a
        counsellor only their own leads'; ?format=csv gives the steps."""
        if not request.user.has_perm(SEE_LEADS):
            raise PermissionDenied
        today = timezone.localdate()
        try:
            first, last = funnel.date_range(request.GET.get("from", ""), request.GET.get("to", ""), today)
        except funnel.RangeRefused as refusal:
            messages.warning(request, f"{refusal} Showing the last {funnel.DEFAULT_WEEKS} weeks.")
            first, last = funnel.date_range("", "", today)
        everyone = request.user.has_perm(REASSIGN)
        leads = funnel.leads_in(first, last, owner=None if everyone else request.user)
        if request.GET.get("format") == "csv":
            return self.funnel_csv(request.GET.get("part", ""), leads, first, last)
        steps, closed = funnel.overall(leads)
        people = {user.pk: user for user in lead_owners()}
        weeks = funnel.weekly(leads, first, last)
        enrolling = funnel.enrolling_sources(leads)
        articles = {article.pk: article for article in
                    Article.objects.filter(pk__in=[pk for pk, _ in enrolling]).for_listing()}
        context = {
            **self.admin_site.each_context(request), "opts": self.model._meta,
            "title": "Counselling funnel" if everyone else "Your counselling funnel",
            "first": first, "last": last, "steps": steps, "closed": closed, "everyone": everyone,
            "by_counsellor": [(people.get(owner), found) for owner, found in funnel.grouped(leads, "owner").items()]
            if everyone else [],
            "by_origin": [(funnel.SOURCE_LABELS[source], found) for source, found in funnel.grouped(leads, "source").items()],
            "weeks": stacked_columns([(day(week.monday), week.sources) for week in weeks], funnel.SOURCE_LABELS),
            "trend": [week for week in weeks if week.median_hours is not None],
            "trend_chart": line_with_target([(day(week.monday), week.median_hours) for week in weeks],
                                                            services.FIRST_CALL_WITHIN.total_seconds() / 3600, " h"),
            "enrolling": [(articles[pk], count) for pk, count in enrolling if pk in articles],
            "enrolling_papers": funnel.enrolling_papers(leads), "top_articles": funnel.TOP_ARTICLES,
        }
        return TemplateResponse(request, "admin/enquiries/enquiry/funnel.html", context)

    def funnel_csv(self, part, leads, first, last):
        """The numbers behind one of the funnel page's charts: the steps (by default), the weekly leads by
        origin, or the weekly first-response times."""
        if part == "weeks":
            return csv_download("leads-per-week.csv", ["week of", *funnel.SOURCE_LABELS.values()],
                                ([week.monday.isoformat(), *(week.sources.get(source, 0) for source in funnel.SOURCES)]
                                 for week in funnel.weekly(leads, first, last)))
        if part == "trend":
            return csv_download("first-response.csv", ["week of", "median hours", "share within two hours"],
                                ([week.monday.isoformat(), week.median_hours, f"{week.within_target:.2f}"]
                                 for week in funnel.weekly(leads, first, last) if week.median_hours is not None))
        steps, _ = funnel.overall(leads)
        return csv_download("counselling-funnel.csv", ["stage", "leads", "conversion from the step before",
                                                       "median hours from the step before"],
                            ([step.label, step.leads, "" if step.conversion is None else f"{step.conversion:.2f}",
                              "" if step.median_hours is None else step.median_hours] for step in steps))

    def note_view(self, request, object_id):
        """A note for the lead's owner, from anyone who may see the lead (a colleague's read-only lead too)."""
        lead = self.get_object(request, unquote(object_id))
        if lead is None:
            raise Http404("No lead with this id.")
        if not self.has_view_permission(request, lead):
            raise PermissionDenied
        if request.method != "POST":
            return redirect("admin:enquiries_enquiry_change", lead.pk)
        try:
            services.enquiry_add_note(enquiry=lead, by=request.user, text=request.POST.get("note", ""))
        except ValidationError as error:  # only an empty or over-long note: the box itself holds it to size
            messages.error(request, " ".join(error.message_dict["note"]))
        else:
            messages.success(request, "Your note is on the lead's log for its counsellor.")
        return redirect("admin:enquiries_enquiry_change", lead.pk)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        lead = self.get_object(request, unquote(object_id))
        extra = {"can_erase": request.user.has_perm(ERASE), **self.FULL_WIDTH}
        if lead is not None and lead.phone:
            counsellor = request.user.get_short_name() or request.user.get_username()
            extra["whatsapp_link"] = lead.whatsapp_link(counsellor, settings.SITE_NAME)
        return super().change_view(request, object_id, form_url, {**extra, **(extra_context or {})})

    def add_view(self, request, form_url="", extra_context=None):
        return redirect("admin:enquiries_enquiry_log")

    def log_lead_view(self, request):
        """Log a call, walk-in or WhatsApp lead through the same service as the web form."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = PhoneLeadForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                consented = data["consent_by"] != PhoneLeadForm.NO_CONSENT
                lead, created = services.enquiry_create(
                    name=data["name"], phone=data["phone"], email=data["email"], course=data["course"],
                    mode=data["mode"], city=data["city"], message=data["message"], consent_given=consented,
                    consent_by=data["consent_by"] if consented else "", channel=data["channel"],
                    call_us_number=data["call_us_number"], owner=request.user, origin=Enquiry.Origin.STAFF,
                    next_follow_up_at=data["next_follow_up_at"],
                )
            except ValidationError as error:
                errors_onto(form, error)
            else:
                messages.success(request, f"New lead logged: {lead.name}." if created else
                                 f"{lead.name} already had an open lead; this was added to it as a repeat.")
                return redirect("admin:enquiries_enquiry_change", lead.pk)
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "form": form,
                   "title": "Log a phone call, walk-in or WhatsApp lead"}
        return TemplateResponse(request, "admin/enquiries/enquiry/log_lead.html", context)

    # Actions: one line each, calling a service and reporting the result

    def _report(self, request, write, done):
        try:
            count = write()
        except PermissionDenied as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, done.format(count=count))

    @admin.action(description="Assign to me")
    def assign_to_me(self, request, queryset):
        self._report(request, lambda: services.enquiry_assign(leads=queryset, owner=request.user, by=request.user),
                     "{count} lead(s) assigned to you.")

    @admin.action(description="Reassign to the counsellor chosen above")
    def reassign(self, request, queryset):
        owner = LeadActionForm(request.POST).fields["owner"].clean(request.POST.get("owner"))
        if owner is None:
            messages.error(request, "Choose the counsellor to reassign to, next to the action menu.")
            return
        self._report(request, lambda: services.enquiry_assign(leads=queryset, owner=owner, by=request.user),
                     f"{{count}} lead(s) reassigned to {owner}.")

    def _mark(self, request, queryset, status):
        self._report(request, lambda: services.enquiry_set_status(leads=queryset, status=status, by=request.user),
                     f"{{count}} lead(s) marked {status.label.lower()}.")

    @admin.action(description="Mark contacted")
    def mark_contacted(self, request, queryset):
        self._mark(request, queryset, Enquiry.Status.CONTACTED)

    @admin.action(description="Mark enrolled")
    def mark_enrolled(self, request, queryset):
        self._mark(request, queryset, Enquiry.Status.ENROLLED)

    @admin.action(description="Mark not interested")
    def mark_not_interested(self, request, queryset):
        self._mark(request, queryset, Enquiry.Status.NOT_INTERESTED)

    def erase_view(self, request, object_id):
        """Erase a person on request: a page that names what goes and asks for confirmation, then erases
        every lead with that mobile number, as `manage.py erase_enquiry --phone` does."""
        lead = self.get_object(request, unquote(object_id))
        if lead is None:
            raise Http404("No lead with this id.")
        if not request.user.has_perm(ERASE):
            raise PermissionDenied
        same_person = Enquiry.objects.of_person(lead.phone) if lead.phone \
            else Enquiry.objects.filter(pk=lead.pk, erased_at__isnull=True)
        if request.method == "POST":
            erased = services.enquiry_erase(leads=same_person, by=request.user,
                                            reason="Erased on the person's request, from the admin")
            messages.success(request, f"Personal data erased from {erased} lead(s) with that number; anonymous "
                                      "counts are kept.")
            return redirect("admin:enquiries_enquiry_changelist")
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "lead": lead,
                   "same_person": same_person.select_related("course"), "title": "Erase this person's data?"}
        return TemplateResponse(request, "admin/enquiries/enquiry/erase.html", context)
