"""Twins that never drift silently: an edit to the English original puts its Hindi twin in the "Hindi behind
English" queue with the changed sections named, until the translator marks it up to date."""

import pytest

from articles import twins
from articles.models import Article
from tests.admin_forms import article_change_form
from tests.factories import full_article, hindi_twin

pytestmark = pytest.mark.django_db


def change_url(article):
    return f"/admin/articles/article/{article.pk}/change/"


def save(client, article, **changes):
    """The article's change form saved in the admin, as an editor's browser posts it."""
    article.refresh_from_db()
    response = client.post(change_url(article), article_change_form(article, **changes))
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


@pytest.fixture
def pair(client, staff):
    """An English article and its Hindi twin, both saved once through the admin and the twin marked up to
    date with the English as it stands."""
    client.force_login(staff["editor"])
    english = full_article(title="Monsoon and the kharif crop", slug="monsoon-kharif")
    hindi = hindi_twin(english)
    save(client, english)
    save(client, hindi, follows_english_now="on", language="hi", english_original=english.pk)
    return english, Article.objects.get(pk=hindi.pk)


def section_edit(article, position, body):
    """The change form with one section's text replaced."""
    form = article_change_form(article)
    index = [section.position for section in article.sections.all()].index(position)
    form[f"sections-{index}-body"] = body
    return form


def test_a_twin_marked_up_to_date_is_not_behind(pair, client):
    """Right after the translator's "up to date", the twin is in no queue and its page says which revision
    it follows."""
    _, hindi = pair

    page = client.get(change_url(hindi)).content.decode()

    assert hindi.follows_revision is not None
    assert list(twins.behind_english(Article.objects.all())) == []
    assert f"Up to date with the English (follows revision {hindi.follows_revision})" in page


def test_editing_the_english_puts_the_twin_behind_with_the_changed_section_named(pair, client):
    """A corrected English section lists the twin under "Hindi behind English" and its page names that
    section with the English words struck and inserted."""
    english, hindi = pair
    english.refresh_from_db()
    heading = english.sections.get(position=2).heading
    response = client.post(change_url(english), section_edit(english, 2, "<p>Sowing rose by a tenth this year.</p>"))
    assert response.status_code == 302

    queue = client.get("/admin/articles/article/?queue=behind").content.decode()
    page = client.get(change_url(hindi)).content.decode()

    assert list(twins.behind_english(Article.objects.all())) == [hindi]
    assert hindi.title in queue and english.title not in queue.split("result_list")[-1]
    assert "Hindi behind English" in page and f"Section “{heading}”" in page
    assert "<ins>Sowing rose by a tenth this year.</ins>" in page
    assert twins.Drift(hindi).changed_sections == [f"Section “{heading}”"]


def test_a_workflow_move_of_the_english_leaves_the_twin_up_to_date(pair, staff):
    """Unpublishing the English makes a revision too, but no new text: the twin stays up to date."""
    from articles import workflow

    english, _ = pair
    workflow.apply(english, "unpublish", staff["editor"])

    assert list(twins.behind_english(Article.objects.all())) == []


def test_marking_the_twin_up_to_date_takes_it_out_of_the_queue(pair, client):
    """After the translator saves with "Up to date with the English", it follows the newest English revision."""
    english, hindi = pair
    english.refresh_from_db()
    client.post(change_url(english), article_change_form(english, title="Monsoon, the kharif crop and prices"))
    assert list(twins.behind_english(Article.objects.all())) == [hindi]

    save(client, hindi, follows_english_now="on", language="hi", english_original=english.pk)

    hindi.refresh_from_db()
    assert list(twins.behind_english(Article.objects.all())) == []
    assert hindi.follows_revision == twins.Drift(hindi).latest.pk


def test_a_twin_never_marked_up_to_date_is_behind_once_the_english_has_a_revision(client, staff):
    """A twin linked without the translator's word is listed as behind, every English part named."""
    client.force_login(staff["editor"])
    english = full_article(slug="never-marked")
    hindi = hindi_twin(english)
    save(client, english)

    drift = twins.Drift(hindi)

    assert drift.is_behind and "Title" in [part for part, _ in drift.changes]
    assert list(twins.behind_english(Article.objects.all())) == [hindi]


def test_changing_one_twin_never_changes_the_others_state(pair, staff):
    """Unpublishing the English leaves the published Hindi twin published, and the other way round."""
    from articles import workflow

    english, hindi = pair
    workflow.apply(english, "unpublish", staff["editor"])
    hindi.refresh_from_db()
    assert hindi.status == Article.Status.PUBLISHED

    workflow.apply(hindi, "unpublish", staff["editor"])
    english.refresh_from_db()
    hindi.refresh_from_db()
    assert english.status == Article.Status.UNPUBLISHED and hindi.status == Article.Status.UNPUBLISHED


def test_translate_starts_a_hindi_draft_with_the_english_structure(client, staff):
    """The "Translate into Hindi" action makes a Hindi draft at the English slug with the same section
    headings (empty), relevance, month and tags, up to date with the English; a second try is refused."""
    client.force_login(staff["editor"])
    english = full_article(slug="quad-ports", sections=3, tags=("Quad", "Ports"))
    action = {"action": "translate_into_hindi", "_selected_action": [english.pk]}

    first = client.post("/admin/articles/article/", action, follow=True).content.decode()
    again = client.post("/admin/articles/article/", action, follow=True).content.decode()

    twin = Article.objects.get(language="hi")
    assert twin.english_original == english and twin.slug == "quad-ports" and twin.status == "draft"
    assert [(section.heading, section.body) for section in twin.sections.all()] == [
        (section.heading, "") for section in english.sections.all()]
    assert str(twin.relevances.get()) == str(english.relevances.get()) and twin.edition == english.edition
    assert sorted(twin.tags.names()) == ["Ports", "Quad"] and twin.author == staff["editor"]
    assert "Started" in first and "already has a Hindi twin" in again
    assert Article.objects.filter(language="hi").count() == 1


def test_a_translator_edits_hindi_drafts_but_not_english_ones_and_cannot_publish(client, db):
    """A translator may start and edit a Hindi twin and submit it, but may not change an English article
    nor publish."""
    from articles.roles import PUBLISH
    from tests.factories import staff_user

    translator = staff_user("meena", role="Translator")
    english = full_article(slug="ports", status="draft", published_at=None, author=translator)
    twin = twins.translate(english, translator)
    client.force_login(translator)

    hindi_page = client.get(change_url(twin))
    english_save = client.post(change_url(english), article_change_form(english, title="Changed"))

    assert hindi_page.status_code == 200 and english_save.status_code == 403
    assert not translator.has_perm(PUBLISH)
    english.refresh_from_db()
    assert english.title != "Changed"


def test_releasing_a_month_releases_both_languages_approved_articles(staff, client):
    """An approved English article and its approved Hindi twin are both scheduled for the release, and
    both month pages open then, each listing its own language's article."""
    from datetime import datetime, timedelta
    from unittest import mock
    from zoneinfo import ZoneInfo

    from articles import workflow
    from tests.factories import EditionFactory, publishable_article

    april = EditionFactory(year=2024, month=4, unreleased=True)
    english = publishable_article(status="approved", edition=april, title="Heatwave plans of the states")
    hindi = publishable_article(status="approved", edition=april, title="राज्यों की लू कार्य-योजनाएँ",
                                language="hi", english_original=english)
    hindi.sections.filter(position=2).update(heading="आगे की राह")
    release = datetime(2031, 4, 1, 6, 0, tzinfo=ZoneInfo("Asia/Kolkata"))

    with mock.patch("django.utils.timezone.now", return_value=release - timedelta(hours=1)):
        scheduled, held_back = workflow.release_edition(april, staff["editor"], release)
    with mock.patch("django.utils.timezone.now", return_value=release):
        english_month = client.get("/editions/2024/04/").content.decode()
        hindi_month = client.get("/hi/editions/2024/04/").content.decode()

    assert sorted(article.pk for article in scheduled) == sorted([english.pk, hindi.pk]) and held_back == []
    assert "Heatwave plans of the states" in english_month and "राज्यों की लू कार्य-योजनाएँ" not in english_month
    assert "राज्यों की लू कार्य-योजनाएँ" in hindi_month and "Heatwave plans of the states" not in hindi_month


def test_unpublishing_the_hindi_twin_takes_the_switch_off_the_cached_english_page(pair, client, staff):
    """The English page, served from the page cache, loses "हिंदी में पढ़ें" the moment its twin is
    unpublished, and the Hindi page answers 404; the English article stays published."""
    english, hindi = pair
    client.logout()  # a student's visit: staff are never served from the page cache
    assert "हिंदी में पढ़ें" in client.get(english.get_absolute_url()).content.decode()

    hindi.status = Article.Status.UNPUBLISHED
    hindi.save()

    assert "हिंदी में पढ़ें" not in client.get(english.get_absolute_url()).content.decode()
    assert client.get(f"/hi/articles/{english.slug}/").status_code == 404
    english.refresh_from_db()
    assert english.status == Article.Status.PUBLISHED
