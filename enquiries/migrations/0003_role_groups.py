from django.db import migrations


def create_roles(apps, schema_editor):
    from coaching.roles import sync_role_groups
    from enquiries.roles import ROLE_PERMISSIONS

    sync_role_groups(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("enquiries", "0002_leads"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
