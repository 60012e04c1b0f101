"""Two-factor sign-in for staff (TOTP and backup codes through django-otp): who must use it, the admin's
sign-in form that asks for the code, the page where a person turns it on or off, and an administrator's
reset for a lost phone.

Everyone who can see leads (counsellors, managers) and superusers can read students' phone numbers, so when
settings.STAFF_2FA is "required" they set it up before the admin opens for them; everyone else may.

Enrolment cannot be taken over by someone who once had the password: each visit to the set-up page makes a
new key that only this session is shown and can confirm (another session's visit discards it), the password
is asked again to confirm, and the person is mailed whenever two-factor sign-in is turned on, off or reset.

Built on django-otp's models rather than django-two-factor-auth: that package replaces the admin's sign-in
with a multi-step wizard (django-formtools) and brings phone and SMS methods we do not use, while the parts
that carry the security (TOTP with throttling, single-use backup codes) are django-otp's either way; keeping
one sign-in form lets django-axes count wrong passwords and wrong codes alike.
"""

from base64 import b32encode
from io import BytesIO

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin import site as admin_site
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import signals
from django.contrib.auth.decorators import login_required
from django.core.mail import send_mail
from django.db import transaction
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from enquiries.roles import SEE_LEADS

from . import sign_in

DEVICE_NAME = "Authenticator app"
BACKUP_NAME = "Backup codes"
BACKUP_CODES = 10
CODE_HELP = "The six-digit code your authenticator app shows now, or one of your backup codes."
PENDING_DEVICE = "two_factor_pending_device"


def required_for(user):
    """Whether this person must use two-factor sign-in before the admin opens."""
    if settings.STAFF_2FA != "required":
        return False
    return user.is_superuser or user.has_perm(SEE_LEADS)


def has_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def open_paths():
    """Admin pages a signed-in person reaches before two-factor sign-in: setting it up, and leaving."""
    return {reverse("two_factor"), reverse("admin:logout"), reverse("admin:login"), reverse("admin:jsi18n")}


class CodeField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Authentication code")
        super().__init__(max_length=16, min_length=6, strip=True, help_text=CODE_HELP,
                         widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}), **kwargs)

    def clean(self, value):
        return "".join(super().clean(value).split())


class StaffSignInForm(AdminAuthenticationForm):
    """The admin sign-in: username, password and, for anyone who turned it on, the authenticator code (or a
    backup code). A wrong code counts as a failed sign-in, so django-axes locks it out like a wrong password,
    and both get the same message: which of the three was wrong is not said, so a right password is never
    confirmed to someone who lacks the code. One attempt before the lock, the form says so."""

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "invalid_login": (
            "Enter the correct username and password for a staff account and, if two-factor sign-in is on "
            "for it, the current code from your authenticator app. All fields may be case-sensitive."),
    }
    otp_token = CodeField(required=False)

    def clean(self):
        try:
            cleaned = super().clean()
            self._check_code(cleaned)
        except forms.ValidationError as error:
            warning = sign_in.last_attempt_warning(self.request, self.cleaned_data.get("username"))
            raise forms.ValidationError([*error.error_list, *([warning] if warning else [])]) from None
        return cleaned

    def _check_code(self, cleaned):
        user = self.get_user()
        if user is None or not has_device(user):
            return
        device = match_token(user, cleaned.get("otp_token") or "") if cleaned.get("otp_token") else None
        if device is None:
            signals.user_login_failed.send(sender=__name__, credentials={"username": user.get_username()},
                                           request=self.request)
            raise self.get_invalid_login_error()
        user.otp_device = device  # django-otp marks the session verified when the login completes


class PasswordAndCodeForm(forms.Form):
    """The password again, and a code: what it takes to turn two-factor sign-in on or off."""

    password = forms.CharField(label="Your password", strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))
    otp_token = CodeField()

    def __init__(self, *args, request, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        user = self.request.user
        if not user.check_password(password):
            # A guess at the password of a signed-in session counts like one at the sign-in page.
            signals.user_login_failed.send(sender=__name__, credentials={"username": user.get_username()},
                                           request=self.request)
            raise forms.ValidationError("That is not your password.", code="wrong_password")
        return password


def _qr_code_svg(url):
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    stream = BytesIO()
    image.save(stream)
    return mark_safe(stream.getvalue().decode())  # generated by qrcode from our own URL, no user text


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def setup(request):
    """Turn on two-factor sign-in (scan the key, then confirm with the password and a code) or, where it is
    not required, turn it off with the password and a current code."""
    user = request.user
    if not user.is_staff:
        return redirect("articles:home")
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    form = PasswordAndCodeForm(request.POST if request.method == "POST" else None, request=request)
    if confirmed is not None:
        return _turn_off(request, form, confirmed)
    if request.method == "GET":
        return _page(request, form, device=_fresh_key(request))

    device = TOTPDevice.objects.filter(pk=request.session.get(PENDING_DEVICE), user=user, confirmed=False).first()
    if device is None:
        messages.warning(request, "That key was replaced: the set-up page was opened again, here or elsewhere. "
                                  "Remove the old entry from your app, scan this new code and confirm again.")
        return _page(request, PasswordAndCodeForm(request=request), device=_fresh_key(request))
    if form.is_valid():
        allowed, _ = device.verify_is_allowed()  # django-otp slows down repeated wrong codes
        if not allowed:
            form.add_error("otp_token", "Too many wrong codes in a row: wait a minute, then enter the newest code.")
        elif device.verify_token(form.cleaned_data["otp_token"]):
            codes = _turn_on(request, device)
            return TemplateResponse(request, "admin/two_factor_backup_codes.html", {
                **admin_site.each_context(request), "title": "Your backup codes", "codes": codes})
        else:
            form.add_error("otp_token", "That code does not match. Check the phone's clock and enter the newest code.")
    return _page(request, form, device=device)


def _fresh_key(request):
    """A new unconfirmed key for this session alone; any other session's unconfirmed key stops working."""
    user = request.user
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        device = TOTPDevice.objects.create(user=user, confirmed=False, name=DEVICE_NAME)
    request.session[PENDING_DEVICE] = device.pk
    return device


def _turn_on(request, device):
    """Confirm the device, make new backup codes (returned, to be shown once) and tell the person by mail."""
    user = request.user
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        StaticDevice.objects.filter(user=user).delete()
        backup = StaticDevice.objects.create(user=user, name=BACKUP_NAME, confirmed=True)
        codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
        StaticToken.objects.bulk_create([StaticToken(device=backup, token=code) for code in codes])
        _tell(user, "on")
    request.session.pop(PENDING_DEVICE, None)
    otp_login(request, device)
    return codes


def _turn_off(request, form, confirmed):
    user = request.user
    if request.method == "POST" and not required_for(user) and form.is_valid():
        if match_token(user, form.cleaned_data["otp_token"]):
            remove_devices(user, "off")
            messages.success(request, "Two-factor sign-in is off for your account.")
            return redirect("admin:index")
        form.add_error("otp_token", "That code is not the current one. Try the newest code.")
    return _page(request, form, confirmed=confirmed)


def remove_devices(user, change):
    """Delete the person's authenticator and backup codes and mail them that it happened ("off", "reset")."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        _tell(user, change)


def _tell(user, change):
    """Mail the person that two-factor sign-in changed on their account, so a change they did not make is
    noticed. The mail is queued in the database, in the change's own transaction: both are kept or neither."""
    if not user.email:
        return
    body = render_to_string("admin/email/two_factor_changed.txt", {
        "user": user, "change": change, "site_name": settings.SITE_NAME,
        "page": settings.SITE_URL.rstrip("/") + reverse("two_factor")})
    subjects = {"on": "turned on", "off": "turned off", "reset": "reset by an administrator"}
    send_mail(f"Two-factor sign-in was {subjects[change]} for your account", body, None, [user.email])


def _page(request, form, *, confirmed=None, device=None):
    context = {
        **admin_site.each_context(request), "title": "Two-factor sign-in", "form": form, "confirmed": confirmed,
        "required": required_for(request.user),
        "backup_codes_left": StaticToken.objects.filter(device__user=request.user).count() if confirmed else 0,
    }
    if device is not None:
        context.update(qr_code=_qr_code_svg(device.config_url), secret=_grouped(device))
    return TemplateResponse(request, "admin/two_factor.html", context)


def _grouped(device):
    """The secret key in groups of four, for typing into an app that cannot scan."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i:i + 4] for i in range(0, len(key), 4))
