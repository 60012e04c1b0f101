"""Questions that mislead: the classical item analysis of each question students have answered enough.

For every question with at least MIN_ATTEMPTS ranked (counted, first) answers:
- difficulty: the share of those answers that were right;
- discrimination: the share right among the top 27 % of the same quiz's scorers minus the share right
  among its bottom 27 % (each quiz — an article's questions, a month's quiz — ranks its own attempts by
  their marks; the groups of every quiz the question was in are pooled). A good question is answered right
  more often by those who did well overall; a negative figure means the strong students were misled;
- each option's share of the answers (blanks apart).
A question is flagged when its discrimination is negative or one wrong option was chosen more often than
the key; the list puts the flagged first, the most negative discrimination first among them."""

import math
from dataclasses import dataclass, field

from .marking import CORRECT, INCORRECT
from .models import Answer, Question

MIN_ATTEMPTS = 20
GROUP_SHARE = 0.27


@dataclass
class ItemAnalysis:
    question: Question
    answered: int
    difficulty: float  # share right, 0–1
    discrimination: float  # −1 to 1
    options: list = field(default_factory=list)  # [(label, share 0–1, is the key)]
    flags: list = field(default_factory=list)

    @property
    def suspicious(self):
        return bool(self.flags)


def analyse():
    """ItemAnalysis of every question with enough ranked answers, the most suspicious first."""
    rows = list(Answer.objects.filter(attempt__ranked=True, question__dropped_at__isnull=True)
                .values_list("question_id", "option_id", "outcome", "attempt_id", "attempt__article_id",
                             "attempt__edition_id", "attempt__correct", "attempt__wrong"))
    by_question = {}
    for row in rows:
        by_question.setdefault(row[0], []).append(row)
    enough = {pk: answers for pk, answers in by_question.items() if len(answers) >= MIN_ATTEMPTS}
    if not enough:
        return []
    questions = Question.objects.filter(pk__in=list(enough)).prefetch_related("options").in_bulk()
    analyses = [_analyse(questions[pk], list(questions[pk].options.all()), answers) for pk, answers in enough.items()]
    return sorted(analyses, key=lambda item: (not item.suspicious, item.discrimination, item.question.pk))


def _analyse(question, options, answers):
    right = [outcome == CORRECT for _, _, outcome, *rest in answers]
    by_quiz = {}
    for _, _, outcome, attempt, article, edition, correct, wrong in answers:
        # Marks are 2 a right answer and −⅔ a wrong one: 3 × right − wrong orders attempts the same way.
        by_quiz.setdefault(("article", article) if article else ("edition", edition), []).append(
            (3 * correct - wrong, attempt, outcome == CORRECT))
    upper, lower = [], []
    for scored in by_quiz.values():
        scored.sort(key=lambda item: (item[0], item[1]))
        size = math.ceil(GROUP_SHARE * len(scored))
        lower += [is_right for _, _, is_right in scored[:size]]
        upper += [is_right for _, _, is_right in scored[-size:]]
    discrimination = _share(upper) - _share(lower)
    chosen = [option for _, option, outcome, *rest in answers if outcome in (CORRECT, INCORRECT)]
    shares = [(option.label, chosen.count(option.pk) / len(chosen) if chosen else 0.0, option.is_correct)
              for option in options]
    flags = []
    if discrimination < 0:
        flags.append("negative discrimination: the strongest scorers got it wrong more often than the weakest")
    key_share = max((share for _, share, is_key in shares if is_key), default=0.0)
    beating = [label for label, share, is_key in shares if not is_key and share > key_share]
    if beating:
        flags.append(f"wrong option ({beating[0]}) chosen more often than the key")
    return ItemAnalysis(question, len(answers), _share(right), discrimination, shares, flags)


def _share(values):
    return sum(values) / len(values) if values else 0.0
