from django import template

from answers.models import MainsQuestion

register = template.Library()


@register.inclusion_tag("answers/write_links.html")
def write_answer_links(article):
    """The invitation under an article to answer its Mains questions, each with its marks and directive."""
    questions = (list(MainsQuestion.objects.public().filter(article__in=article.question_sources))
                 if article.is_published else [])
    return {"article": article, "questions": questions}
