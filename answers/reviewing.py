"""The review desk's rules: who reviews which answer, and what a review may say.

Answers are handed out in turn among active evaluators as they arrive (as leads are among counsellors); an
evaluator may claim an answer nobody holds; an editor or the Counselling manager may give any answer not
yet reviewed to another evaluator. Only the evaluator holding an answer reviews it, once, on the rubric:
each part in half marks, none negative, together at most the question's marks."""

import logging
from datetime import timedelta
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from common.people import display_name
from common.turns import next_in_turn

from .models import RUBRIC, Answer, Review, ReviewComment, ReviewTurn
from .roles import EVALUATOR, REASSIGN, REVIEW

logger = logging.getLogger(__name__)

REVIEW_WITHIN = timedelta(hours=48)  # the desk's target: an answer waiting longer is overdue
HALF = Decimal("0.5")


def evaluators():
    """Active evaluator logins, in a fixed order: the turn hands answers to these."""
    return get_user_model().objects.filter(is_active=True, is_staff=True, groups__name=EVALUATOR).order_by("pk")


def due_at(answer):
    return answer.submitted_at + REVIEW_WITHIN


def hand_out(answer):
    """Give a new answer to the next evaluator in turn (inside the caller's transaction); None when there is
    no active evaluator, and then it waits unassigned for someone to claim it."""
    turn = ReviewTurn.objects.select_for_update().filter(pk=1).values_list("last_evaluator_id", flat=True)
    last = list(turn)
    if not last:
        ReviewTurn.objects.bulk_create([ReviewTurn(pk=1)], ignore_conflicts=True)
        last = list(turn.all())
    chosen = next_in_turn(list(evaluators()), last[0])
    if chosen is not None:
        ReviewTurn.objects.filter(pk=1).update(last_evaluator=chosen)
        answer.evaluator = chosen
        answer.save(update_fields=["evaluator"])
    return chosen


def claim(answer, user):
    """An evaluator takes an answer that nobody (active) holds."""
    if not user.has_perm(REVIEW):
        raise PermissionDenied("Only evaluators review answers.")
    with transaction.atomic():
        answer = Answer.objects.select_for_update(of=("self",)).select_related("evaluator").get(pk=answer.pk)
        if answer.status == Answer.Status.REVIEWED:
            raise ValidationError("This answer has been reviewed already.")
        if answer.evaluator is not None and answer.evaluator.is_active and answer.evaluator != user:
            raise PermissionDenied(f"{display_name(answer.evaluator)} holds this answer: ask an editor or the "
                                   "Counselling manager to give it to you.")
        answer.evaluator = user
        answer.save(update_fields=["evaluator"])
    return answer


def reassign(answer, to, by):
    """An editor or the Counselling manager gives an answer not yet reviewed to another active evaluator."""
    if not by.has_perm(REASSIGN):
        raise PermissionDenied("Only an editor or the Counselling manager gives answers to someone else.")
    if not evaluators().filter(pk=to.pk).exists():
        raise ValidationError(f"{display_name(to)} is not an active evaluator.")
    with transaction.atomic():
        answer = Answer.objects.select_for_update().get(pk=answer.pk)
        if answer.status == Answer.Status.REVIEWED:
            raise ValidationError("This answer has been reviewed already.")
        answer.evaluator = to
        answer.save(update_fields=["evaluator"])
    return answer


def marks_of(raw, maximum):
    """The rubric's marks from what the form sent ({part: text}), or ValidationError per part: numbers in
    half marks, none negative, summing to at most `maximum`."""
    marks, errors = {}, {}
    for name, label in RUBRIC:
        try:
            value = Decimal(str(raw.get(name, "")).strip().replace(",", "."))
        except InvalidOperation:
            errors[name] = f"Give the marks for “{label}” as a number, in half marks (e.g. 2.5)."
            continue
        if not value.is_finite() or value < 0:
            errors[name] = f"The marks for “{label}” cannot be negative."
        elif value % HALF:
            errors[name] = f"Give the marks for “{label}” in half marks (e.g. 2 or 2.5)."
        elif value > maximum:
            errors[name] = f"The marks for “{label}” exceed the question's {maximum}."
        else:
            marks[name] = value
    if not errors and sum(marks.values()) > maximum:
        errors["__all__"] = (f"The parts add up to {sum(marks.values())}, more than the question's {maximum} "
                             "marks.")
    if errors:
        raise ValidationError(errors)
    return marks


def comments_of(answer, anchored, general):
    """The review's comments: `anchored` [(start, end, text)] on passages of the typed answer, `general`
    [text]. A passage must lie within the answer; empty comments are dropped."""
    kept = []
    for start, end, text in anchored:
        text = (text or "").strip()
        if not text:
            continue
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(answer.text)):
            raise ValidationError({"comments": "A comment points at words that are not in the answer: select "
                                               "the passage again."})
        kept.append(ReviewComment(start=start, end=end, quote=answer.text[start:end], text=text))
    kept += [ReviewComment(text=text.strip()) for text in general if (text or "").strip()]
    return kept


def review(answer, by, *, marks, remark, anchored=(), general=()):
    """Store `by`'s review of `answer`; return it. Refused unless `by` holds the answer and it is not yet
    reviewed; marks as marks_of(); an overall remark is required."""
    if not by.has_perm(REVIEW):
        raise PermissionDenied("Only evaluators review answers.")
    with transaction.atomic():
        answer = Answer.objects.select_for_update().select_related("question").get(pk=answer.pk)
        if answer.evaluator_id != by.pk:
            raise PermissionDenied("This answer is not assigned to you: claim it first, or ask for it to be "
                                   "given to you.")
        if answer.status == Answer.Status.REVIEWED:
            raise ValidationError("This answer has been reviewed already.")
        marks = marks_of(marks, answer.question.marks)
        if not (remark or "").strip():
            raise ValidationError({"remark": "Write an overall remark: it is what the student reads first."})
        comments = comments_of(answer, anchored, general)
        done = Review.objects.create(answer=answer, evaluator=by, remark=remark.strip(), **marks)
        for comment in comments:
            comment.review = done
        ReviewComment.objects.bulk_create(comments)
        answer.status, answer.reviewed_at = Answer.Status.REVIEWED, timezone.now()
        answer.save(update_fields=["status", "reviewed_at"])
        if answer.email:
            transaction.on_commit(lambda: tell_the_student(answer))
    return done


def tell_the_student(answer):
    """Queue the mail that says the review is ready, in the language the answer was written in, with its
    private link (the student's own address is the only one it goes to). A failure is logged: the review is
    saved and its page says it all."""
    try:
        with translation.override(answer.language):
            body = render_to_string("answers/email/review_ready.txt", {
                "answer": answer, "link": settings.SITE_URL + answer.get_absolute_url(),
                "site_name": settings.SITE_NAME})
            send_mail(gettext("Your Mains answer has been reviewed"), body, None, [answer.email])
    except Exception:  # the queue is the database: if it failed now, the student still finds the review
        logger.exception("Could not queue the review-ready mail for answer %s", answer.pk)
