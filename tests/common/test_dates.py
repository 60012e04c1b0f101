"""common.dates: the one way the site says when."""

from datetime import date, datetime, timezone as dt_timezone

from django.template import Context, Template
from django.utils import timezone, translation

from common.dates import day, long_day, moment, short_moment

UTC_NOON = datetime(2026, 11, 27, 10, 0, tzinfo=dt_timezone.utc)


def test_a_moment_is_said_in_indian_time_whatever_zone_it_was_stored_in():
    """10:00 UTC reads as "27 Nov 2026, 15:30 IST"; single-digit days have no leading zero; None is blank."""
    assert moment(UTC_NOON) == "27 Nov 2026, 15:30 IST"
    assert moment(datetime(2024, 3, 4, 0, 30, tzinfo=dt_timezone.utc)) == "4 Mar 2024, 06:00 IST"
    assert moment(None) == ""


def test_a_day_is_the_indian_date_of_a_moment_or_a_date():
    """21:00 UTC on 4 March is already 5 March in India; a plain date is written as it is; None is blank."""
    assert day(datetime(2024, 3, 4, 21, 0, tzinfo=dt_timezone.utc)) == "5 Mar 2024"
    assert day(date(2024, 3, 4)) == "4 Mar 2024"
    assert long_day(date(2024, 3, 4)) == "4 March 2024"
    assert day(None) == long_day(None) == ""


def test_a_short_moment_leaves_out_this_year_only():
    """A moment of this year reads "5 Mar, 09:00"; one of another year keeps its year."""
    this_year = timezone.localtime().year
    assert short_moment(datetime(this_year, 3, 5, 3, 30, tzinfo=dt_timezone.utc)) == "5 Mar, 09:00"
    assert short_moment(datetime(2019, 3, 5, 3, 30, tzinfo=dt_timezone.utc)) == "5 Mar 2019, 09:00"
    assert short_moment(None) == ""


def test_month_names_follow_the_active_language():
    """The same day in Hindi names its month in Hindi: written through Django's translated date formats."""
    with translation.override("hi"):
        assert long_day(date(2024, 3, 4)) == "4 मार्च 2024"


def test_hindi_dates_name_the_month_in_full_where_english_abbreviates_it():
    """Hindi has no three-letter month names, so a moment and a day say "मार्च" where English says "Mar"."""
    with translation.override("hi"):
        assert moment(UTC_NOON) == "27 नवंबर 2026, 15:30 IST"
        assert day(UTC_NOON) == "27 नवंबर 2026"
        assert [long_day(date(2024, month, 1)).split()[1] for month in (9, 11, 12)] == ["सितंबर", "नवंबर", "दिसंबर"]


def test_templates_use_the_same_filters_without_loading_them():
    """{{ value|moment }}, |day and |long_day print exactly what the functions return, on any template."""
    rendered = Template("{{ value|moment }} · {{ value|day }} · {{ value|long_day }} · {{ value|short_moment }}").render(
        Context({"value": UTC_NOON}))

    assert rendered == f"27 Nov 2026, 15:30 IST · 27 Nov 2026 · 27 November 2026 · {short_moment(UTC_NOON)}"


def test_a_moment_s_time_of_day_is_on_the_sites_clock():
    """09:00 in India for 03:30 UTC; nothing for None."""
    from datetime import datetime, timezone as tz

    from common.dates import time_of_day

    assert time_of_day(datetime(2024, 3, 5, 3, 30, tzinfo=tz.utc)) == "09:00" and time_of_day(None) == ""
