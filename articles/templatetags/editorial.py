from django import template
from django.urls import reverse

from articles.models import Article
from articles.queues import queues_for
from articles.roles import VIEW

register = template.Library()


@register.inclusion_tag("admin/articles/desk.html", takes_context=True)
def editorial_desk(context):
    """The admin home's shortcuts to each person's queues, with how many articles wait in each."""
    user = context["request"].user
    if not user.has_perm(VIEW):
        return {"queues": []}
    changelist = reverse("admin:articles_article_changelist")
    return {"queues": [
        (queue.label, f"{changelist}?queue={queue.key}", queue.articles(Article.objects.all(), user).count())
        for queue in queues_for(user)
    ]}


@register.inclusion_tag("admin/articles/most_read.html", takes_context=True)
def most_read_this_month(context):
    """The admin home's "most read this month", per paper, for editors."""
    from django.utils import timezone

    from ..readership import most_read
    from ..roles import PUBLISH

    if not context["request"].user.has_perm(PUBLISH):
        return {"papers": []}
    return {"papers": most_read(timezone.localdate().replace(day=1))}
