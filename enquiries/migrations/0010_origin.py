"""Each lead records where it came from. Existing leads: those logged by staff (any channel but the web form)
came from staff, web leads sent from an article's page from the article, the rest from the form. Leads from
a practice result are marked by practice's own migration, which knows its pages."""

from django.db import migrations, models


def origin_of_existing_leads(apps, schema_editor):
    Enquiry = apps.get_model("enquiries", "Enquiry")  # noqa: N806
    Enquiry.objects.exclude(channel="web").update(origin="staff")
    Enquiry.objects.filter(channel="web", source_article__isnull=False).update(origin="article")


class Migration(migrations.Migration):

    dependencies = [
        ('enquiries', '0009_consent_by'),
    ]

    operations = [
        migrations.AddField(
            model_name='enquiry',
            name='origin',
            field=models.CharField(choices=[('form', 'The enquiry form'), ('article', 'The enquiry form, from an article'), ('practice', 'A Prelims practice result'), ('staff', 'Logged by staff after a call, visit or message')], db_index=True, default='form', max_length=20, verbose_name='came from'),
        ),
        migrations.RunPython(origin_of_existing_leads, migrations.RunPython.noop),
    ]
