"""Prelims questions for the practice tests, written for them in the project's own words."""

from practice import keys
from practice.models import Option, Question, Statement

EXPLAINED = "Explained with the facts of the article."


def question(article, stem="Which body recommends how taxes are shared between the Union and the States?", *,
             shape=keys.SINGLE, statements=(), options=None, status=Question.Status.APPROVED, position=0, **kwargs):
    """A question with `options` as (text, correct) pairs (the first correct by default), each explained."""
    made = Question.objects.create(article=article, stem=stem, shape=shape, status=status, position=position, **kwargs)
    for number, (text, is_true) in enumerate(statements, start=1):
        Statement.objects.create(question=made, position=number, text=text, is_true=is_true,
                                 note=f"Statement {number} note.")
    options = options or [("The Finance Commission", True), ("NITI Aayog", False), ("The RBI", False),
                          ("The GST Council", False)]
    for position, (text, correct) in enumerate(options):
        Option.objects.create(question=made, position=position, text=text, is_correct=correct,
                              explanation=f"{EXPLAINED} ({keys.label(position)})")
    return made


def statements_question(article, flags=(True, False, True), key="1 and 3 only", **kwargs):
    """"Which of the statements is/are correct?" with the given true/false marks and the option named `key` correct."""
    codes = ["1 only", "1 and 3 only", "2 and 3 only", "1, 2 and 3"]
    return question(
        article, "Consider the following statements about the Finance Commission:", shape=keys.WHICH_CORRECT,
        statements=[(f"Statement number {number} about the commission.", flag) for number, flag in enumerate(flags, 1)],
        options=[(code, code == key) for code in codes], **kwargs)
