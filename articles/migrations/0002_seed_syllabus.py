from django.db import migrations


def seed(apps, schema_editor):
    from articles.syllabus import seed_syllabus

    seed_syllabus(apps)


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
