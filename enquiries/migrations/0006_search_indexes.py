"""Trigram indexes so that the counsellors' search of a million leads (a part of a name, an email, a city or
a phone number, matched anywhere) reads an index instead of every row. PostgreSQL only: the expressions are
the ones Django's case-insensitive "contains" compares, UPPER(column::text). SQLite scans, as it always has."""

from django.db import migrations

FIELDS = ["name", "phone", "email", "city"]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for field in FIELDS:
            schema_editor.execute(f"CREATE INDEX enquiry_{field}_trgm_idx ON enquiries_enquiry "
                                  f"USING gin (UPPER({field}::text) gin_trgm_ops)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for field in FIELDS:
            schema_editor.execute(f"DROP INDEX IF EXISTS enquiry_{field}_trgm_idx")


class Migration(migrations.Migration):
    dependencies = [("enquiries", "0005_longer_messages")]
    operations = [migrations.RunPython(create, drop)]
