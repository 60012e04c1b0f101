from django.db import migrations, models
from django.db.models import Min, OuterRef, Subquery

# A frozen copy of enquiries.models.STAGE_OUTCOMES, as the migrations rule requires.
STAGE_OUTCOMES = {"interested_at": ["demo_booked", "enrolled"], "enrolled_at": ["enrolled"]}


def steps_from_follow_ups(apps, schema_editor):
    """Leads already followed up get the moments their follow-ups reached each step."""
    Enquiry, FollowUp = apps.get_model("enquiries", "Enquiry"), apps.get_model("enquiries", "FollowUp")
    for field, outcomes in STAGE_OUTCOMES.items():
        first = (FollowUp.objects.filter(enquiry=OuterRef("pk"), outcome__in=outcomes).values("enquiry")
                 .annotate(first=Min("at")).values("first"))
        Enquiry.objects.filter(follow_ups__outcome__in=outcomes).update(**{field: Subquery(first)})


class Migration(migrations.Migration):

    dependencies = [
        ('enquiries', '0011_answer_origin'),
    ]

    operations = [
        migrations.AddField(
            model_name='enquiry',
            name='enrolled_at',
            field=models.DateTimeField(blank=True, editable=False, help_text='The first follow-up that enrolled them.', null=True),
        ),
        migrations.AddField(
            model_name='enquiry',
            name='interested_at',
            field=models.DateTimeField(blank=True, editable=False, help_text='The first follow-up that booked a demo or visit, or enrolled.', null=True),
        ),
        migrations.RunPython(steps_from_follow_ups, migrations.RunPython.noop),
    ]
