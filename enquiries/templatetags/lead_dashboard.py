from django import template

from enquiries.dashboard import lead_dashboard as build_dashboard

register = template.Library()


@register.inclusion_tag("admin/enquiries/dashboard.html", takes_context=True)
def lead_dashboard(context):
    user = context["request"].user
    if not user.has_perm("enquiries.view_enquiry"):
        return {"dashboard": None}
    return {"dashboard": build_dashboard(user)}
