"""Who writes and approves Mains questions (the newsroom's groups, see articles/roles.py)."""

from articles.roles import EDITOR, WRITER

APPROVE = "answers.approve_mainsquestion"

_WRITE = ["answers.add_mainsquestion", "answers.change_mainsquestion", "answers.view_mainsquestion"]

ROLE_PERMISSIONS = {
    EDITOR: [*_WRITE, "answers.delete_mainsquestion", APPROVE],
    WRITER: _WRITE,
}
