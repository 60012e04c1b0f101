"""{% shared_fragment "name" key… when=condition %}…{% endshared_fragment %}: a part of a page that every
visitor sees alike, rendered once per content change and shared by every app process (coaching.page_cache).
It keeps pages fast for the visitors the page cache cannot serve: staff and anyone with a session.

The name and keys (with the page's language) must identify everything the part shows; `when` (optional)
shares it only while true, e.g. only a published article, never a draft preview. What differs from visitor
to visitor inside a shared part (a CSRF token, a form's hidden fields) goes in `{% per_visitor variable %}`:
the shared copy keeps a marker there, and each request writes in its own value."""

import hashlib
import re

from django import template
from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from coaching.page_cache import page_address, remember, version_for

register = template.Library()


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, keys, when):
        self.nodelist, self.keys, self.when = nodelist, keys, when

    def render(self, context):
        request = getattr(context, "request", None)
        if request is None or (self.when is not None and not self.when.resolve(context)):
            return self.nodelist.render(context)
        # The same part reads differently in each language (its labels, dates and month names).
        identity = "\x1f".join([translation.get_language(), *(str(key.resolve(context)) for key in self.keys)])
        name = f"fragment:{hashlib.sha256(identity.encode()).hexdigest()}"

        def render_shared_copy():
            with context.push({SHARING: True}):
                return str(self.nodelist.render(context))

        return mark_safe(_fill_in(remember(name, render_shared_copy, version_for(request)), context))


# Set while a shared copy is rendered: per-visitor values are left as markers. Page content is escaped (and
# rich text sanitised, comments removed), so a marker never comes from what the page shows.
SHARING = "_rendering_a_shared_fragment"
MARKER = "<!--per-visitor:{}-->"
MARKERS = re.compile(r"<!--per-visitor:([\w.]+)-->")


def _fill_in(shared, context):
    """The shared copy with this request's values in place of its markers (left in while an enclosing shared
    part is being rendered: they are filled in when that part is served)."""
    if context.get(SHARING) or "<!--per-visitor:" not in shared:
        return shared
    return MARKERS.sub(lambda match: conditional_escape(template.Variable(match[1]).resolve(context)), shared)


class PerVisitorNode(template.Node):
    def __init__(self, name):
        self.name = name

    def render(self, context):
        if context.get(SHARING):
            return MARKER.format(self.name)
        return conditional_escape(template.Variable(self.name).resolve(context))


@register.tag
def per_visitor(parser, token):
    bits = token.split_contents()[1:]
    if len(bits) != 1 or not re.fullmatch(r"[\w.]+", bits[0]):
        raise template.TemplateSyntaxError("per_visitor takes one variable, e.g. {% per_visitor visitor_fields %}.")
    return PerVisitorNode(bits[0])


@register.tag
def shared_fragment(parser, token):
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("shared_fragment needs a name, e.g. {% shared_fragment 'article' article.pk %}.")
    when = None
    if bits[-1].startswith("when="):
        when = parser.compile_filter(bits.pop()[len("when="):])
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    return SharedFragmentNode(nodelist, [parser.compile_filter(bit) for bit in bits], when)


@register.filter(name="page_address")
def page_address_filter(request):
    """{% shared_fragment "list" request|page_address %}: a part keyed by the page it is on, whatever else the
    query string holds (coaching.page_cache.page_address)."""
    return page_address(request)
