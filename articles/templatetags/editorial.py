from django import template
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article

register = template.Library()


@register.inclusion_tag("admin/articles/desk.html", takes_context=True)
def editorial_desk(context):
    """The admin home's shortcuts to each person's queues, with how many articles wait in each."""
    user = context["request"].user
    if not user.has_perm("articles.view_article"):
        return {"queues": []}
    changelist = reverse("admin:articles_article_changelist")
    queues = []
    if workflow.is_reviewer(user):
        waiting = Article.objects.filter(status=Article.Status.IN_REVIEW).exclude(author=user).count()
        queues.append(("Awaiting my review", f"{changelist}?queue=review", waiting))
        upcoming = Article.objects.filter(status=Article.Status.SCHEDULED, published_at__gt=timezone.now()).count()
        queues.append(("Scheduled to go live", f"{changelist}?queue=upcoming", upcoming))
    drafts = Article.objects.filter(status=Article.Status.DRAFT, author=user).count()
    queues.insert(0 if not queues else 1, ("My drafts", f"{changelist}?queue=mine", drafts))
    return {"queues": queues}
