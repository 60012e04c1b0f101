"""The public enquiry form. Thin: the form validates, enquiries.services creates the lead."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from articles.models import Article
from common.forms import errors_onto

from .consent import BACKUP_DAYS, NOTICE_ITEMS, NOTICE_VERSION, RETENTION_DAYS
from .forms import EnquiryForm, form_clock, store_once
from .limits import address_over_limit, too_many
from .models import Course, Enquiry
from .services import UTM_FIELDS, enquiry_create


def _local_path(value):
    """Only a path on this site counts as where the visitor came from."""
    value = (value or "")[:500]
    return value if value.startswith("/") and url_has_allowed_host_and_scheme(value, allowed_hosts=None) else ""


def _article_at(path):
    """The published article at this address of the site (in either language), or None."""
    path = path.split("?")[0]
    with translation.override(translation.get_language_from_path(path) or settings.LANGUAGE_CODE):
        try:
            match = resolve(path)
        except Resolver404:
            return None
        if match.view_name != "articles:detail":
            return None
        return Article.objects.published_here().filter(slug=match.kwargs["slug"]).first()


def _visitor_fields(request, hidden_values):
    """The CSRF token and the hidden fields (the clock, where the visitor came from), written for each visitor."""
    fields = [("csrfmiddlewaretoken", get_token(request)), *hidden_values]
    return format_html_join("", '<input type="hidden" name="{}"{} id="id_{}">', (
        (name, format_html(' value="{}"', value) if value not in (None, "") else "", name) for name, value in fields))


def _render(request, form, status=200, **context):
    """The form page (`enquiries/enquiry_form.html` shares a blank one between visitors)."""
    if "visitor_fields" not in context:
        context["visitor_fields"] = _visitor_fields(
            request, [(field.html_name, field.value()) for field in form.hidden_fields()])
    return render(request, "enquiries/enquiry_form.html",
                  {"form": form, "notice_items": NOTICE_ITEMS, "notice_version": NOTICE_VERSION, **context},
                  status=status)


@require_http_methods(["GET", "POST"])
def enquiry_form(request):
    if request.method == "GET":
        initial = {
            "source_page": _local_path(request.GET.get("from")),
            "referrer": request.META.get("HTTP_REFERER", "")[:500],
            "started": form_clock(),
            **{field: request.GET.get(field, "")[:100] for field in UTM_FIELDS},
        }
        # Read on every visit, although the shared page may not need them: while the database is down the page
        # must answer 503 with the call-us numbers rather than offer a form that cannot be stored.
        offered_courses = list(Course.objects.offered().values_list("pk", "name"))
        return _render(request, SimpleLazyObject(EnquiryForm), blank=True, offered_courses=offered_courses,
                       visitor_fields=_visitor_fields(
                           request, [(name, initial.get(name)) for name in EnquiryForm.hidden_field_names()]))

    if address_over_limit(request):
        return too_many(request)
    form = EnquiryForm(request.POST)
    if form.looks_like_a_bot():
        return redirect("enquiries:thanks")  # a fake success: the bot learns nothing and nothing is stored
    if form.sent_too_fast():
        return _render(request, form.with_fresh_clock(confirmed=True), please_confirm=True)
    if not form.is_valid():
        return _render(request, form.with_fresh_clock())
    data = form.cleaned_data
    source_page = _local_path(data["source_page"])

    source_article = _article_at(source_page) if source_page else None

    def store():
        enquiry_create(
            origin=Enquiry.Origin.ARTICLE if source_article else Enquiry.Origin.FORM,
            name=data["name"], phone=data["phone"], email=data["email"], course=data["course"], mode=data["mode"],
            city=data["city"], message=data["message"], consent_given=data["consent"],
            source_page=source_page, source_article=source_article,
            referrer=data["referrer"], utm={field: data[field] for field in UTM_FIELDS},
        )

    try:
        refused = store_once(request, form, store)
    except ValidationError as error:
        errors_onto(form, error)
        return _render(request, form.with_fresh_clock())
    return refused or redirect("enquiries:thanks")


def thanks(request):
    return render(request, "enquiries/thanks.html")


def privacy(request):
    return render(request, "enquiries/privacy.html", {
        "notice_items": NOTICE_ITEMS, "notice_version": NOTICE_VERSION, "backup_days": BACKUP_DAYS,
        "retention_years": RETENTION_DAYS // 365})
