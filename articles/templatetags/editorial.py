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
