"""Questions that mislead: the classical item analysis of each question students have answered enough.

For every question with at least MIN_ATTEMPTS ranked (counted, first) answers:
- difficulty: the share of those answers that were right;
- discrimination: the share right among the top 27 % of the same quiz's scorers minus the share right
  among its bottom 27 % (each quiz — an article's questions, a month's quiz — ranks its own attempts by
  their marks; the groups of every quiz the question was in are pooled). A good question is answered right
  more often by those who did well overall; a negative figure means the strong students were misled;
- each option's share of the answers (blanks apart).
A question is flagged when its discrimination is negative or one wrong option was chosen more often than
the key; the list puts the flagged first, the most negative discrimination first among them.

Adding up every ranked answer takes seconds at a million answers, so the editors' page shows the figures
stored by refresh() (`manage.py refresh_item_analysis`, every REFRESH_MINUTES) and says when they were
computed."""

import logging
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Case, Count, F, When, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from .marking import CORRECT, INCORRECT
from .models import Answer, Option, Question

logger = logging.getLogger(__name__)

MIN_ATTEMPTS = 20
GROUP_PERCENT = 27
STORE_KEY = "practice:item-analysis:rows"
REFRESH_MINUTES = 15  # deploy/systemd/coaching-analysis.timer


@dataclass
class ItemAnalysis:
    question_id: int
    answered: int
    difficulty: float  # share right, 0–1
    discrimination: float  # −1 to 1
    options: list = field(default_factory=list)  # [(label, share 0–1, is the key)]
    flags: list = field(default_factory=list)
    question: Question | None = None  # read by with_questions()

    @property
    def suspicious(self):
        return bool(self.flags)


def analyse():
    """ItemAnalysis of every question with enough ranked answers, with its question, the most suspicious
    first, computed now."""
    return with_questions(_figures())


def latest():
    """(ItemAnalysis list without their questions, when its figures were computed) for the editors' page:
    the figures stored by refresh() (run every REFRESH_MINUTES by the timer, as adding up a million answers
    takes seconds), or computed now when none are stored; a question dropped since is left out."""
    try:
        stored = cache.get(STORE_KEY)
    except Exception:  # a store that is down shows figures computed now, slower, never an error
        logger.warning("Stored item analysis unreadable; computing it now.", exc_info=True)
        stored = None
    try:
        items, at = [ItemAnalysis(*row) for row in stored["rows"]], stored["at"]
    except (TypeError, KeyError, ValueError):  # none stored yet, or stored in a shape this release does not read
        at, items = refresh()
    dropped = set(Question.objects.filter(pk__in=[item.question_id for item in items],
                                          dropped_at__isnull=False).values_list("pk", flat=True))
    return [item for item in items if item.question_id not in dropped], at


def refresh():
    """Compute the figures and store them for latest(); returns (when, the ItemAnalysis list)."""
    at, items = timezone.now(), _figures()
    # Plain rows, not pickled objects: figures stored by an older release still read, or are refused whole.
    rows = [(item.question_id, item.answered, item.difficulty, item.discrimination, item.options, item.flags)
            for item in items]
    try:
        cache.set(STORE_KEY, {"at": at, "rows": rows}, timeout=None)
    except Exception:
        logger.warning("Item analysis not stored.", exc_info=True)
    return at, items


def with_questions(items):
    """The items with their questions read (one query), those whose question is gone left out."""
    questions = Question.objects.in_bulk([item.question_id for item in items])
    for item in items:
        item.question = questions.get(item.question_id)
    return [item for item in items if item.question is not None]


def _figures():
    """ItemAnalysis (without the question) of every question still in use with enough ranked answers, the
    most suspicious first, added up by the database (a million answers are never fetched), from three
    queries."""
    from django.db import connection

    figures = {}
    with connection.cursor() as cursor:
        cursor.execute(*_figures_sql())
        for question, answered, right, lower, lower_right, upper, upper_right in cursor.fetchall():
            figures[question] = (answered, right / answered, _share_of(upper_right, upper) - _share_of(lower_right, lower))
    if not figures:
        return []
    chosen = {}
    for question, option, n in (Answer.objects.filter(attempt__ranked=True, question__in=list(figures),
                                                      outcome__in=[CORRECT, INCORRECT])
                                .values("question", "option").annotate(n=Count("pk"))
                                .values_list("question", "option", "n").order_by()):
        chosen.setdefault(question, {})[option] = n
    options = {}
    for option in Option.objects.filter(question__in=list(figures)).order_by("position", "pk"):
        options.setdefault(option.question_id, []).append(option)
    items = [_analyse(pk, options.get(pk, []), *numbers, chosen.get(pk, {})) for pk, numbers in figures.items()]
    return sorted(items, key=lambda item: (not item.suspicious, item.discrimination, item.question_id))


def _figures_sql():
    """(SQL, params) of one row per question with at least MIN_ATTEMPTS ranked answers: answered, right, and
    the size and right answers of its lower and upper groups. Each answer is placed among the answers to
    the same question in the same quiz (an article's or a month's) by its sheet's marks, so the groups are
    the same quiz's weakest and strongest scorers; window functions do it in the database."""
    quiz = [F("question"), Case(When(attempt__article__isnull=False, then=F("attempt__article"))),
            Case(When(attempt__article__isnull=True, then=F("attempt__edition")))]
    # Marks are 2 a right answer and −⅔ a wrong one: 3 × right − wrong orders sheets the same way.
    marks = F("attempt__correct") * 3 - F("attempt__wrong")
    placed = (Answer.objects.filter(attempt__ranked=True, question__dropped_at__isnull=True)
              .annotate(place=Window(RowNumber(), partition_by=quiz, order_by=[marks.asc(), F("attempt").asc()]),
                        quiz_size=Window(Count("pk"), partition_by=quiz))
              .values("question_id", "outcome", "place", "quiz_size").order_by())
    inner, params = placed.query.sql_with_params()
    # ceil(GROUP_PERCENT % of n) in integers, the same in every database.
    group = "((%s * quiz_size + 99) / 100)"
    sql = (f"SELECT question_id, COUNT(*), SUM(CASE WHEN outcome = %s THEN 1 ELSE 0 END), "
           f"SUM(CASE WHEN place <= {group} THEN 1 ELSE 0 END), "
           f"SUM(CASE WHEN place <= {group} AND outcome = %s THEN 1 ELSE 0 END), "
           f"SUM(CASE WHEN place > quiz_size - {group} THEN 1 ELSE 0 END), "
           f"SUM(CASE WHEN place > quiz_size - {group} AND outcome = %s THEN 1 ELSE 0 END) "
           f"FROM ({inner}) placed GROUP BY question_id HAVING COUNT(*) >= %s")
    return sql, [CORRECT, GROUP_PERCENT, GROUP_PERCENT, CORRECT, GROUP_PERCENT, GROUP_PERCENT, CORRECT, *params,
                 MIN_ATTEMPTS]


def _analyse(question_id, options, answered, difficulty, discrimination, chosen):
    total = sum(chosen.values())
    shares = [(option.label, chosen.get(option.pk, 0) / total if total else 0.0, option.is_correct)
              for option in options]
    flags = []
    if discrimination < 0:
        flags.append("negative discrimination: the strongest scorers got it wrong more often than the weakest")
    key_share = max((share for _, share, is_key in shares if is_key), default=0.0)
    beating = [label for label, share, is_key in shares if not is_key and share > key_share]
    if beating:
        flags.append(f"wrong option ({beating[0]}) chosen more often than the key")
    return ItemAnalysis(question_id, answered, difficulty, discrimination, shares, flags)


def _share_of(part, whole):
    return part / whole if whole else 0.0
