"""Template filters for common.dates: {{ value|moment }}, {{ value|short_moment }}, {{ value|day }},
{{ value|long_day }}, {{ value|time_of_day }}."""

from django import template

from common import dates

register = template.Library()
for name in ("moment", "short_moment", "day", "long_day", "time_of_day"):
    register.filter(name, getattr(dates, name))
