"""The one allowlist for rich text that students will see.

CKEditor is a convenience for editors, not a security boundary: whatever reaches the database goes
through `clean_rich_text` first.
"""

import html
import re

import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "s", "sub", "sup", "mark",
    "h3", "h4", "h5",
    "ul", "ol", "li", "blockquote", "hr", "code", "pre",
    "a",
    "figure", "figcaption", "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href"},  # title (and lang) are allowed on every tag: nh3's generic attributes
    "ol": {"start", "reversed"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "col": {"span"},
}
# CKEditor wraps tables as <figure class="table">; that class is what keeps them styled.
ALLOWED_CLASSES = {"figure": {"table"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Dropped together with everything inside them, not just unwrapped. (<embed> is void and <template>'s
# content is never part of the page, so both go whole without being listed.)
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "noscript", "title"}

_TAG = re.compile(r"<[^>]+>")


def clean_rich_text(value: str) -> str:
    """Return `value` reduced to the tags and attributes an article section may contain."""
    return nh3.clean(
        value or "",
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


def plain_text(value: str) -> str:
    """Rich text's words without its tags (each tag becomes a space) and with entities decoded; a no-break
    space stays one, which split() and strip() treat as the space it is."""
    return html.unescape(_TAG.sub(" ", value or ""))


def has_visible_text(value: str) -> bool:
    """True when rich text holds words, not just an empty editor's `<p>&nbsp;</p>`."""
    return bool(plain_text(value).strip())
