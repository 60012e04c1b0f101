"""Lists of months: every released month, hundreds of them in a long archive, so they are written in one pass
here rather than by a template loop or format_html (tens of µs a month)."""

from html import escape

from django import template
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from articles.models import MONTH_NAMES, Edition

register = template.Library()


@register.simple_tag
def month_options(months, chosen):
    """The search form's <option>s for (code, label) pairs, the chosen code selected; both escaped."""
    return mark_safe("".join(
        f'<option value="{escape(code)}"{" selected" if code == chosen else ""}>{escape(label)}</option>'
        for code, label in months))


@register.simple_tag
def month_links(year, months):
    """A list item linking to each month (numbers) of the year, named by the month alone (the year is the
    heading above), and in full for a screen reader listing the page's links."""
    return mark_safe("".join(
        f'<li><a href="{escape(Edition.address_for(year, month))}" '
        f'aria-label="{escape(Edition.name_for(year, month))}">{MONTH_NAMES[month]}</a></li>' for month in months))


@register.simple_tag
def month_cards(articles, heading):
    """A month's cards under their chapter and topic headings (which name the paper, the topic and the month,
    so a card holds its title and lead only), written in one pass: a month of 300 articles spent half its
    page in a template include per card. `heading` is the title's level under the headings above it."""
    return mark_safe("".join(
        f'<article class="card"><{heading} class="card__title"><a href="{escape(article.get_absolute_url)}">'
        f'{escape(article.title)}</a></{heading}><p class="card__lead">{escape(Truncator(article.context).words(36))}'
        f'</p></article>' for article in articles))
