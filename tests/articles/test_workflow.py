from datetime import datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from articles import workflow
from articles.models import Article, Edition, Transition
from tests.conftest import sent_mail
from tests.factories import (
    ArticleFactory, EditionFactory, SectionFactory, UserFactory, publishable_article, relevance, staff_user,
)

pytestmark = pytest.mark.django_db
IST = ZoneInfo("Asia/Kolkata")


def at(moment):
    """Run the code inside with the clock stopped at `moment`."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_full_path_from_draft_to_published_is_recorded_as_a_timeline(writer, editor):
    """Each move stores who made it, when, from which state to which, with its comment."""
    article = publishable_article(author=writer)

    workflow.apply(article, "submit", writer)
    workflow.apply(article, "request_changes", editor, comment="Add the 2023 figures.")
    workflow.apply(article, "submit", writer)
    workflow.apply(article, "approve", editor)
    workflow.apply(article, "publish", editor)

    article.refresh_from_db()
    assert article.status == "published" and article.is_published
    steps = list(Transition.objects.filter(article=article).order_by("id").values_list(
        "actor__username", "from_status", "to_status", "comment"))
    assert steps == [
        ("arjun", "draft", "in_review", ""),
        ("meera", "in_review", "draft", "Add the 2023 figures."),
        ("arjun", "draft", "in_review", ""),
        ("meera", "in_review", "approved", ""),
        ("meera", "approved", "published", ""),
    ]


def test_a_move_from_the_wrong_state_is_refused_and_changes_nothing(editor):
    """Publishing a draft that was never reviewed is refused with a message naming its state."""
    article = publishable_article()

    with pytest.raises(ValidationError, match="is draft; it cannot be moved by “Publish now”"):
        workflow.apply(article, "publish", editor)

    article.refresh_from_db()
    assert article.status == "draft" and not Transition.objects.exists()


def test_request_changes_needs_a_comment(editor):
    """Sending an article back without saying why is refused."""
    article = publishable_article(status="in_review")

    with pytest.raises(ValidationError) as refused:
        workflow.apply(article, "request_changes", editor, comment="  ")

    assert refused.value.messages == ["Say what needs to change: the writer sees this comment."]


def test_publish_checks_block_approval_with_the_right_messages(editor):
    """An article missing a primary relevance, an edition, a second section and Way Forward cannot be approved."""
    article = ArticleFactory(status="in_review", edition=None)
    SectionFactory(article=article, position=1, heading="Background")

    with pytest.raises(ValidationError) as refused:
        workflow.apply(article, "approve", editor)

    assert refused.value.messages == [
        "Add a primary relevance with both a GS paper and a syllabus topic.",
        "Choose the edition (month) the article belongs to.",
        "Write at least 2 sections with text (this article has 1).",
        'Add a section headed "Way Forward", or ask an editor to tick "publish without a Way Forward section".',
    ]
    article.refresh_from_db()
    assert article.status == "in_review"


def test_way_forward_variants_and_the_editor_override_satisfy_the_last_check(editor):
    """ "The Way Ahead" counts as Way Forward; without it, the editor's override lets the article through."""
    variant = publishable_article(status="in_review")
    variant.sections.filter(heading="Way Forward").update(heading="The Way Ahead:")
    news_item = publishable_article(status="in_review")
    news_item.sections.filter(heading="Way Forward").update(heading="Why in news?")

    workflow.apply(variant, "approve", editor)
    with pytest.raises(ValidationError):
        workflow.apply(news_item, "approve", editor)
    Article.objects.filter(pk=news_item.pk).update(skip_way_forward_check=True)
    workflow.apply(news_item, "approve", editor)

    assert set(Article.objects.values_list("status", flat=True)) == {"approved"}


@pytest.mark.parametrize("heading", ["आगे की राह", "आगे का रास्ता"])
def test_a_hindi_articles_way_forward_is_its_closing_section_in_hindi(editor, heading):
    """A Hindi article closing with "आगे की राह" (or "आगे का रास्ता") passes the Way Forward check."""
    hindi = publishable_article(status="in_review", language="hi")
    hindi.sections.filter(heading="Way Forward").update(heading=heading)

    workflow.apply(hindi, "approve", editor)

    assert Article.objects.get(pk=hindi.pk).status == "approved"


def test_scheduled_article_is_invisible_at_0559_and_visible_at_0600_ist_everywhere(editor, client):
    """Scheduled for 06:00 IST, an article is absent from every public surface at 05:59:59 and present at 06:00."""
    article = publishable_article(status="approved", title="Dawn article", slug="dawn-article",
                                  edition=EditionFactory(year=2024, month=3))
    article.tags.set(["Dawn"])
    six_am = datetime(2031, 5, 1, 6, 0, tzinfo=IST)
    with at(six_am - timedelta(days=1)):
        workflow.apply(article, "schedule", editor, when=six_am)

    surfaces = ["/", "/papers/gs2/", "/papers/gs2/international-relations/", "/editions/2024/03/", "/tags/dawn/",
                "/articles/dawn-article/", "/feeds/articles/", "/search/?q=dawn", "/articles/dawn-article/text/"]
    with at(six_am - timedelta(seconds=1)):
        before = {url: client.get(url) for url in surfaces}
        assert "/articles/dawn-article/" not in client.get("/sitemap.xml").content.decode()
        assert not Article.objects.published().filter(pk=article.pk).exists()
    with at(six_am):
        after = {url: client.get(url) for url in surfaces}
        assert "/articles/dawn-article/" in client.get("/sitemap.xml").content.decode()
        assert Article.objects.published().filter(pk=article.pk).exists()

    for url in surfaces:
        assert "Dawn article" not in before[url].content.decode(), url
        assert after[url].status_code == 200, url
        assert "Dawn article" in after[url].content.decode(), url
    assert before["/articles/dawn-article/"].status_code == 404


def test_scheduling_needs_a_future_time(editor):
    """A schedule in the past is refused with a pointer to Publish now."""
    article = publishable_article(status="approved")

    with pytest.raises(ValidationError, match="Choose a time in the future"):
        workflow.apply(article, "schedule", editor, when=timezone.now() - timedelta(minutes=5))


def test_release_schedules_every_approved_article_of_the_edition_and_opens_its_page(editor, client):
    """Releasing April 2024 at a time schedules its approved articles for then; the edition page opens then."""
    april = EditionFactory(year=2024, month=4, unreleased=True)
    ready = [publishable_article(status="approved", edition=april, title=f"Ready {n}") for n in range(2)]
    still_draft = publishable_article(edition=april, title="Still a draft")
    broken = publishable_article(status="approved", edition=april, title="Broken after approval")
    broken.sections.all().delete()
    release_time = datetime(2031, 4, 1, 6, 0, tzinfo=IST)

    with at(release_time - timedelta(hours=2)):
        scheduled, held_back = workflow.release_edition(april, editor, release_time)
        closed = client.get("/editions/2024/04/")
    with at(release_time):
        opened = client.get("/editions/2024/04/")

    assert sorted(a.title for a in scheduled) == ["Ready 0", "Ready 1"]
    assert [(a.title, problems[0]) for a, problems in held_back] == [
        ("Broken after approval", "Write at least 2 sections with text (this article has 0).")]
    for article in ready:
        article.refresh_from_db()
        assert (article.status, article.published_at) == ("scheduled", release_time)
    assert Article.objects.get(pk=still_draft.pk).status == "draft"
    assert closed.status_code == 404
    assert opened.status_code == 200 and "Ready 0" in opened.content.decode()


def test_edition_counts_show_states_and_papers_including_empty_ones(editor):
    """An edition's summary counts articles per state and ready articles per paper, zeros included."""
    april = EditionFactory(year=2024, month=4, unreleased=True)
    publishable_article(status="approved", edition=april)
    publishable_article(edition=april)
    publishable_article(status="in_review", edition=april)
    space = ArticleFactory(status="scheduled", edition=april)
    relevance(space, "gs3", "Space")

    counted = next(workflow.with_edition_counts(Edition.objects.filter(pk=april.pk)))

    assert dict(counted.counts_by_status) == {
        "Draft": 1, "In review": 1, "Approved": 1, "Scheduled": 1, "Published": 0, "Unpublished (archived)": 0}
    assert dict(counted.counts_by_paper) == {"GS1": 0, "GS2": 1, "GS3": 1, "GS4": 0, "Essay": 0, "Prelims": 0}


def test_author_is_emailed_when_changes_are_requested_and_when_the_article_goes_live(
        writer, editor, django_capture_on_commit_callbacks):
    """Request changes, schedule and publish each send the author one email with what they need."""
    article = publishable_article(author=writer, status="in_review", title="Monsoon and sowing")

    with django_capture_on_commit_callbacks(execute=True):
        workflow.apply(article, "request_changes", editor, comment="Cite the IMD forecast.")
        workflow.apply(article, "submit", writer)
        workflow.apply(article, "approve", editor)
        workflow.apply(article, "schedule", editor, when=datetime(2031, 5, 1, 6, 0, tzinfo=IST))
        workflow.apply(article, "publish", editor)

    assert [(m.to, m.subject) for m in sent_mail()] == [
        (["arjun@example.com"], "Changes requested: Monsoon and sowing"),
        (["arjun@example.com"], "Scheduled for 1 May 2031, 06:00 IST: Monsoon and sowing"),
        (["arjun@example.com"], "Published: Monsoon and sowing"),
    ]
    assert "Cite the IMD forecast." in mail.outbox[0].body
    assert f"/admin/articles/article/{article.pk}/change/" in mail.outbox[0].body
    assert "/articles/" in mail.outbox[2].body and "is now live" in mail.outbox[2].body


def test_a_mail_outage_does_not_undo_the_move(writer, editor, django_capture_on_commit_callbacks):
    """If the mail server is down the article is still published, and the failure is logged."""
    article = publishable_article(author=writer, status="approved")

    with mock.patch("articles.notifications.send_mail", side_effect=OSError("SMTP down")), \
            mock.patch("articles.notifications.logger") as logger, \
            django_capture_on_commit_callbacks(execute=True):
        workflow.apply(article, "publish", editor)

    article.refresh_from_db()
    assert article.status == "published"
    logger.exception.assert_called_once()


def test_roles_decide_who_may_edit(writer, editor):
    """Writers edit only their own drafts; editors edit anything; counsellors nothing."""
    other_writer = staff_user("ravi", role="Writer")
    counsellor = staff_user("kavya", role="Counsellor")
    own_draft = publishable_article(author=writer)
    own_in_review = publishable_article(author=writer, status="in_review")
    own_published = publishable_article(author=writer, status="published", published_at=timezone.now())

    assert workflow.can_edit(writer, own_draft)
    assert not workflow.can_edit(writer, own_in_review)
    assert not workflow.can_edit(writer, own_published)
    assert not workflow.can_edit(other_writer, own_draft)
    assert all(workflow.can_edit(editor, a) for a in (own_draft, own_in_review, own_published))
    assert not workflow.can_edit(counsellor, own_draft)


def test_a_writer_cannot_publish_even_by_calling_the_workflow_directly(writer):
    """The rule lives in the workflow module, so a command or a crafted call is refused too."""
    article = publishable_article(author=writer, status="approved")

    with pytest.raises(PermissionDenied):
        workflow.apply(article, "publish", writer)
    assert Article.objects.get(pk=article.pk).status == "approved"


def test_unknown_move_is_refused():
    """A made-up move name gives a clear error."""
    with pytest.raises(ValidationError, match="Unknown workflow action"):
        workflow.apply(publishable_article(), "teleport", UserFactory(is_superuser=True, is_staff=True))


@pytest.mark.parametrize("offset", [timedelta(0), -timedelta(days=3)])
def test_releasing_now_or_at_a_past_time_schedules_the_approved_articles_at_once(editor, client, offset):
    """An edition released "now" (or backdated) puts its approved articles live at that very time."""
    april = EditionFactory(year=2024, month=4, unreleased=True)
    article = publishable_article(status="approved", edition=april, title="Out with the month")
    now = timezone.now()

    with at(now):
        scheduled, held_back = workflow.release_edition(april, editor, now + offset)

    article.refresh_from_db()
    assert (scheduled, held_back) == ([article], [])
    assert (article.status, article.published_at) == ("scheduled", now + offset)
    assert client.get(article.get_absolute_url()).status_code == 200
    assert client.get("/editions/2024/04/").status_code == 200


@pytest.mark.parametrize("when", [None, "", "2024-04-01"])
def test_a_blank_or_malformed_release_time_is_refused_and_keeps_the_edition_as_it_was(editor, when):
    """Releasing without a proper time is refused; an edition already released stays released, unchanged."""
    released_at = timezone.now() - timedelta(days=2)
    march = EditionFactory(year=2024, month=3, release_at=released_at)
    waiting = publishable_article(status="approved", edition=march)

    with pytest.raises(ValidationError) as refused:
        workflow.release_edition(march, editor, when)

    assert refused.value.messages == ["Choose the date and time the edition is released."]
    march.refresh_from_db()
    waiting.refresh_from_db()
    assert march.release_at == released_at and waiting.status == "approved"


def test_release_mails_each_scheduled_articles_author(writer, editor, django_capture_on_commit_callbacks):
    """Each author whose article an edition release schedules gets one "Scheduled for …" mail."""
    april = EditionFactory(year=2024, month=4, unreleased=True)
    publishable_article(author=writer, status="approved", edition=april, title="Heat action plans")
    release_time = datetime(2031, 4, 1, 6, 0, tzinfo=IST)

    with django_capture_on_commit_callbacks(execute=True):
        workflow.release_edition(april, editor, release_time)

    assert [(m.to, m.subject) for m in sent_mail()] == [
        (["arjun@example.com"], "Scheduled for 1 Apr 2031, 06:00 IST: Heat action plans")]


def test_publish_now_keeps_the_date_of_an_article_already_live_and_dates_a_scheduled_one_now(editor):
    """"Publish now" on a live scheduled article keeps its publication time; on one still ahead it uses now."""
    went_live = timezone.now() - timedelta(days=3)
    live = publishable_article(status="scheduled", published_at=went_live)
    ahead = publishable_article(status="scheduled", published_at=timezone.now() + timedelta(days=3))
    now = timezone.now()

    with at(now):
        workflow.apply(live, "publish", editor)
        workflow.apply(ahead, "publish", editor)

    live.refresh_from_db()
    ahead.refresh_from_db()
    assert (live.status, live.published_at) == ("published", went_live)
    assert (ahead.status, ahead.published_at) == ("published", now)


def test_unpublishing_a_scheduled_article_keeps_it_from_going_live(editor, client):
    """A scheduled article that is unpublished before its time never appears, even after that time."""
    go_live = timezone.now() + timedelta(hours=2)
    article = publishable_article(status="scheduled", published_at=go_live)

    workflow.apply(article, "unpublish", editor)

    article.refresh_from_db()
    assert (article.status, article.published_at) == ("unpublished", go_live)  # the plan stays on record
    with at(go_live + timedelta(minutes=1)):
        assert client.get(article.get_absolute_url()).status_code == 404


def test_request_changes_takes_a_scheduled_article_off_the_schedule(writer, editor):
    """Sending a scheduled article back clears its go-live time, so it cannot appear as a draft later."""
    article = publishable_article(author=writer, status="scheduled", published_at=timezone.now() + timedelta(days=1))

    workflow.apply(article, "request_changes", editor, comment="Update the figures.")

    article.refresh_from_db()
    assert (article.status, article.published_at) == ("draft", None)


@pytest.mark.parametrize("who", ["inactive editor", "editor without staff status"])
def test_only_active_staff_may_move_articles_or_release_editions(who):
    """An editor whose login is disabled, or who is not staff, may neither publish nor release."""
    person = staff_user("meera", role="Editor", is_active=who != "inactive editor")
    person.is_staff = who != "editor without staff status"
    person.save()
    april = EditionFactory(year=2024, month=4, unreleased=True)
    article = publishable_article(status="approved", edition=april)

    with pytest.raises(PermissionDenied):
        workflow.apply(article, "publish", person)
    with pytest.raises(PermissionDenied):
        workflow.release_edition(april, person, timezone.now())

    article.refresh_from_db()
    april.refresh_from_db()
    assert article.status == "approved" and april.release_at is None


def test_an_inactive_author_may_not_submit_their_own_draft(writer):
    """A writer whose login was disabled cannot move even their own draft."""
    article = publishable_article(author=writer)
    writer.is_active = False
    writer.save()

    with pytest.raises(PermissionDenied):
        workflow.apply(article, "submit", writer)


def test_refusals_say_exactly_what_is_wrong(writer, editor):
    """Each refusal names the problem in words a writer or editor can act on."""
    approved = publishable_article(status="approved", title="Budget basics")
    cases = [
        (lambda: workflow.apply(approved, "publish", writer), PermissionDenied,
         "Your role may not publish now articles."),
        (lambda: workflow.apply(approved, "teleport", editor), ValidationError, "Unknown workflow action “teleport”."),
        (lambda: workflow.apply(approved, "schedule", editor), ValidationError,
         "Choose the date and time the article should go live."),
        (lambda: workflow.apply(approved, "schedule", editor, when=timezone.now()), ValidationError,
         "Choose a time in the future to schedule; use “Publish now” to publish at once."),
        (lambda: workflow.apply(approved, "submit", editor), ValidationError,
         "“Budget basics” is approved; it cannot be moved by “Submit for review”."),
        (lambda: workflow.release_edition(approved.edition, writer, timezone.now()), PermissionDenied,
         "Your role may not release editions."),
    ]
    for attempt, error, message in cases:
        with pytest.raises(error) as refused:
            attempt()
        assert (refused.value.messages if error is ValidationError else [str(refused.value)]) == [message]


def test_a_move_bumps_the_edit_version_and_keeps_a_revision_named_after_it(writer, editor):
    """After a move, a form opened before it is out of date, and History shows the move with its comment."""
    from articles.revisions import versions_of

    article = publishable_article(author=writer, status="in_review", edit_version=5)

    workflow.apply(article, "request_changes", editor, comment="Cite the report.")

    article.refresh_from_db()
    assert article.edit_version == 6
    latest = versions_of(article).first()
    assert latest.revision.comment == "Request changes: Cite the report." and latest.revision.user == editor


def test_available_moves_follow_state_and_role(writer, editor):
    """A writer's draft offers them only Submit; an approved article offers an editor its publishing moves."""
    draft = publishable_article(author=writer)
    approved = publishable_article(author=writer, status="approved")

    assert [move.name for move in workflow.available_moves(writer, draft)] == ["submit"]
    assert [move.name for move in workflow.available_moves(writer, approved)] == []
    assert [move.name for move in workflow.available_moves(editor, approved)] == [
        "request_changes", "schedule", "publish"]
    assert [move.name for move in workflow.available_moves(editor, draft)] == ["submit"]


def test_scheduling_for_this_very_moment_is_refused(editor):
    """"Schedule" needs a time strictly in the future; now is "Publish now"."""
    article = publishable_article(status="approved")
    now = timezone.now()

    with at(now), pytest.raises(ValidationError):
        workflow.apply(article, "schedule", editor, when=now)


def test_publishing_an_unpublished_article_again_runs_the_checks(editor):
    """An archived article that lost its Way Forward cannot be published again until it has one."""
    article = publishable_article(status="unpublished", published_at=timezone.now() - timedelta(days=9))
    article.sections.filter(heading="Way Forward").delete()

    with pytest.raises(ValidationError) as refused:
        workflow.apply(article, "publish", editor)

    assert refused.value.messages == [
        "Write at least 2 sections with text (this article has 1).",
        'Add a section headed "Way Forward", or ask an editor to tick "publish without a Way Forward section".']


def test_an_article_without_context_is_told_to_write_it(editor):
    """A blank context is the first thing the checklist asks for."""
    article = publishable_article(status="in_review", context="   ")

    with pytest.raises(ValidationError) as refused:
        workflow.apply(article, "approve", editor)

    assert refused.value.messages == ["Write the context (lead paragraph)."]


def test_the_checklist_names_each_check_in_order():
    """The change form's checklist shows the five checks by name, each passed or not."""
    article = publishable_article()

    assert [(check.label, check.passed) for check in workflow.publish_checks(article)] == [
        ("Context (lead paragraph)", True), ("Primary relevance: GS paper and topic", True),
        ("Edition (month)", True), ("At least 2 sections with text", True), ('A "Way Forward" section', True)]


def test_a_disabled_editor_may_edit_nothing(editor):
    """Deactivating a login takes away editing at once, whatever its role."""
    article = publishable_article()
    editor.is_active = False

    assert not workflow.can_edit(editor, article) and not workflow.can_edit(editor, None)


def test_a_release_records_each_scheduling_as_part_of_the_release(editor):
    """The timeline shows "release" with the edition named, so editors see why an article was scheduled."""
    april = EditionFactory(year=2024, month=4, unreleased=True)
    article = publishable_article(status="approved", edition=april)

    workflow.release_edition(april, editor, timezone.now() + timedelta(days=1))

    step = article.transitions.get()
    assert (step.name, step.comment, step.actor) == ("release", "Released with the April 2024 edition.", editor)


def test_edition_counts_count_each_article_once_whatever_its_relevances(editor):
    """An article filed under two papers counts once per state and once for its primary paper."""
    april = EditionFactory(year=2024, month=4, unreleased=True)
    article = publishable_article(status="approved", edition=april)
    relevance(article, "gs3", "Indian Economy", primary=False)
    relevance(article, "gs1", "Social Issues", primary=False)

    counted = next(workflow.with_edition_counts(Edition.objects.filter(pk=april.pk)))

    assert dict(counted.counts_by_status)["Approved"] == 1
    assert dict(counted.counts_by_paper) == {"GS1": 0, "GS2": 1, "GS3": 0, "GS4": 0, "Essay": 0, "Prelims": 0}
