"""The one way the site says when something happens, in the site's time zone (settings.TIME_ZONE):
"5 Mar 2024, 09:00 IST" for a moment, "5 Mar 2024" for a day, and their narrow and long forms.

Written through Django's date formatting, so month names follow the active language; every human date on
a page, in the admin or in a mail comes from here (tests/test_architecture.py keeps it so)."""

import datetime

from django.utils import timezone, translation
from django.utils.dateformat import format
from django.utils.translation import gettext_noop

# Languages whose three-letter month names are not words (Hindi's "मा" for March): their dates name the
# month in full ("5 मार्च 2024, 09:00 IST").
MONTHS_IN_FULL = {"hi"}

# Month names whose Hindi in Django's own catalogue is misspelt (सितमबर for सितंबर): named here so that
# `make messages` keeps them in the project's catalogue, whose translations take precedence.
CORRECTED_MONTH_NAMES = (gettext_noop("September"), gettext_noop("November"), gettext_noop("December"))

MOMENT = "j M Y, H:i T"  # 5 Mar 2024, 09:00 IST (settings' DATETIME_FORMAT, common/formats)
DAY = "j M Y"            # 5 Mar 2024 (DATE_FORMAT)
LONG_DAY = "j F Y"       # 5 March 2024: the public pages' form


def written(value, pattern):
    if translation.get_language() in MONTHS_IN_FULL:
        pattern = pattern.replace("M", "F")
    return format(value, pattern)


def _local(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value) if timezone.is_aware(value) else value
    return value


def moment(value):
    """A point in time as people read it, e.g. "5 Mar 2024, 09:00 IST"; "" for None."""
    return "" if value is None else written(_local(value), MOMENT)


def short_moment(value):
    """The same point in a narrow column: "5 Mar, 09:00" this year, "5 Mar 2025, 09:00" in another."""
    if value is None:
        return ""
    local = _local(value)
    return written(local, "j M, H:i" if local.year == timezone.localdate().year else "j M Y, H:i")


def time_of_day(value):
    """The time of a moment on the site's clock, e.g. "09:00"; "" for None."""
    return "" if value is None else written(_local(value), "H:i")


def day(value):
    """The day of a date or moment, e.g. "5 Mar 2024"; "" for None."""
    return "" if value is None else written(_local(value), DAY)


def long_day(value):
    """The day with its month in full, as the public pages write it: "5 March 2024"; "" for None."""
    return "" if value is None else written(_local(value), LONG_DAY)
