"""How public pages present themselves when shared or indexed: absolute links, WhatsApp share links and
JSON-LD data blocks."""

import json
from urllib.parse import quote

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe

register = template.Library()

# The characters that could end a <script> block or open an HTML entity, written as JSON escapes.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003C", ">": "\\u003E", "&": "\\u0026"})


@register.filter
def absolute(path):
    """The address of a site path as others must write it: "https://…/articles/…/"."""
    return f"{settings.SITE_URL}{path}"


@register.filter
def whatsapp_share(url, text):
    """A wa.me link that opens WhatsApp with the text and the address already typed."""
    return f"https://wa.me/?text={quote(f'{text} {url}')}"


@register.filter
def json_ld(data):
    """A schema.org data block; the JSON is escaped so that no text in it can close the script element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_SCRIPT_SAFE)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
