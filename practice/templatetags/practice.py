from django import template

from practice.models import Question
from practice.quizzes import candidates

register = template.Library()


@register.inclusion_tag("practice/practise_link.html")
def practise_link(article):
    """The invitation at the end of an article to its Prelims questions, when it has public ones."""
    count = Question.objects.public().filter(article=article).count() if article.is_published else 0
    return {"article": article, "count": count}


@register.inclusion_tag("practice/quiz_link.html")
def edition_quiz_link(edition):
    """The month's quiz, offered on the edition page once it has questions."""
    return {"edition": edition, "has_quiz": candidates(edition).exists()}
