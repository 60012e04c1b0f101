"""Submitting a quiz: reading the answers a form sent, marking them and keeping the attempt, once."""

import time
import uuid

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _, gettext_lazy

from articles.models import Article
from common.dates import day

from . import importer, marking
from .models import Answer, Attempt, Option, Question, Statement

TOKEN_SALT = "practice.submission"


NOT_IN_ATTEMPT = gettext_lazy("That question is not part of this attempt.")


class BadAnswers(ValueError):
    """The form sent something no question paper offers; the message says what."""


# A ranked (counted) attempt took at least this long a question: a sheet handed in faster was not read, and
# counting it would let a script skew every student's statistics.
MIN_SECONDS_PER_QUESTION = 10


def new_token(started_at=None):
    """A one-time token for a freshly opened quiz form, carrying when the student's time started (for the timer
    and the minimum time): now, or when this device first opened the month's quiz."""
    return signing.dumps({"sheet": uuid.uuid4().hex, "at": time.time() if started_at is None else started_at},
                         salt=TOKEN_SALT)


def read_token(value):
    """(the sheet's id, when it was handed out); a token we did not sign is refused."""
    try:
        token = signing.loads(value or "", salt=TOKEN_SALT)
        return str(token["sheet"]), float(token["at"])
    except (signing.BadSignature, TypeError, KeyError, ValueError):
        raise BadAnswers(_("This answer sheet is not one we gave out: open the quiz again.")) from None


def handed_in_late(token, time_limit, grace):
    """True when the sheet comes back more than `grace` seconds after its time limit ran out."""
    return time.time() - read_token(token)[1] > time_limit + grace


def too_quick(token, questions):
    """True when the sheet came back sooner than MIN_SECONDS_PER_QUESTION a question after its time started."""
    return time.time() - read_token(token)[1] < MIN_SECONDS_PER_QUESTION * len(questions)


def read_choices(data, questions):
    """{question: option or None} from a submitted form whose fields are "q<question id>" = option id.

    Raises BadAnswers for a field of no question on this paper, an option of another question, or two
    choices for one question.
    """
    by_field = {f"q{question.pk}": question for question in questions}
    unknown = [name for name in data if name.startswith("q") and name[1:].isdigit() and name not in by_field]
    if unknown:
        raise BadAnswers(_("An answer was sent for a question that is not on this paper."))
    choices = {}
    for name, question in by_field.items():
        values = [value for value in data.getlist(name) if value != ""]
        if len(values) > 1:
            raise BadAnswers(_("Question %(number)s has more than one answer: choose one.") % {"number": question.number})
        if not values:
            choices[question] = None
            continue
        option = next((option for option in question.options.all() if str(option.pk) == values[0]), None)
        if option is None:
            raise BadAnswers(_("The answer sent for question %(number)s is not one of its options.")
                             % {"number": question.number})
        choices[question] = option
    return choices


def submit(*, choices, token, device, by_staff, article=None, edition=None, late=False, countable=True):
    """Mark the answers and keep the attempt; the same token again returns the attempt already kept. It is
    ranked (counted in the statistics) only when it is the device's first, a student's, on time and
    `countable` (the caller's rules: not handed in too quickly)."""
    submission, _ = read_token(token)
    existing = Attempt.objects.filter(submission=submission).first()
    if existing is not None:
        return existing
    outcomes = {question: _outcome(question, option) for question, option in choices.items()}
    result = marking.score(outcome for question, outcome in outcomes.items() if not question.dropped_at)
    earlier = Attempt.objects.filter(device=device, article=article, edition=edition).exists()
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                article=article, edition=edition, device=device, submission=submission, late=late,
                by_staff=by_staff, ranked=countable and not by_staff and not earlier and not late,
                correct=result.correct, wrong=result.wrong, blank=result.blank, marks=result.marks,
                maximum=result.maximum)
            Answer.objects.bulk_create([Answer(attempt=attempt, question=question, option=option,
                                               outcome=outcomes[question]) for question, option in choices.items()])
    except IntegrityError:  # the same sheet sent twice at once: the first one stored wins
        return Attempt.objects.get(submission=submission)
    return attempt


def _outcome(question, option):
    right = question.right_option
    return marking.judge({option.pk} if option else set(), right.pk if right else None)


def in_each_language(write):
    """An erratum as `write()` words it in English and in Hindi: it is stored in both, since it is shown to
    students of either language long after the request that made it."""
    with translation.override(Article.Language.ENGLISH):
        english = write()
    with translation.override(Article.Language.HINDI):
        return english, write()


def correct_key(question, right_before):
    """After a question's options were saved: if its correct option is no longer `right_before` (the pk it
    had) and students have answered it, note the correction on it and re-mark their answers. Returns how
    many attempts were marked again."""
    right = question.options.filter(is_correct=True).first()
    if right_before is None or right is None or right.pk == right_before or not question.answers.exists():
        return 0
    today = timezone.now()
    question.erratum, question.erratum_hi = in_each_language(
        lambda: _("Key corrected on %(day)s: the answer is (%(label)s).") % {"day": day(today), "label": right.label})
    question.save(update_fields=["erratum", "erratum_hi"])
    return rescore(question)


def drop_question(question):
    """Take a faulty question out of every attempt: it is marked dropped with a dated erratum, and every
    attempt that answered it is marked again without it. Returns how many attempts were marked again."""
    question.dropped_at = timezone.now()
    question.erratum, question.erratum_hi = in_each_language(
        lambda: _("Dropped on %(day)s: this question no longer counts.") % {"day": day(question.dropped_at)})
    question.save(update_fields=["dropped_at", "erratum", "erratum_hi"])
    return rescore(question)


def rescore(question):
    """Mark every stored answer to `question` again (after its key was corrected or it was dropped) and bring
    each attempt's totals up to date; a dropped question leaves every attempt's maximum."""
    attempt_ids = set(Answer.objects.filter(question=question).values_list("attempt_id", flat=True))
    for attempt in Attempt.objects.filter(pk__in=attempt_ids).prefetch_related("answers__question__options"):
        with transaction.atomic():
            outcomes = []
            for answer in attempt.answers.all():
                outcome = _outcome(answer.question, answer.option)
                if outcome != answer.outcome:
                    answer.outcome = outcome
                    answer.save(update_fields=["outcome"])
                if not answer.question.dropped_at:
                    outcomes.append(outcome)
            result = marking.score(outcomes)
            Attempt.objects.filter(pk=attempt.pk).update(correct=result.correct, wrong=result.wrong,
                                                         blank=result.blank, marks=result.marks, maximum=result.maximum)
    return len(attempt_ids)


def report_problem(*, attempt, question, text):
    """File a student's report about a question of their attempt for the editors' errata queue."""
    from .models import ProblemReport

    text = " ".join((text or "").split())
    if not text:
        raise BadAnswers(_("Say what is wrong with the question (for example, which answer you think is right and "
                           "why)."))
    if not attempt.answers.filter(question=question).exists():
        raise BadAnswers(NOT_IN_ATTEMPT)
    return ProblemReport.objects.create(attempt=attempt, question=question, text=text[:1000])


def blank_reports_naming(sender, person, **kwargs):
    """Students' problem reports that hold the number or email of a person being erased are blanked with
    their leads (connected to enquiries.erasure.person_erased by coaching/apps.py)."""
    from .models import ProblemReport

    person.blank_mentions(ProblemReport.objects.all(), "text")


def import_questions(text, *, article=None):
    """Read pasted questions (practice/importer.py) and store each as a draft under `article` (an editor
    approves them after a look). Returns (the saved questions, the importer's report)."""
    parsed, report = importer.parse(text)
    saved = []
    with transaction.atomic():
        for position, found in enumerate(parsed):
            question = Question.objects.create(
                article=article, shape=found.shape, stem=found.stem or f"Question {found.number}",
                second_explains_first=found.second_explains_first, position=position, status=Question.Status.DRAFT)
            Statement.objects.bulk_create([
                Statement(question=question, position=number, text=statement, is_true=flag)
                for number, (statement, flag) in enumerate(zip(found.statements, found.flags), start=1)])
            Option.objects.bulk_create([
                Option(question=question, position=index, text=option[:500], is_correct=index == found.answer,
                       explanation=found.explanation if index == found.answer else "")
                for index, option in enumerate(found.options[:4])])
            saved.append(question)
    return saved, report


def resolve_reports(reports):
    """Close the open ones of these problem reports (the question was fixed or dropped); returns how many."""
    return reports.filter(resolved_at__isnull=True).update(resolved_at=timezone.now())
