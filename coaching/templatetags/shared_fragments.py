"""{% shared_fragment "name" key… when=condition %}…{% endshared_fragment %}: a part of a page that every
visitor sees alike, rendered once per content change and shared by every app process (coaching.page_cache).
It keeps pages fast for the visitors the page cache cannot serve: staff and anyone with a session.

The name and keys must identify everything the part shows; `when` (optional) shares it only while true, e.g.
only a published article, never a draft preview."""

import hashlib

from django import template
from django.utils.safestring import mark_safe

from coaching.page_cache import remember, version_for

register = template.Library()


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, keys, when):
        self.nodelist, self.keys, self.when = nodelist, keys, when

    def render(self, context):
        request = getattr(context, "request", None)
        if request is None or (self.when is not None and not self.when.resolve(context)):
            return self.nodelist.render(context)
        identity = "\x1f".join(str(key.resolve(context)) for key in self.keys)
        name = f"fragment:{hashlib.sha256(identity.encode()).hexdigest()}"
        return mark_safe(remember(name, lambda: str(self.nodelist.render(context)), version_for(request)))


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
