from django.db import migrations
from django.utils.text import slugify


def seed_syllabus(apps, schema_editor):
    from articles.syllabus import SYLLABUS

    Paper = apps.get_model("articles", "Paper")
    Topic = apps.get_model("articles", "Topic")
    for paper_position, (code, short_name, title, topics) in enumerate(SYLLABUS, start=1):
        paper, _ = Paper.objects.get_or_create(
            code=code, defaults={"short_name": short_name, "title": title, "position": paper_position}
        )
        for topic_position, name in enumerate(topics, start=1):
            Topic.objects.get_or_create(
                paper=paper, slug=slugify(name), defaults={"name": name, "position": topic_position}
            )


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]
    operations = [migrations.RunPython(seed_syllabus, migrations.RunPython.noop)]
