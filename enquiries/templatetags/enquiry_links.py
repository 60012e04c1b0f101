from urllib.parse import urlencode

from django import template
from django.urls import reverse

from enquiries.services import UTM_FIELDS

register = template.Library()


@register.simple_tag(takes_context=True)
def enquiry_url(context):
    """The "For Enquiry" link, carrying the page it was clicked on and the visit's UTM tags."""
    request = context.get("request")
    url = reverse("enquiries:form")
    if request is None or request.path.startswith(url):
        return url
    params = {"from": request.path, **{field: request.GET[field] for field in UTM_FIELDS if request.GET.get(field)}}
    return f"{url}?{urlencode(params)}"
