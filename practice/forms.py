from django import forms
from django.utils.translation import gettext_lazy as _

from enquiries.forms import PublicLeadForm
from enquiries.phones import normalise_indian_phone


class CounsellorCallbackForm(PublicLeadForm):
    """"Talk to a counsellor about your preparation", from a practice result: a public lead form like the "For
    Enquiry" one (bot traps, minimum fill time, stored once). The consent is checked by the enquiry service,
    like every other enquiry."""

    name = forms.CharField(max_length=100, label=_("Your name"))
    phone = forms.CharField(max_length=25, label=_("Mobile number"))
    share_score = forms.BooleanField(required=False, label=_("Share my score on this quiz with the counsellor"))
    consent = forms.BooleanField(required=False)

    field_order = ["name", "phone", "share_score", "consent", "website", "started"]

    def clean_phone(self):
        return normalise_indian_phone(self.cleaned_data["phone"])
