"""Error pages speak the language of the address that failed, and the Hindi catalogue the site runs on
(the committed django.mo) says exactly what django.po says, with nothing left untranslated."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.db import DataError, OperationalError
from django.urls import include, path
from django.utils import translation

pytestmark = pytest.mark.django_db
CATALOGUE = Path(settings.BASE_DIR) / "locale" / "hi" / "LC_MESSAGES"


def page_whose_database_is_down(request):
    raise OperationalError("connection refused")


def page_with_a_value_the_database_refuses(request):
    raise DataError("A string literal cannot contain NUL (0x00) characters.")


def page_with_a_bug(request):
    raise ValueError("a bug")


urlpatterns = i18n_patterns(
    path("down/", page_whose_database_is_down), path("refused/", page_with_a_value_the_database_refuses),
    path("bug/", page_with_a_bug), path("", include("articles.urls")), prefix_default_language=False)
handler500 = "coaching.outage.server_error"  # as in coaching/urls.py


@pytest.fixture
def failing_client(client, settings):
    settings.ROOT_URLCONF = __name__
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize("address, status, heading, home_link", [
    ("/hi/down/", 503, "हम कुछ ही मिनटों में वापस आएँगे", False),  # no link that needs the database
    ("/hi/refused/", 400, "यह अनुरोध पढ़ा नहीं जा सका", True),
    ("/hi/bug/", 500, "कुछ गड़बड़ हो गई", True),
])
def test_an_error_under_hi_is_explained_in_hindi(failing_client, address, status, heading, home_link):
    """The 503, 400 and 500 pages under /hi/ are Hindi, say lang="hi", and the 400 and 500 lead to the
    Hindi home page."""
    response = failing_client.get(address)

    page = response.content.decode()
    assert response.status_code == status and '<html lang="hi">' in page and heading in page
    assert ('<a class="button" href="/hi/">मुख पृष्ठ पर जाएँ</a>' in page) is home_link


def test_the_same_errors_in_english_stay_english(failing_client):
    """The unprefixed address gets the English 503 with lang="en-IN"."""
    page = failing_client.get("/down/").content.decode()

    assert '<html lang="en-IN">' in page and "We are back in a few minutes" in page


def test_every_string_in_the_hindi_catalogue_is_translated_and_none_is_a_guess():
    """No entry of django.po is empty or marked fuzzy (gettext's guess, which is never shown)."""
    catalogue = polib.pofile(str(CATALOGUE / "django.po"))

    assert catalogue.untranslated_entries() == [] and catalogue.fuzzy_entries() == []
    assert len(catalogue.translated_entries()) > 250


def test_the_compiled_catalogue_is_the_one_the_po_file_says():
    """Each entry of django.po, singular and plural, reads the same from the committed django.mo through
    gettext: a translation edited without `make messages` fails here."""
    catalogue = polib.pofile(str(CATALOGUE / "django.po"))
    with translation.override("hi"):
        for entry in catalogue.translated_entries():
            if entry.msgid_plural:
                assert translation.ngettext(entry.msgid, entry.msgid_plural, 1) == entry.msgstr_plural[0]
                assert translation.ngettext(entry.msgid, entry.msgid_plural, 5) == entry.msgstr_plural[1]
            elif entry.msgctxt:
                assert translation.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr
            else:
                assert translation.gettext(entry.msgid) == entry.msgstr, entry.msgid
