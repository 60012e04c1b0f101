import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0018_readership'),
        ('enquiries', '0012_funnel_steps'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The new index first, so that leads are never without one while the old is dropped.
        migrations.AddIndex(
            model_name='enquiry',
            index=models.Index(fields=['created_at'], include=('owner', 'origin', 'status', 'first_response_at', 'interested_at', 'enrolled_at', 'source_article', 'erased_at'), name='enquiry_created_funnel_idx'),
        ),
        migrations.AlterField(
            model_name='enquiry',
            name='created_at',
            field=models.DateTimeField(default=django.utils.timezone.now),
        ),
    ]
