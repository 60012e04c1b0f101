from django import template

from answers.models import MainsQuestion

register = template.Library()


@register.inclusion_tag("answers/write_links.html")
def write_answer_links(article):
    """The invitation under an article to answer its Mains questions, each with its marks and directive."""
    questions = (list(MainsQuestion.objects.public().filter(article__in=article.question_sources))
                 if article.is_published else [])
    return {"article": article, "questions": questions}


def month_questions(edition):
    """The month's public Mains questions, in the order of their articles."""
    return list(MainsQuestion.objects.public().filter(article__edition=edition).select_related("article")
                .order_by("article__published_at", "article__pk", "position", "pk"))


@register.inclusion_tag("answers/month_questions.html")
def month_mains_questions(edition):
    """The edition page's list of the month's Mains questions, each leading to its writing page."""
    return {"questions": month_questions(edition)}


@register.inclusion_tag("answers/pdf_appendix.html")
def mains_appendix(edition):
    """The month's Mains questions as the PDF's appendix, with their marks and word limits."""
    return {"questions": month_questions(edition)}
