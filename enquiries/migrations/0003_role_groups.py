from django.db import migrations


class Migration(migrations.Migration):
    """Once created the role groups; they are now synced after every migrate from the role maps (see
    coaching/apps.py), so this migration no longer reads live code and does nothing."""

    dependencies = [
        ("enquiries", "0002_leads"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = []
