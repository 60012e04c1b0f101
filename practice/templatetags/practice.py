from django import template

from practice.models import Question
from practice.quizzes import candidates, practised_articles, recent_quizzes

register = template.Library()


@register.simple_tag
def practice_question_count(article):
    """How many public Prelims questions an article offers ({% practice_question_count article as count %})."""
    return Question.objects.public().of_article(article).count() if article.is_published else 0


@register.inclusion_tag("practice/practise_link.html")
def practise_link(article, count):
    """The invitation at the end of an article to its Prelims questions, when it has public ones."""
    return {"article": article, "count": count}


@register.inclusion_tag("practice/home_panel.html")
def practice_panel():
    """The home page's way into practice: the latest month's quiz and the latest articles with questions."""
    return {"quizzes": recent_quizzes(1), "articles": practised_articles(4)}


@register.inclusion_tag("practice/quiz_link.html")
def edition_quiz_link(edition):
    """The month's quiz, offered on the edition page once it has questions."""
    return {"edition": edition, "has_quiz": candidates(edition).exists()}
