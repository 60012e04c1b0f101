"""The lead list's own filters: whose open leads a person sees by default, and which follow-ups are due."""

from django.contrib import admin
from django.db.models import Q

from .roles import REASSIGN


class WorkloadFilter(admin.SimpleListFilter):
    """By default a counsellor sees the open leads that are theirs or nobody's, and a manager, who looks after
    everyone's (and exports what the list shows), every open lead."""

    title = "leads"
    parameter_name = "leads"

    def __init__(self, request, params, model, model_admin):
        super().__init__(request, params, model, model_admin)
        self.default = "open" if request.user.has_perm(REASSIGN) else "mine"

    def lookups(self, request, model_admin):
        return [("mine", "Open: mine and unassigned"), ("open", "All open"), ("all", "All leads")]

    def choices(self, changelist):
        for value, label in self.lookup_choices:
            yield {
                "selected": (self.value() or self.default) == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request, queryset):
        value = self.value() or self.default
        if value == "mine":
            return queryset.open().filter(Q(owner=request.user) | Q(owner__isnull=True))
        if value == "open":
            return queryset.open()
        return queryset


class DueFilter(admin.SimpleListFilter):
    title = "follow-up due"
    parameter_name = "due"

    def lookups(self, request, model_admin):
        return [("overdue", "Overdue"), ("today", "Today"), ("week", "This week")]

    def queryset(self, request, queryset):
        chosen = {"overdue": queryset.due_overdue, "today": queryset.due_today, "week": queryset.due_this_week}
        return chosen[self.value()]() if self.value() in chosen else queryset
