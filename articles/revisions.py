"""Article history on top of django-reversion: readable snapshots, differences and a workflow-safe revert."""

import difflib

import reversion
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.html import format_html, format_html_join
from reversion.models import Version

from . import workflow
from .models import Article, Edition, Paper, Relevance, Section, Tag, TaggedArticle, Topic
from .sanitize import plain_text
from common.dates import moment

# Reverting restores content; where the article stands in the workflow (and which English revision a
# translation follows) is not content.
WORKFLOW_FIELDS = ["status", "published_at", "edit_version", "follows_revision"]


def versions_of(article):
    return Version.objects.get_for_object(article).select_related("revision__user")


SECTIONS = "sections"  # in a snapshot: [(heading, plain text)] in order; every other key is one labelled part


def snapshot(version):
    """What an article looked like in one revision, as text a person compares."""
    fields = version.field_dict
    rows = {model: [] for model in (Section, Relevance, TaggedArticle)}
    owner_field = {Section: "article_id", Relevance: "article_id", TaggedArticle: "content_object_id"}
    for other in version.revision.version_set.all():
        model = other._model
        if model in rows and str(other.field_dict.get(owner_field[model])) == version.object_id:
            rows[model].append(other.field_dict)
    tag_names = dict(Tag.objects.filter(pk__in=[row["tag_id"] for row in rows[TaggedArticle]]).values_list("pk", "name"))
    relevances = [Relevance(paper_id=row["paper_id"], topic_id=row["topic_id"], is_primary=row["is_primary"],
                            position=row["position"]) for row in rows[Relevance]]
    papers = Paper.objects.in_bulk({relevance.paper_id for relevance in relevances})
    topics = Topic.objects.in_bulk({relevance.topic_id for relevance in relevances if relevance.topic_id})
    for relevance in relevances:
        relevance.paper, relevance.topic = papers.get(relevance.paper_id), topics.get(relevance.topic_id)
    edition = Edition.objects.filter(pk=fields.get("edition_id")).first() if fields.get("edition_id") else None
    return _as_text(
        title=fields["title"], context=fields["context"], mains=fields["mains_questions"],
        sections=[(row["heading"], row["body"]) for row in sorted(rows[Section], key=lambda row: row["position"])],
        relevances=relevances, edition=edition,
        tags=[tag_names.get(row["tag_id"], "?") for row in rows[TaggedArticle]],
    )


def current_snapshot(article):
    return _as_text(
        title=article.title, context=article.context, mains=article.mains_questions,
        sections=[(section.heading, section.body) for section in article.sections.all()],
        relevances=list(article.relevances.select_related("paper", "topic")), edition=article.edition,
        tags=list(article.tags.names()),
    )


def _as_text(*, title, context, mains, sections, relevances, edition, tags):
    ordered = sorted(relevances, key=lambda relevance: (not relevance.is_primary, relevance.position))
    return {
        "Title": title, "Context": context, "Mains question(s)": mains,
        "Relevance": "; ".join(str(relevance) for relevance in ordered if relevance.paper is not None),
        "Edition": str(edition) if edition else "",
        SECTIONS: [(heading, plain_text(body).strip()) for heading, body in sections],
        "Tags": ", ".join(sorted(tags)),
    }


def differences(old, new):
    """Each part that changed, with words taken out in <del> and put in in <ins>. Sections are matched by
    heading, then (for a heading that was reworded) by position among those left when their text is still
    alike, so a section inserted or removed shows as added or removed instead of shifting every later one."""
    changed = []
    for label in list(dict.fromkeys([*old, *new])):
        if label == SECTIONS:
            changed += [(part, _word_diff(before, after))
                        for part, before, after in _paired_sections(old.get(SECTIONS, []), new.get(SECTIONS, []))
                        if before != after]
            continue
        before, after = old.get(label, ""), new.get(label, "")
        if before != after:
            changed.append((label, _word_diff(before, after)))
    return changed


ALIKE = 0.5  # share of words two versions of a reworded section still have in common


def _paired_sections(old, new):
    """[(label, old text, new text)] for every section of either version, in the new order, removed ones last."""
    key = lambda heading: " ".join(heading.casefold().split())  # noqa: E731
    unmatched_old = list(range(len(old)))
    partner = {}
    for j, (heading, _) in enumerate(new):
        i = next((i for i in unmatched_old if key(old[i][0]) == key(heading)), None)
        if i is not None:
            partner[j] = i
            unmatched_old.remove(i)
    for j in range(len(new)):
        if j in partner:
            continue
        i = next((i for i in unmatched_old
                  if difflib.SequenceMatcher(a=old[i][1].split(), b=new[j][1].split(), autojunk=False).ratio() >= ALIKE),
                 None)
        if i is not None:
            partner[j] = i
            unmatched_old.remove(i)
    rows = []
    for j, (heading, text) in enumerate(new):
        if j in partner:
            before_heading, before_text = old[partner[j]]
            rows.append((f"Section “{heading}”", f"{before_heading}\n{before_text}", f"{heading}\n{text}"))
        else:
            rows.append((f"Section “{heading}” (added)", "", f"{heading}\n{text}"))
    for i in unmatched_old:
        rows.append((f"Section “{old[i][0]}” (removed)", f"{old[i][0]}\n{old[i][1]}", ""))
    return rows


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
