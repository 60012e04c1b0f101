"""Who writes and who approves Prelims questions (the same groups as the newsroom, see articles/roles.py)."""

from articles.roles import EDITOR, WRITER

APPROVE = "practice.approve_question"

_WRITE = [
    "practice.add_question", "practice.change_question", "practice.view_question",
    "practice.add_statement", "practice.change_statement", "practice.delete_statement", "practice.view_statement",
    "practice.add_option", "practice.change_option", "practice.delete_option", "practice.view_option",
]

ROLE_PERMISSIONS = {
    EDITOR: [*_WRITE, "practice.delete_question", APPROVE, "practice.view_problemreport",
             "practice.change_problemreport", "practice.add_editionquiz", "practice.change_editionquiz",
             "practice.view_editionquiz"],
    WRITER: _WRITE,
}
