"""The newsroom's rule for what students are shown beside an article (Prelims questions, Mains questions):
writers draft them, and only those with the app's approve permission set their status."""


class StatusSetByApprovers:
    """An admin (page or inline) whose `status` field only holders of `approve_permission` may change."""

    approve_permission = None

    def get_readonly_fields(self, request, obj=None):
        # Writers draft; an editor's approval is what puts the question in front of students.
        readonly = list(super().get_readonly_fields(request, obj))
        return readonly if request.user.has_perm(self.approve_permission) else [*readonly, "status"]
