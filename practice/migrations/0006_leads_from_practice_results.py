"""Leads asked for from a practice result, before leads recorded where they came from, are found by the
page they were sent from: the practice pages' own addresses, which only this app knows."""

from django.db import migrations


def leads_from_practice_pages(apps, schema_editor):
    Enquiry = apps.get_model("enquiries", "Enquiry")  # noqa: N806
    Enquiry.objects.filter(channel="web", source_page__startswith="/practice/").update(origin="practice")


class Migration(migrations.Migration):
    dependencies = [("practice", "0005_match_list"), ("enquiries", "0010_origin")]
    operations = [migrations.RunPython(leads_from_practice_pages, migrations.RunPython.noop)]
