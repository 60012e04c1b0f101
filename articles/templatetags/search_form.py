"""The search form's month list: every released month is an option, hundreds of them in a long archive,
so they are written in one pass here rather than by a template loop or format_html (tens of µs an option)."""

from html import escape

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def month_options(months, chosen):
    """<option>s for (code, label) pairs, the chosen code selected; both escaped."""
    return mark_safe("".join(
        f'<option value="{escape(code)}"{" selected" if code == chosen else ""}>{escape(label)}</option>'
        for code, label in months))
