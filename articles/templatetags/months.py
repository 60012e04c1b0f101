"""Lists of months: every released month, hundreds of them in a long archive, so they are written in one pass
here rather than by a template loop or format_html (tens of µs a month)."""

from html import escape

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def month_options(months, chosen):
    """The search form's <option>s for (code, label) pairs, the chosen code selected; both escaped."""
    return mark_safe("".join(
        f'<option value="{escape(code)}"{" selected" if code == chosen else ""}>{escape(label)}</option>'
        for code, label in months))


@register.simple_tag
def month_links(editions):
    """A list item linking to each edition, named by its month (the year is the heading above it), and in
    full for a screen reader listing the page's links."""
    return mark_safe("".join(
        f'<li><a href="{escape(edition.get_absolute_url())}" aria-label="{escape(str(edition))}">'
        f'{escape(edition.month_name)}</a></li>' for edition in editions))
