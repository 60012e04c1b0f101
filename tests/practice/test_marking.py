"""Marking exactly as UPSC marks the Prelims, with exact fractions rounded once."""

import pytest
from decimal import Decimal

from practice import marking
from practice.marking import BLANK, CORRECT, INCORRECT


@pytest.mark.parametrize("right, wrong, blank, marks, maximum", [
    (3, 2, 5, "4.67", "20.00"),       # the example: 6 − 4/3
    (64, 15, 21, "118.00", "200.00"),  # 128 − 10
    (0, 3, 0, "-2.00", "6.00"),
    (1, 1, 0, "1.33", "4.00"),
    (0, 1, 0, "-0.67", "2.00"),
    (0, 0, 4, "0.00", "8.00"),
])
def test_plus_two_minus_two_thirds_zero_for_blank_rounded_once(right, wrong, blank, marks, maximum):
    """+2 a right answer, −2/3 a wrong one, 0 a blank; one rounding of the exact total to two decimals."""
    result = marking.score([CORRECT] * right + [INCORRECT] * wrong + [BLANK] * blank)

    assert (result.marks, result.maximum) == (Decimal(marks), Decimal(maximum))


def test_the_outcomes_are_stored_under_their_names():
    """Answers already stored say "correct", "wrong" or "blank": the names marking gives outcomes stay those."""
    assert (CORRECT, INCORRECT, BLANK) == ("correct", "wrong", "blank")


def test_rounding_happens_once_not_per_question():
    """Seven wrong answers cost exactly 14/3 = 4.67, not 7 × 0.67 = 4.69."""
    assert marking.score([INCORRECT] * 7).marks == Decimal("-4.67")


@pytest.mark.parametrize("chosen, right, outcome", [
    (set(), 5, BLANK), ({5}, 5, CORRECT), ({4}, 5, INCORRECT), ({4, 5}, 5, INCORRECT)])
def test_one_question_right_wrong_or_blank_and_two_choices_are_wrong(chosen, right, outcome):
    assert marking.judge(chosen, right) == outcome


def test_the_summary_counts_negative_marks_and_accuracy():
    """Counts, the marks the wrong answers took, and accuracy over the attempted questions."""
    result = marking.score([CORRECT] * 3 + [INCORRECT] * 2 + [BLANK] * 5)

    assert (result.correct, result.wrong, result.blank) == (3, 2, 5)
    assert result.negative == Decimal("-1.33") and result.accuracy == 60
    assert marking.score([BLANK]).accuracy is None
