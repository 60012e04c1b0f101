"""The public "For Enquiry" form: validation and the bot traps. Creating the lead is the service's job."""

import functools
import hashlib
import logging
import secrets
import time

from django import forms
from django.contrib.admin.helpers import ActionForm
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.text import tidy_line

from .limits import phone_over_limit, too_many
from .models import CallUsNumber, Course, Enquiry
from .phones import normalise_indian_phone
from .selectors import lead_owners

logger = logging.getLogger(__name__)

FORM_CLOCK_SALT = "enquiries.form-clock"
FORM_MAX_AGE = 24 * 60 * 60


def form_clock(opened_at=None):
    """A signed timestamp put in the form, so the server knows how long the person took to fill it in. A
    random part makes every form's clock different, so each can be spent once."""
    opened_at = time.time() if opened_at is None else opened_at
    return signing.dumps([opened_at, secrets.token_urlsafe(8)], salt=FORM_CLOCK_SALT)


def spend_clock(token):
    """Mark this form's clock as used; False when it was used before (the same form replayed).

    The mark lives in the shared cache; if the cache is down the form is let through (and logged), since a
    lost lead is worse than a replayed one, which the per-phone limit and the 90-day merge still catch.
    """
    try:
        return cache.add(_clock_key(token), True, FORM_MAX_AGE)
    except Exception:  # any cache backend error: fail open
        logger.warning("Cache unavailable: the enquiry form's clock could not be marked as used.", exc_info=True)
        return True


def give_back_clock(token):
    """Unmark a clock whose submission was not stored (the database failed), so that sending the same form
    again stores it instead of being taken for a replay and thanked with nothing kept."""
    try:
        cache.delete(_clock_key(token))
    except Exception:  # the cache is down too: spend_clock fails open while it is, so the resend is kept
        logger.warning("Cache unavailable: the enquiry form's clock could not be given back.", exc_info=True)


def _clock_key(token):
    return "enquiry-clock:" + hashlib.sha256(token.encode()).hexdigest()


class PublicLeadForm(forms.Form):
    """What every public form that takes a lead shares: a field people never see and the time the form was
    opened (bot traps), and a one-time clock, so each form is stored at most once (see `store_once`)."""

    website = forms.CharField(required=False, max_length=200, label=_("Leave this empty"),
                              widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}))
    started = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)

    @functools.cached_property
    def _clock(self):
        """(when the form was opened, whether its clock has expired), from the signed clock; the time is None
        for a clock that is missing, expired or forged."""
        try:
            started = signing.loads(self.data.get("started", ""), salt=FORM_CLOCK_SALT, max_age=FORM_MAX_AGE)
        except signing.SignatureExpired:
            return None, True
        except signing.BadSignature:
            return None, False
        try:
            return float(started[0] if isinstance(started, list) else started), False  # older forms: a bare time
        except (TypeError, ValueError, IndexError):
            return None, False

    def looks_like_a_bot(self):
        """Filled the invisible field, or sent a clock this site never signed. An expired clock is an old tab,
        not a bot: the form is checked and shown again with a fresh clock."""
        if self.data.get("website"):
            return True
        opened_at, expired = self._clock
        return opened_at is None and not expired

    def sent_too_fast(self):
        """Sent sooner after opening than a person usually types. A person with autofill can, so this asks
        them to confirm instead of dropping the enquiry."""
        opened_at, _ = self._clock
        return opened_at is not None and time.time() - opened_at < settings.ENQUIRY_MIN_FILL_SECONDS

    def with_fresh_clock(self, *, confirmed=False):
        """The form to show again, with a new clock, so an expired one never traps a real person, and hidden
        fields that were refused emptied, so sending it again goes through. A form shown to confirm a quick
        submission gets a clock that has already run its minimum time, so the confirming press is kept."""
        self.data = self.data.copy()
        self.data["started"] = form_clock(
            opened_at=time.time() - settings.ENQUIRY_MIN_FILL_SECONDS if confirmed else None)
        for field in self.hidden_fields():
            if field.errors:
                self.data[field.name] = ""
        return self


def store_once(request, form, store):
    """Spend the form's clock, check the phone's limit and call `store()`, which writes the lead. Returns
    None when the lead was stored, or when this very form was stored before (a double tap, a replay: thank
    them again, one lead is enough); or the 429 page. The clock is given back whenever nothing was stored (the
    limit, a database failure), so the same form sent again is kept, never thanked with nothing stored."""
    clock = form.data["started"]
    if not spend_clock(clock):
        return None
    if phone_over_limit(request, form.cleaned_data["phone"]):
        give_back_clock(clock)
        return too_many(request)
    try:
        store()
    except Exception:  # a refusal re-shows the form with a fresh clock; a database failure answers 503
        give_back_clock(clock)
        raise
    return None


class EnquiryForm(PublicLeadForm):
    name = forms.CharField(max_length=100, label=_("Your name"),
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    phone = forms.CharField(
        max_length=25, label=_("Mobile number"),
        help_text=_("10-digit Indian mobile; we call you back on it."),
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(max_length=254, required=False, label=_("Email (optional)"))
    course = forms.ModelChoiceField(Course.objects.offered(), label=_("Course you are interested in"),
                                    empty_label=_("Choose a course"))
    mode = forms.ChoiceField(choices=Enquiry.Mode.choices, widget=forms.RadioSelect, label=_("Preferred mode"),
                             initial=Enquiry.Mode.CLASSROOM)
    city = forms.CharField(max_length=80, required=False, label=_("City / centre"))
    message = forms.CharField(max_length=Enquiry.MESSAGE_MAX_LENGTH, required=False, label=_("Message (optional)"),
                              widget=forms.Textarea(attrs={"rows": 3}))
    consent = forms.BooleanField(
        label=_("I agree that the institute may keep these details to call me back, as explained above."),
        error_messages={"required": _("Tick the box to agree, so that we may call you back.")},
    )
    # Attribution, filled when the form is opened.
    source_page = forms.CharField(max_length=500, required=False, widget=forms.HiddenInput)
    referrer = forms.CharField(max_length=500, required=False, widget=forms.HiddenInput)
    utm_source = forms.CharField(max_length=100, required=False, widget=forms.HiddenInput)
    utm_medium = forms.CharField(max_length=100, required=False, widget=forms.HiddenInput)
    utm_campaign = forms.CharField(max_length=100, required=False, widget=forms.HiddenInput)
    utm_term = forms.CharField(max_length=100, required=False, widget=forms.HiddenInput)
    utm_content = forms.CharField(max_length=100, required=False, widget=forms.HiddenInput)

    @classmethod
    def hidden_field_names(cls):
        return [name for name, field in cls.base_fields.items() if field.widget.is_hidden]

    def clean_name(self):
        name = tidy_line(self.cleaned_data["name"])
        if not any(character.isalpha() for character in name):
            raise forms.ValidationError(_("Enter your name."))
        return name

    def clean_phone(self):
        return normalise_indian_phone(self.cleaned_data["phone"])


class LeadActionForm(ActionForm):
    owner = forms.ModelChoiceField(lead_owners(), required=False, label="Counsellor")


class PhoneLeadForm(forms.Form):
    """A lead that arrived by phone, walk-in or WhatsApp, logged by the counsellor who took it."""

    channel = forms.ChoiceField(choices=[c for c in Enquiry.Channel.choices if c[0] != Enquiry.Channel.WEB])
    call_us_number = forms.ModelChoiceField(CallUsNumber.objects.shown(), required=False,
                                            label="Number they called", help_text="For phone calls.")
    name = forms.CharField(max_length=100)
    phone = forms.CharField(max_length=25, label="Mobile number")
    email = forms.EmailField(max_length=254, required=False)
    course = forms.ModelChoiceField(Course.objects.offered(), required=False)
    mode = forms.ChoiceField(choices=[("", "—"), *Enquiry.Mode.choices], required=False)
    city = forms.CharField(max_length=80, required=False)
    message = forms.CharField(max_length=Enquiry.MESSAGE_MAX_LENGTH, required=False, widget=forms.Textarea(attrs={"rows": 3}))
    NO_CONSENT = "none"
    consent_by = forms.ChoiceField(
        label="Marketing consent", choices=[("", "— choose —"), *Enquiry.ConsentBy.choices[1:],
                                            (NO_CONSENT, "Not given: do not call or message them about courses")],
        help_text="Read them the privacy notice, then say how they agreed; without consent the lead is kept to "
                  "answer what they asked, and is marked so.",
        error_messages={"required": "Say how they gave consent, or that they did not."})
    next_follow_up_at = forms.DateTimeField(
        required=False, label="Next follow-up", input_formats=["%Y-%m-%dT%H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text="You have spoken to them, so the lead starts as contacted; set when to call them next, if at all.")

    def clean_next_follow_up_at(self):
        when = self.cleaned_data["next_follow_up_at"]
        if when is not None and when <= timezone.now():
            raise forms.ValidationError("Choose a time in the future.")
        return when
