"""The one allowlist for rich text that students will see.

CKEditor is a convenience for editors, not a security boundary: whatever reaches the database goes
through `clean_rich_text` first.
"""

import html
import re

import lxml.html
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


# What CKEditor changes when it merely loads and re-saves a body: which of two equivalent tags it writes,
# wrappers it adds around tables, and whitespace. None of it is an edit.
_SAME_TAG = {"b": "strong", "i": "em"}
_WRAPPERS = {"figure", "thead", "tbody", "tfoot"}
_BLOCKS = {"p", "h3", "h4", "h5", "ul", "ol", "li", "blockquote", "hr", "pre", "table", "caption", "tr", "th", "td",
           "colgroup", "col", "figcaption", "br"}


_BLOCK_EDGES = {(edge, tag) for edge in "<>" for tag in _BLOCKS}  # a block's opening or closing token


def same_rich_text(old: str, new: str) -> bool:
    """True when two bodies would show a reader the same thing, so saving one over the other is no change."""
    return _rendered_form(old) == _rendered_form(new)


def _rendered_form(value: str) -> tuple:
    cleaned = clean_rich_text(value)
    tokens = []
    # The body is parsed inside one <div>, whose tokens open and close every body alike.
    for element in lxml.html.fragments_fromstring(f"<div>{cleaned}</div>"):
        _tokens_of(element, tokens)
    return tuple(_trim_around_blocks(tokens))


def _tokens_of(element, tokens):
    tag = _SAME_TAG.get(element.tag, element.tag)
    shown = tag not in _WRAPPERS
    if shown:
        tokens.append(("<", tag, tuple(sorted(element.attrib.items()))))
    _add_text(element.text, tokens)
    for child in element:
        _tokens_of(child, tokens)
        _add_text(child.tail, tokens)
    if shown:
        tokens.append((">", tag))


def _add_text(text, tokens):
    if text:
        tokens.append(("text", re.sub(r"\s+", " ", text)))


def _trim_around_blocks(tokens):
    """Whitespace next to a block's edge is layout, not text. (At the body's two ends there is none left:
    clean_rich_text strips it.)"""
    def is_block(token):
        return token is not None and token[:2] in _BLOCK_EDGES

    trimmed = []
    padded = [None, *tokens, None]
    for before, token, after in zip(padded, padded[1:], padded[2:]):
        if token[0] == "text":
            text = token[1]
            if is_block(before):
                text = text.lstrip()
            if is_block(after):
                text = text.rstrip()
            if not text:
                continue
            token = ("text", text)
        trimmed.append(token)
    return trimmed
