"""Template filters for articles.when: {{ value|moment }} and {{ article|live_phrase }}."""

from django import template

from articles import when

register = template.Library()
register.filter("moment", when.moment)
register.filter("live_phrase", when.live_phrase)
