"""Tags move from taggit's table to articles.Tag, whose slugs keep every script. Rows keep their ids, so
the through table and the revisions that name tag ids stay valid; a tag whose slug was empty gets one.
Slugs are made as articles.Tag made them at the time (a frozen copy: migrations never import the project's
code)."""

import unicodedata

from django.core.management.color import no_style
from django.db import migrations, models
import django.db.models.deletion
import taggit.managers

FALLBACK_SLUG = "tag"


def unicode_slug(text):
    """Letters, combining marks and digits kept (the vowel signs of Indian scripts too), the rest a hyphen."""
    words, word = [], []
    for character in unicodedata.normalize("NFKC", text).lower():
        if unicodedata.category(character)[0] in "LMN" or character == "_":
            word.append(character)
        elif character.isspace() or character == "-":
            words.append("".join(word))
            word = []
    words.append("".join(word))
    return "-".join(part for part in words if part)


def copy_tags(apps, schema_editor):
    OldTag = apps.get_model("taggit", "Tag")
    Tag = apps.get_model("articles", "Tag")

    taken = set()
    for old in OldTag.objects.order_by("pk"):
        slug = old.slug or unicode_slug(old.name)[:90] or FALLBACK_SLUG
        base, n = slug, 1
        while slug in taken:
            slug, n = f"{base}_{n}", n + 1
        taken.add(slug)
        Tag.objects.create(pk=old.pk, name=old.name, slug=slug)
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [Tag]):
            cursor.execute(statement)


def copy_tags_back(apps, schema_editor):
    """Going back to the previous release: taggit's table gets every tag again, under the same ids."""
    OldTag = apps.get_model("taggit", "Tag")
    Tag = apps.get_model("articles", "Tag")
    known = set(OldTag.objects.values_list("pk", flat=True))
    OldTag.objects.bulk_create(
        OldTag(pk=tag.pk, name=tag.name, slug=tag.slug) for tag in Tag.objects.exclude(pk__in=known)
    )
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [OldTag]):
            cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_help_texts"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.CreateModel(
            name="Tag",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=100, unique=True, verbose_name="name")),
                ("slug", models.SlugField(allow_unicode=True, max_length=100, unique=True, verbose_name="slug")),
            ],
            options={"ordering": ["name"]},
        ),
        migrations.RunPython(copy_tags, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="taggedarticle",
            name="tag",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="tagged_articles", to="articles.tag"
            ),
        ),
        migrations.AlterField(
            model_name="article",
            name="tags",
            field=taggit.managers.TaggableManager(
                blank=True, help_text="Comma-separated, e.g. India-Japan, Defence.", through="articles.TaggedArticle",
                to="articles.Tag", verbose_name="Tags",
            ),
        ),
        # Listed last so that, migrating backwards, taggit's table is filled before the foreign key returns to it.
        migrations.RunPython(migrations.RunPython.noop, copy_tags_back),
    ]
