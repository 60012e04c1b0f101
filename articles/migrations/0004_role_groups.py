from django.db import migrations


class Migration(migrations.Migration):
    """Once created the role groups; they are now synced after every migrate from the role maps (see
    coaching/apps.py), so this migration no longer reads live code and does nothing."""

    dependencies = [
        ("articles", "0003_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]
    operations = []
