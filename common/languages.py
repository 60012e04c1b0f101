"""How each of the site's languages (settings.LANGUAGES) is named to browsers and search engines."""

from django.utils import translation

# The `lang`/`hreflang`/inLanguage tag: the English site is written for India (dates day first, lakh and
# crore), so it says en-IN; Hindi is hi.
HTML_LANGUAGE = {"en": "en-IN", "hi": "hi"}


def html_language(language=None):
    """The tag of `language`, or of the page being made."""
    return HTML_LANGUAGE[language or translation.get_language()]
