"""Marking exactly as UPSC marks the Prelims: +2 for a right answer, a third of that taken away for a wrong
one, nothing for a blank; more than one choice is a wrong answer. Computed with exact fractions and
rounded once, to two decimals, at the end (3 right and 2 wrong of 10 → 4.67 of 20)."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

RIGHT = Fraction(2)
WRONG = -RIGHT / 3

CORRECT, INCORRECT, BLANK = "correct", "wrong", "blank"


def judge(chosen, right):
    """How one question went: `chosen` is the set of options picked, `right` the key's option."""
    if not chosen:
        return BLANK
    return CORRECT if chosen == {right} else INCORRECT


@dataclass(frozen=True)  # pragma: no mutate (nothing ever changes a Score)
class Score:
    correct: int
    wrong: int
    blank: int

    @property
    def questions(self):
        return self.correct + self.wrong + self.blank

    @property
    def exact(self):
        return self.correct * RIGHT + self.wrong * WRONG

    @property
    def marks(self):
        """The score rounded once, half up, to two decimals."""
        return _two_places(self.exact)

    @property
    def maximum(self):
        return _two_places(self.questions * RIGHT)

    @property
    def negative(self):
        """What the wrong answers took away (a negative number, or 0)."""
        return _two_places(self.wrong * WRONG)

    @property
    def accuracy(self):
        """Right answers as a share of the questions attempted, in per cent (None when none was attempted)."""
        attempted = self.correct + self.wrong
        return round(100 * self.correct / attempted) if attempted else None


def score(outcomes):
    outcomes = list(outcomes)
    return Score(correct=outcomes.count(CORRECT), wrong=outcomes.count(INCORRECT), blank=outcomes.count(BLANK))


def _two_places(value):
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
