"""Submitting a quiz: reading the answers a form sent, marking them and keeping the attempt, once."""

import uuid

from django.core import signing
from django.db import IntegrityError, transaction

from . import marking
from .models import Answer, Attempt

TOKEN_SALT = "practice.submission"


class BadAnswers(ValueError):
    """The form sent something no question paper offers; the message says what."""


def new_token():
    """A one-time token for a freshly opened quiz form."""
    return signing.dumps(uuid.uuid4().hex, salt=TOKEN_SALT)


def read_token(value):
    try:
        return signing.loads(value or "", salt=TOKEN_SALT)
    except signing.BadSignature:
        raise BadAnswers("This answer sheet is not one we gave out: open the quiz again.") from None


def read_choices(data, questions):
    """{question: option or None} from a submitted form whose fields are "q<question id>" = option id.

    Raises BadAnswers for a field of no question on this paper, an option of another question, or two
    choices for one question.
    """
    by_field = {f"q{question.pk}": question for question in questions}
    unknown = [name for name in data if name.startswith("q") and name[1:].isdigit() and name not in by_field]
    if unknown:
        raise BadAnswers("An answer was sent for a question that is not on this paper.")
    choices = {}
    for name, question in by_field.items():
        values = [value for value in data.getlist(name) if value != ""]
        if len(values) > 1:
            raise BadAnswers(f"Question {question.number} has more than one answer: choose one.")
        if not values:
            choices[question] = None
            continue
        option = next((option for option in question.options.all() if str(option.pk) == values[0]), None)
        if option is None:
            raise BadAnswers(f"The answer sent for question {question.number} is not one of its options.")
        choices[question] = option
    return choices


def submit(*, choices, token, device, by_staff, article=None, edition=None, late=False):
    """Mark the answers and keep the attempt; the same token again returns the attempt already kept."""
    submission = read_token(token)
    existing = Attempt.objects.filter(submission=submission).first()
    if existing is not None:
        return existing
    outcomes = {question: marking.judge({option.pk} if option else set(),
                                        question.right_option.pk if question.right_option else None)
                for question, option in choices.items()}
    result = marking.score(outcomes.values())
    earlier = Attempt.objects.filter(device=device, article=article, edition=edition).exists()
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                article=article, edition=edition, device=device, submission=submission, late=late,
                by_staff=by_staff, ranked=not by_staff and not earlier and not late,
                correct=result.correct, wrong=result.wrong, blank=result.blank, marks=result.marks,
                maximum=result.maximum)
            Answer.objects.bulk_create([Answer(attempt=attempt, question=question, option=option,
                                               outcome=outcomes[question]) for question, option in choices.items()])
    except IntegrityError:  # the same sheet sent twice at once: the first one stored wins
        return Attempt.objects.get(submission=submission)
    return attempt
