"""A callback asked for from a student's result (a practice attempt, a reviewed Mains answer): a public lead
form like "For Enquiry" (bot traps, a minimum fill time, stored once, rate limits), through the one enquiry
service; what the student achieved goes to the counsellor only when they tick the box."""

from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from common.forms import errors_onto

from .forms import PublicLeadForm, store_once
from .limits import address_over_limit, too_many
from .phones import normalise_indian_phone
from .services import enquiry_create


class CallbackForm(PublicLeadForm):
    """Name, mobile, "share my result" and consent (checked by the enquiry service, as for every enquiry)."""

    share_label = ""  # what ticking `share_score` shares, as the result's page says it

    name = forms.CharField(max_length=100, label=_("Your name"))
    phone = forms.CharField(max_length=25, label=_("Mobile number"))
    share_score = forms.BooleanField(required=False)
    consent = forms.BooleanField(required=False)

    field_order = ["name", "phone", "share_score", "consent", "website", "started"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["share_score"].label = self.share_label

    def clean_phone(self):
        return normalise_indian_phone(self.cleaned_data["phone"])


def take_callback(request, form, *, message, shared, origin, source_page, source_article, show_again):
    """Store the callback `form` asks for, or answer why not. `message` tells the counsellor where it came
    from and `shared` is added to it when the student ticked "share"; `show_again(form, please_confirm)`
    renders the result page with the form (to confirm a quick send, or with its errors)."""
    if address_over_limit(request):
        return too_many(request)
    if form.looks_like_a_bot():
        return redirect("enquiries:thanks")  # a bot: it learns nothing, nothing is stored
    if form.sent_too_fast():
        return show_again(form.with_fresh_clock(confirmed=True), True)
    if not form.is_valid():
        return show_again(form.with_fresh_clock(), False)
    data = form.cleaned_data
    message = f"{message} {shared}" if data["share_score"] else message

    def store():
        enquiry_create(name=data["name"], phone=data["phone"], consent_given=data["consent"], message=message,
                       origin=origin, source_page=source_page, source_article=source_article)

    try:
        refused = store_once(request, form, store)
    except ValidationError as error:
        errors_onto(form, error)
        return show_again(form.with_fresh_clock(), False)
    return refused or redirect("enquiries:thanks")
