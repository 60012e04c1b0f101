"""Aggregates the ORM lacks, the same on PostgreSQL and SQLite, so that a dashboard adds up a million rows in
the database instead of fetching them.

Median: PostgreSQL's PERCENTILE_CONT(0.5), which interpolates between the two middle values as
statistics.median does. SQLite has no median, so each SQLite connection is given one when it opens
(CommonConfig.ready); there the values still pass through Python, but only as numbers, never as rows."""

import statistics

from django.db.models import Aggregate


class Median(Aggregate):
    """The median of an expression (numbers or durations); NULLs are left out, None when nothing is left."""

    function = "PERCENTILE_CONT"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function=SQLITE_MEDIAN, template="%(function)s(%(expressions)s)",
                              **extra_context)


SQLITE_MEDIAN = "COACHING_MEDIAN"


class _SqliteMedian:
    """SQLite's side of Median: collects the group's values, returns their median."""

    def __init__(self):
        self.values = []

    def step(self, value):
        if value is not None:
            self.values.append(value)

    def finalize(self):
        return statistics.median(self.values) if self.values else None


def add_median_to_sqlite(sender, connection, **kwargs):
    """connection_created receiver: teach a new SQLite connection the median."""
    if connection.vendor == "sqlite":
        connection.connection.create_aggregate(SQLITE_MEDIAN, 1, _SqliteMedian)
