"""Pages of the long article lists (a paper, a topic, a tag) found without counting the list.

A paper's archive grows by hundreds of articles a year; counting it for "page 1 of N" on every view was the
one part of the page whose cost grew with the archive. A page instead reads one article more than it shows,
which is enough to know whether an older page exists."""

from django.core.paginator import Paginator
from django.http import Http404
from django.utils.functional import cached_property


def page_number(asked):
    """The page number a query parameter asks for; anything but a plain page number is the first page."""
    return int(asked) if asked.isascii() and asked.isdigit() and len(asked) < 7 and int(asked) > 0 else 1


class ArchivePage:
    def __init__(self, queryset, number, per_page):
        self.number = number
        rows = list(queryset[(number - 1) * per_page:number * per_page + 1])
        self.object_list, self._has_next = rows[:per_page], len(rows) > per_page
        if number > 1 and not self.object_list:
            raise Http404("There is no such page in this list.")

    @classmethod
    def of(cls, request, queryset, per_page):
        """The page the request asks for (?page=N)."""
        return cls(queryset, page_number(request.GET.get("page", "")), per_page)

    def has_next(self):
        return self._has_next

    def has_previous(self):
        return self.number > 1

    def has_other_pages(self):
        return self.has_next() or self.has_previous()

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        return self.number - 1


class CappedCountPaginator(Paginator):
    """For the admin's long lists (a million leads): counts at most CAP rows, so no page view counts the whole
    table; beyond that the list says "more than 10000" and offers the first CAP rows' pages, which is where
    the filters and the search lead anyway."""

    CAP = 10_000
    capped = False

    @cached_property
    def count(self):
        counted = self.object_list[:self.CAP + 1].count()
        self.capped = counted > self.CAP
        return min(counted, self.CAP)


class CountsAtMostCap:
    """A ModelAdmin mixin for the long lists: a page view never counts the whole table (at most
    CappedCountPaginator.CAP rows) and shows no "(N total)"."""

    paginator = CappedCountPaginator
    show_full_result_count = False
