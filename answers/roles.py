"""Who writes and approves Mains questions (the newsroom's groups, see articles/roles.py), and who reviews
students' answers: Evaluators (faculty), with editors and the Counselling manager handing answers out."""

from articles.roles import EDITOR, WRITER
from enquiries.roles import COUNSELLING_MANAGER

EVALUATOR = "Evaluator"

APPROVE = "answers.approve_mainsquestion"
REVIEW = "answers.review_answer"  # mark the answers assigned to you
REASSIGN = "answers.reassign_answer"  # give any answer to another evaluator
SEE_ANSWERS = "answers.view_answer"

_WRITE = ["answers.add_mainsquestion", "answers.change_mainsquestion", "answers.view_mainsquestion"]

ROLE_PERMISSIONS = {
    EDITOR: [*_WRITE, "answers.delete_mainsquestion", APPROVE, SEE_ANSWERS, REASSIGN],
    WRITER: _WRITE,
    EVALUATOR: ["answers.view_mainsquestion", SEE_ANSWERS, REVIEW],
    COUNSELLING_MANAGER: [SEE_ANSWERS, REASSIGN],
}
