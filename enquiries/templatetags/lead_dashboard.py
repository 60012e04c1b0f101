from django import template

from enquiries.dashboard import lead_dashboard as build_dashboard
from enquiries.roles import SEE_LEADS

register = template.Library()


@register.inclusion_tag("admin/enquiries/dashboard.html", takes_context=True)
def lead_dashboard(context):
    user = context["request"].user
    if not user.has_perm(SEE_LEADS):
        return {"dashboard": None}
    return {"dashboard": build_dashboard(user)}
