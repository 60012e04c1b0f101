"""The public enquiry form. Thin: the form validates, enquiries.services creates the lead."""

import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve
from django.utils.functional import SimpleLazyObject
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from articles.models import Article

from .consent import BACKUP_DAYS, NOTICE_ITEMS, NOTICE_VERSION, RETENTION_DAYS
from .forms import EnquiryForm, form_clock, give_back_clock, spend_clock
from .limits import address_over_limit, phone_over_limit, too_many
from .models import Course
from .services import UTM_FIELDS, enquiry_create


def _local_path(value):
    """Only a path on this site counts as where the visitor came from."""
    value = (value or "")[:500]
    return value if value.startswith("/") and url_has_allowed_host_and_scheme(value, allowed_hosts=None) else ""


def _article_at(path):
    try:
        match = resolve(path.split("?")[0])
    except Resolver404:
        return None
    if match.view_name != "articles:detail":
        return None
    return Article.objects.published().filter(slug=match.kwargs["slug"]).first()


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
        return _render(request, _with_fresh_clock(form, confirmed=True), please_confirm=True)
    if not form.is_valid():
        return _render(request, _with_fresh_clock(form))
    clock = form.data["started"]
    if not spend_clock(clock):
        return redirect("enquiries:thanks")  # the same form sent again (a double tap or a replay): one lead is enough
    phone = form.cleaned_data["phone"]
    if phone_over_limit(request, phone):
        give_back_clock(clock)  # nothing was stored: the same form may be sent again once the limit allows
        return too_many(request)
    data = form.cleaned_data
    source_page = _local_path(data["source_page"])
    try:
        enquiry_create(
            name=data["name"], phone=phone, email=data["email"], course=data["course"], mode=data["mode"],
            city=data["city"], message=data["message"], consent_given=data["consent"],
            source_page=source_page, source_article=_article_at(source_page) if source_page else None,
            referrer=data["referrer"], utm={field: data[field] for field in UTM_FIELDS},
        )
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
        return _render(request, _with_fresh_clock(form))
    except Exception:  # the database failed (the outage page answers 503): the same form, sent again, is kept
        give_back_clock(clock)
        raise
    return redirect("enquiries:thanks")


def _with_fresh_clock(form, *, confirmed=False):
    """Re-shown forms get a new clock, so an expired one never traps a real person, and hidden fields that
    were refused are emptied, so sending the form again goes through. A form shown to confirm a quick
    submission gets a clock that has already run its minimum time, so the confirming press is kept."""
    form.data = form.data.copy()
    form.data["started"] = form_clock(
        opened_at=time.time() - settings.ENQUIRY_MIN_FILL_SECONDS if confirmed else None)
    for field in form.hidden_fields():
        if field.errors:
            form.data[field.name] = ""
    return form


def thanks(request):
    return render(request, "enquiries/thanks.html")


def privacy(request):
    return render(request, "enquiries/privacy.html", {
        "notice_items": NOTICE_ITEMS, "notice_version": NOTICE_VERSION, "backup_days": BACKUP_DAYS,
        "retention_years": RETENTION_DAYS // 365})
