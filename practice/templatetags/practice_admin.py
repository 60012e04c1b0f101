from django import template

from practice.models import Question

register = template.Library()


@register.inclusion_tag("admin/practice/article_questions.html", takes_context=True)
def article_questions(context, article):
    """The article's Prelims questions on its admin page, each linked to its own page, with an add link.
    (A list, not an inline formset: statements and options need a page of their own.)"""
    user = context["request"].user
    questions = list(Question.objects.filter(article=article).prefetch_related("options").order_by("position", "pk"))
    return {"article": article, "questions": questions,
            "can_add": user.has_perm("practice.add_question"), "can_view": user.has_perm("practice.view_question")}
