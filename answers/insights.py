"""What editors learn from the answers students write: per question, how many answered, the median marks
and the rubric part students lose most on; across a month, which directive words they handle worst.

A rubric part's loss is measured against its usual weight in a Mains answer (RUBRIC_WEIGHTS: the body
carries most of the marks), as a share of the marks that part could reasonably have earned."""

from dataclasses import dataclass
from decimal import Decimal
from statistics import median

from .models import RUBRIC, MainsQuestion, Review

# The share of a question's marks each part usually carries when faculty mark a Mains answer.
RUBRIC_WEIGHTS = {"introduction": Decimal("0.15"), "body": Decimal("0.55"), "conclusion": Decimal("0.15"),
                  "presentation": Decimal("0.15")}
LABELS = dict(RUBRIC)


@dataclass
class QuestionInsight:
    question: MainsQuestion
    answers: int  # received, reviewed or not
    reviewed: int
    median_marks: Decimal | None
    weakest_part: str  # the rubric part's label, "" before any review
    weakest_share: int  # percent of that part's weight earned on average

    @property
    def median_percent(self):
        return round(100 * self.median_marks / self.question.marks) if self.median_marks is not None else 0


def question_insights(questions):
    """A QuestionInsight for each question (in the order given), from two queries."""
    from django.db.models import Count

    questions = list(questions)
    counts = dict(MainsQuestion.objects.filter(pk__in=[q.pk for q in questions]).annotate(n=Count("answers"))
                  .values_list("pk", "n"))
    reviews = {}
    for review in Review.objects.filter(answer__question__in=questions).select_related("answer"):
        reviews.setdefault(review.answer.question_id, []).append(review)
    return [_insight(question, counts.get(question.pk, 0), reviews.get(question.pk, [])) for question in questions]


def _insight(question, answers, reviews):
    if not reviews:
        return QuestionInsight(question, answers, 0, None, "", 0)
    shares = {name: sum(getattr(review, name) for review in reviews) / len(reviews)
              / (RUBRIC_WEIGHTS[name] * question.marks) for name, _ in RUBRIC}
    weakest = min(shares, key=shares.get)
    return QuestionInsight(question, answers, len(reviews), median(review.total for review in reviews),
                           str(LABELS[weakest]), round(100 * min(shares[weakest], 1)))


def directive_insights(reviews):
    """[(directive word, answers reviewed, average percent of the marks)] for these reviews, the worst
    handled first."""
    by_directive = {}
    for review in reviews:
        question = review.answer.question
        by_directive.setdefault(question.directive_word, []).append(review.total / question.marks)
    rows = [(word, len(shares), round(100 * sum(shares) / len(shares))) for word, shares in by_directive.items()]
    return sorted(rows, key=lambda row: (row[2], row[0]))


def month_directive_insights(edition):
    return directive_insights(Review.objects.filter(answer__question__article__edition=edition)
                              .select_related("answer__question"))
