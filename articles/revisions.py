"""Article history on top of django-reversion: readable snapshots, differences and a workflow-safe revert."""

import difflib

import reversion
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.html import format_html, format_html_join
from reversion.models import Version

from . import workflow
from .models import Article, Section, Tag, TaggedArticle
from .sanitize import plain_text
from .when import moment

# Reverting restores content; where the article stands in the workflow is not content.
WORKFLOW_FIELDS = ["status", "published_at", "edit_version"]


def versions_of(article):
    return Version.objects.get_for_object(article).select_related("revision__user")


def snapshot(version):
    """What an article looked like in one revision, as text a person compares."""
    fields = version.field_dict
    rows = {model: [] for model in (Section, TaggedArticle)}
    owner_field = {Section: "article_id", TaggedArticle: "content_object_id"}
    for other in version.revision.version_set.all():
        model = other._model
        if model in rows and str(other.field_dict.get(owner_field[model])) == version.object_id:
            rows[model].append(other.field_dict)
    sections = sorted(rows[Section], key=lambda row: row["position"])
    tag_names = dict(Tag.objects.filter(pk__in=[row["tag_id"] for row in rows[TaggedArticle]]).values_list("pk", "name"))
    return _as_text(
        title=fields["title"], context=fields["context"], mains=fields["mains_questions"],
        sections=[(row["heading"], row["body"]) for row in sections],
        tags=[tag_names.get(row["tag_id"], "?") for row in rows[TaggedArticle]],
    )


def current_snapshot(article):
    return _as_text(
        title=article.title, context=article.context, mains=article.mains_questions,
        sections=[(section.heading, section.body) for section in article.sections.all()],
        tags=list(article.tags.names()),
    )


def _as_text(*, title, context, mains, sections, tags):
    parts = {"Title": title, "Context": context, "Mains question(s)": mains}
    for number, (heading, body) in enumerate(sections, start=1):
        parts[f"Section {number}"] = f"{heading}\n{plain_text(body).strip()}"
    parts["Tags"] = ", ".join(sorted(tags))
    return parts


def differences(old, new):
    """Each part that changed, with words taken out in <del> and put in in <ins>."""
    changed = []
    for label in list(dict.fromkeys([*old, *new])):
        before, after = old.get(label, ""), new.get(label, "")
        if before != after:
            changed.append((label, _word_diff(before, after)))
    return changed


def _word_diff(before, after):
    old_words, new_words = before.split(), after.split()
    pieces = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            pieces.append(format_html("<del>{}</del>", " ".join(old_words[i1:i2])))
        if op in ("insert", "replace"):
            pieces.append(format_html("<ins>{}</ins>", " ".join(new_words[j1:j2])))
        if op == "equal":
            pieces.append(format_html("{}", " ".join(old_words[i1:i2])))
    return format_html_join(" ", "{}", ((piece,) for piece in pieces))


def revert(article, version, user):
    """Restore the article's content, sections, relevances and tags exactly as in `version`.

    Its workflow state stays as it is now; any form opened before the revert becomes out of date.
    """
    if not workflow.can_edit(user, article):
        raise PermissionDenied("You may not edit this article, so you may not revert it.")
    with transaction.atomic():
        current = Article.objects.select_for_update().get(pk=article.pk)
        kept = {field: getattr(current, field) for field in WORKFLOW_FIELDS}
        version.revision.revert(delete=True)
        restored = Article.objects.get(pk=article.pk)
        for field, value in kept.items():
            setattr(restored, field, value)
        restored.edit_version = kept["edit_version"] + 1
        with reversion.create_revision():
            restored.save()
            reversion.set_user(user)
            reversion.set_comment(f"Reverted to the version of {moment(version.revision.date_created)}")
    return restored
