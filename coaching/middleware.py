"""Request-wide rules: query strings without NUL characters; the language the address names; for staff, how long a session lasts, and two-factor
sign-in where it is required."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation

from . import two_factor

SIGNED_IN_AT, LAST_SEEN = "signed_in_at", "last_seen"
LAST_SEEN_PRECISION = 60  # seconds: the session is written at most once a minute, not on every click


class DropNulCharactersMiddleware:
    """Removes NUL characters from the query string's names and values before any view reads them. No search,
    filter or page number means anything by one, and PostgreSQL refuses to compare text holding one (a
    DataError, which used to surface as an error page from an admin filter or autocomplete)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "%00" in request.META.get("QUERY_STRING", ""):
            cleaned = QueryDict(mutable=True)
            for name, values in request.GET.lists():
                cleaned.setlist(name.replace("\x00", ""), [value.replace("\x00", "") for value in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)


class AddressLanguageMiddleware:
    """The page's language is the one its address names: /hi/… is Hindi, every other address English.

    Django's LocaleMiddleware would also read the browser's Accept-Language and a cookie (and answer with
    Vary: Accept-Language), so one address could show two languages and the page cache could not share it;
    a Hindi-medium student finds the Hindi site at /hi/ and switches with the link on every article."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        try:
            response = self.get_response(request)
        finally:
            translation.deactivate()
        response.headers.setdefault("Content-Language", language)
        return response


class StaffSessionMiddleware:
    """Signs a person out after SESSION_IDLE_SECONDS without a request, or SESSION_COOKIE_AGE after
    signing in, whichever comes first; and keeps staff who must use two-factor sign-in out of the admin
    until they have."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            expired = self._expired(request)
            if expired:
                logout(request)
                messages.info(request, expired)
            else:
                held = self._two_factor_gate(request)
                if held:
                    return held
        return self.get_response(request)

    def _expired(self, request):
        now, session = int(time.time()), request.session
        signed_in_at = session.setdefault(SIGNED_IN_AT, now)
        last_seen = session.get(LAST_SEEN, now)
        if now - last_seen > settings.SESSION_IDLE_SECONDS:
            return "You were signed out after an hour without activity. Sign in again."
        if now - signed_in_at > settings.SESSION_COOKIE_AGE:
            return "You were signed out: a session lasts at most 12 hours. Sign in again."
        if now - last_seen >= LAST_SEEN_PRECISION or LAST_SEEN not in session:
            session[LAST_SEEN] = now
        return None

    def _two_factor_gate(self, request):
        admin_root = reverse("admin:index")
        if not request.path.startswith(admin_root) or request.path in two_factor.open_paths():
            return None
        user = request.user
        if not user.is_staff or user.is_verified():
            return None
        if two_factor.has_device(user):
            # A session that never entered the code (it predates the device): sign in again, with it.
            logout(request)
            return redirect(f"{reverse('admin:login')}?next={request.path}")
        if two_factor.required_for(user):
            return redirect("two_factor")
        return None

