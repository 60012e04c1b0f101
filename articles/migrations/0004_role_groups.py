from django.db import migrations


def create_roles(apps, schema_editor):
    from articles.roles import ROLE_PERMISSIONS
    from coaching.roles import sync_role_groups

    sync_role_groups(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]
    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
