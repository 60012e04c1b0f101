import re
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from articles.models import Article, SlugRedirect, Transition
from tests.admin_forms import article_change_form
from tests.factories import EditionFactory, publishable_article

pytestmark = pytest.mark.django_db

ROLES = ["writer", "other_writer", "editor", "counsellor", "superuser"]
# move → (a state it starts from, the state it leads to, the roles allowed to make it)
MOVES = {
    "submit": ("draft", "in_review", {"writer", "editor", "superuser"}),
    "request_changes": ("in_review", "draft", {"editor", "superuser"}),
    "approve": ("in_review", "approved", {"editor", "superuser"}),
    "schedule": ("approved", "scheduled", {"editor", "superuser"}),
    "publish": ("approved", "published", {"editor", "superuser"}),
    "unpublish": ("published", "unpublished", {"editor", "superuser"}),
    "reopen": ("unpublished", "draft", {"editor", "superuser"}),
}
# state → roles that may edit the article's content in that state
EDITORS_BY_STATE = {
    "draft": {"writer", "editor", "superuser"},
    "in_review": {"editor", "superuser"},
    "approved": {"editor", "superuser"},
    "published": {"editor", "superuser"},
}


def change_url(article):
    return f"/admin/articles/article/{article.pk}/change/"


def article_in_state(state, author, **kwargs):
    """A publishable article already in `state` (published ones went live yesterday)."""
    published_at = timezone.now() - timedelta(days=1) if state == "published" else None
    return publishable_article(author=author, status=state, published_at=published_at, **kwargs)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("move", MOVES)
def test_permission_matrix_for_workflow_moves_by_crafted_post(client, staff, role, move):
    """Each role may make exactly its moves; any other crafted POST gets 403 and changes nothing."""
    source, target, allowed = MOVES[move]
    article = article_in_state(source, staff["writer"])
    client.force_login(staff[role])

    response = client.post(f"/admin/articles/article/{article.pk}/move/{move}/", {
        "comment": "Tighten the second section.",
        "when": (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M"),
    })

    article.refresh_from_db()
    if role in allowed:
        assert response.status_code == 302
        assert article.status == target
        assert Transition.objects.filter(article=article, to_status=target, actor=staff[role]).exists()
    else:
        assert response.status_code == 403
        assert article.status == source
        assert not Transition.objects.exists()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("state", EDITORS_BY_STATE)
def test_permission_matrix_for_editing_by_crafted_post(client, staff, role, state):
    """Only the roles allowed in each state can save the article; the rest get 403 and nothing changes."""
    article = article_in_state(state, staff["writer"], title="Original title")
    client.force_login(staff[role])

    response = client.post(change_url(article), article_change_form(article, title="Changed title"))

    article.refresh_from_db()
    if role in EDITORS_BY_STATE[state]:
        assert response.status_code == 302
        assert article.title == "Changed title"
    else:
        assert response.status_code == 403
        assert article.title == "Original title"


def test_change_form_shows_each_role_only_its_buttons(client, staff):
    """The writer sees "Submit for review" on their draft; the editor sees review buttons on an article in review."""
    draft = publishable_article(author=staff["writer"])
    in_review = publishable_article(author=staff["writer"], status="in_review")

    client.force_login(staff["writer"])
    writer_page = client.get(change_url(draft)).content.decode()
    writer_view_of_review = client.get(change_url(in_review)).content.decode()
    client.force_login(staff["editor"])
    editor_page = client.get(change_url(in_review)).content.decode()

    assert 'value="submit">Submit for review</button>' in writer_page
    assert "Publish now" not in writer_page and "Approve</button>" not in writer_page
    assert "</button>" not in writer_view_of_review.split('id="workflow-heading"')[1].split("</section>")[0]
    assert 'value="approve">Approve</button>' in editor_page
    assert 'value="request_changes">Request changes</button>' in editor_page


def test_checklist_on_the_form_shows_what_is_missing(client, staff):
    """A writer sees, before submitting, which publish checks their draft fails."""
    article = publishable_article(author=staff["writer"])
    article.sections.filter(heading="Way Forward").delete()
    client.force_login(staff["writer"])

    page = client.get(change_url(article)).content.decode()

    assert '<li class="check-missing">Write at least 2 sections with text (this article has 1).</li>' in page
    assert '<li class="check-ok">Edition (month)</li>' in page


def test_writer_cannot_tick_the_way_forward_override_even_by_crafted_post(client, staff):
    """The override is an editor's decision: a writer's POST of it is ignored."""
    article = publishable_article(author=staff["writer"])
    client.force_login(staff["writer"])

    client.post(change_url(article), article_change_form(article, skip_way_forward_check="on"))

    article.refresh_from_db()
    assert article.skip_way_forward_check is False


def test_queues_list_awaiting_review_my_drafts_and_upcoming(client, staff):
    """Editors' "Awaiting my review", writers' "My drafts" and the scheduled list each show the right articles."""
    publishable_article(author=staff["writer"], title="Arjun's draft")
    publishable_article(author=staff["other_writer"], title="Ravi's draft")
    publishable_article(author=staff["writer"], status="in_review", title="Needs a reviewer")
    publishable_article(author=staff["writer"], status="scheduled", title="Going out at dawn",
                        published_at=timezone.now() + timedelta(hours=5))

    client.force_login(staff["editor"])
    review = client.get("/admin/articles/article/?queue=review").content.decode()
    upcoming = client.get("/admin/articles/article/?queue=upcoming").content.decode()
    client.force_login(staff["writer"])
    mine = client.get("/admin/articles/article/?queue=mine").content.decode()

    assert "Needs a reviewer" in review and "Arjun&#x27;s draft" not in review
    assert "Going out at dawn" in upcoming and "goes live" in upcoming and "Needs a reviewer" not in upcoming
    assert "Arjun&#x27;s draft" in mine and "Ravi&#x27;s draft" not in mine


def test_bulk_action_applies_a_move_to_each_selected_article_and_reports_refusals(client, staff):
    """Approving several articles at once approves those that pass the checks and names those that do not."""
    good = publishable_article(status="in_review", title="Passes the checks")
    bad = publishable_article(status="in_review", title="Lacks a Way Forward")
    bad.sections.filter(heading="Way Forward").delete()
    client.force_login(staff["editor"])

    response = client.post("/admin/articles/article/", {
        "action": "move_approve", "_selected_action": [good.pk, bad.pk], "comment": "", "when": ""}, follow=True)

    page = response.content.decode()
    assert Article.objects.get(pk=good.pk).status == "approved"
    assert Article.objects.get(pk=bad.pk).status == "in_review"
    assert "Approve: done for 1 article." in page
    assert "Approve refused for “Lacks a Way Forward”" in page


def test_second_save_of_the_same_article_is_refused_with_a_link_to_the_newer_version(client, staff):
    """Two staff open the article; the first save wins, the second is refused and nothing is overwritten."""
    article = publishable_article(author=staff["writer"], title="Shared article")
    client.force_login(staff["editor"])
    first_copy = article_change_form(article, title="Editor's title")
    second_copy = article_change_form(article, title="Late title")

    first = client.post(change_url(article), first_copy)
    second = client.post(change_url(article), second_copy)

    article.refresh_from_db()
    assert first.status_code == 302
    assert second.status_code == 200
    page = second.content.decode()
    assert "Someone else saved this article after you opened it" in page
    assert f'<a href="{change_url(article)}">Open the newer version</a>' in page
    assert 'value="Late title"' in page  # what they typed is still there to copy
    assert article.title == "Editor's title"


def test_a_workflow_move_also_makes_an_open_copy_stale(client, staff):
    """A writer's form opened before the editor sent the article back cannot overwrite the editor's decision."""
    article = publishable_article(author=staff["writer"], status="draft")
    stale = article_change_form(article, title="Writer's late edit")
    client.force_login(staff["writer"])
    client.post(f"/admin/articles/article/{article.pk}/move/submit/")
    client.force_login(staff["editor"])
    client.post(f"/admin/articles/article/{article.pk}/move/request_changes/", {"comment": "Shorter, please."})
    client.force_login(staff["writer"])

    response = client.post(change_url(article), stale)

    assert "Someone else saved this article" in response.content.decode()
    assert Article.objects.get(pk=article.pk).title != "Writer's late edit"


def test_revert_restores_sections_exactly_and_keeps_the_workflow_state(client, staff):
    """Reverting to an earlier revision brings back its sections, text and tags; the state stays as it is."""
    client.force_login(staff["editor"])
    article = publishable_article(author=staff["writer"], title="Budget basics")
    article.tags.set(["Budget"])
    client.post(change_url(article), article_change_form(article))  # revision 1: two sections
    article.refresh_from_db()
    first_version = Article.objects.get(pk=article.pk)
    sections_then = list(article.sections.values_list("position", "heading", "body"))
    data = article_change_form(article, title="Budget basics, revised", tags="Budget, Fiscal Deficit", **{
        "sections-0-heading": "Background, rewritten",
        "sections-1-DELETE": "on",
        "sections-TOTAL_FORMS": 3,
        "sections-2-position": 3, "sections-2-heading": "A new section", "sections-2-body": "<p>Added later.</p>",
    })
    client.post(change_url(article), data)  # revision 2
    client.post(f"/admin/articles/article/{article.pk}/move/submit/")
    from articles.revisions import versions_of
    oldest = list(versions_of(first_version))[-1]

    compare = client.get(f"/admin/articles/article/{article.pk}/history/compare/{oldest.pk}/")
    reverted = client.post(f"/admin/articles/article/{article.pk}/history/compare/{oldest.pk}/")

    article.refresh_from_db()
    assert compare.status_code == 200
    diff = compare.content.decode()
    assert "<th scope=\"row\">Title</th><td>Budget <del>basics</del> <ins>basics, revised</ins></td>" in diff
    assert "<del>Background</del> <ins>Background, rewritten</ins>" in diff
    assert "<ins>A new section Added later.</ins>" in diff
    assert "<del>Budget</del> <ins>Budget, Fiscal Deficit</ins>" in diff
    assert reverted.status_code == 302
    assert list(article.sections.values_list("position", "heading", "body")) == sections_then
    assert article.title == "Budget basics"
    assert sorted(article.tags.names()) == ["Budget"]
    assert article.status == "in_review"
    from common.dates import moment
    assert list(versions_of(article))[0].revision.comment == f"Reverted to the version of {moment(oldest.revision.date_created)}"


def test_history_page_lists_revisions_with_compare_links(client, staff):
    """The history page lists each saved revision with a link to compare it with the article now."""
    client.force_login(staff["editor"])
    article = publishable_article(author=staff["writer"])
    client.post(change_url(article), article_change_form(article, title="Second wording"))

    page = client.get(f"/admin/articles/article/{article.pk}/history/").content.decode()

    assert "Compare with now / revert" in page


def test_changing_a_published_articles_slug_redirects_the_old_address(client, staff):
    """The old URL of a published article answers 301 to the new one; a draft's old slug leaves no trace."""
    live = publishable_article(slug="old-address", status="published", published_at=timezone.now())
    draft = publishable_article(slug="draft-address")
    client.force_login(staff["editor"])

    client.post(change_url(live), article_change_form(live, slug="new-address"))
    client.post(change_url(draft), article_change_form(draft, slug="draft-renamed"))
    client.logout()

    response = client.get("/articles/old-address/")
    assert response.status_code == 301
    assert response["Location"] == "/articles/new-address/"
    assert client.get("/articles/new-address/").status_code == 200
    assert client.get("/articles/draft-address/").status_code == 404
    assert not SlugRedirect.objects.filter(old_slug="draft-address").exists()


def test_edition_page_in_admin_shows_counts_and_only_editors_may_release(client, staff):
    """Editors see per-state and per-paper counts and can release; a writer's crafted release POST gets 403."""
    april = EditionFactory(year=2024, month=4, unreleased=True)
    publishable_article(status="approved", edition=april)
    when = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")

    client.force_login(staff["editor"])
    page = client.get(f"/admin/articles/edition/{april.pk}/change/").content.decode()
    client.force_login(staff["writer"])
    refused = client.post(f"/admin/articles/edition/{april.pk}/release/", {"when": when})
    client.force_login(staff["editor"])
    released = client.post(f"/admin/articles/edition/{april.pk}/release/", {"when": when}, follow=True)

    assert '<span class="paper-count paper-count--none">GS4 0</span>' in page
    assert "Release edition</button>" in page
    assert refused.status_code == 403
    assert "1 approved article scheduled for that moment" in released.content.decode()
    april.refresh_from_db()
    assert april.release_at is not None


def test_admin_home_links_each_person_to_their_queues_with_counts(client, staff):
    """Editors see "Awaiting my review" with its count; writers see "My drafts"; counsellors see neither."""
    publishable_article(author=staff["writer"], status="in_review")
    publishable_article(author=staff["writer"])

    client.force_login(staff["editor"])
    editor_home = client.get("/admin/").content.decode()
    client.force_login(staff["writer"])
    writer_home = client.get("/admin/").content.decode()
    client.force_login(staff["counsellor"])
    counsellor_home = client.get("/admin/").content.decode()

    assert '<a href="/admin/articles/article/?queue=review">Awaiting my review</a></th><td>1</td>' in editor_home
    assert '<a href="/admin/articles/article/?queue=mine">My drafts</a></th><td>1</td>' in writer_home
    assert "Awaiting my review" not in writer_home
    assert "Your desk" not in counsellor_home


def test_bulk_actions_offered_match_the_role(client, staff):
    """A writer's action menu offers only Submit for review; an editor's offers every move."""
    publishable_article(author=staff["writer"])

    client.force_login(staff["writer"])
    writer_menu = client.get("/admin/articles/article/").content.decode()
    client.force_login(staff["editor"])
    editor_menu = client.get("/admin/articles/article/").content.decode()

    assert 'value="move_submit"' in writer_menu
    assert 'value="move_publish"' not in writer_menu and 'value="move_approve"' not in writer_menu
    for move in MOVES:
        assert f'value="move_{move}"' in editor_menu


BUTTON_LABELS = {"submit": "Submit for review", "request_changes": "Request changes", "approve": "Approve",
                 "schedule": "Schedule", "publish": "Publish now", "unpublish": "Unpublish", "reopen": "Back to draft"}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("move", MOVES)
def test_permission_matrix_for_workflow_buttons_in_the_admin_ui(client, staff, role, move):
    """The change page shows a move's button exactly to the roles allowed to make it (counsellors get 403)."""
    source, _, allowed = MOVES[move]
    article = article_in_state(source, staff["writer"])
    client.force_login(staff[role])

    response = client.get(change_url(article))

    if role == "counsellor":
        assert response.status_code == 403
        return
    button = f'value="{move}">{BUTTON_LABELS[move]}</button>'
    assert (button in response.content.decode()) == (role in allowed)


def test_a_workflow_button_saves_what_was_typed_then_makes_the_move(client, staff):
    """A writer adds a mains question and presses "Submit for review": one request saves the question (with a
    revision) and submits the article."""
    from articles.revisions import versions_of

    article = publishable_article(author=staff["writer"], mains_questions="")
    revisions_before = versions_of(article).count()
    client.force_login(staff["writer"])

    response = client.post(change_url(article), article_change_form(
        article, mains_questions="Discuss the mission's cost overruns. (10 marks)", _workflow="submit"), follow=True)

    article.refresh_from_db()
    assert article.mains_questions == "Discuss the mission's cost overruns. (10 marks)"
    assert article.status == "in_review"
    assert Transition.objects.get().to_status == "in_review"
    assert versions_of(article).count() > revisions_before
    page = response.content.decode()
    assert "Your changes were saved." in page and "is now in review" in page


def test_an_editors_fix_is_kept_when_requesting_changes(client, staff):
    """An editor fixes the context, writes a comment and presses "Request changes": the fix is saved and the
    article goes back to the writer with the comment."""
    article = publishable_article(author=staff["writer"], status="in_review")
    client.force_login(staff["editor"])

    client.post(change_url(article), article_change_form(
        article, context="Recently, the Union Cabinet approved the scheme's second phase.", _workflow="request_changes",
        **{"request_changes-comment": "Add the budget figures."}))

    article.refresh_from_db()
    assert article.context == "Recently, the Union Cabinet approved the scheme's second phase."
    assert article.status == "draft"
    assert Transition.objects.get().comment == "Add the budget figures."


def test_an_invalid_form_with_a_workflow_button_saves_nothing_and_moves_nothing(client, staff):
    """With an empty title the form is shown again with its error; the article is neither changed nor moved."""
    article = publishable_article(author=staff["writer"], title="Original title")
    client.force_login(staff["writer"])

    response = client.post(change_url(article), article_change_form(
        article, title="", context="A changed context", _workflow="submit"))

    article.refresh_from_db()
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert (article.title, article.status) == ("Original title", "draft")
    assert article.context != "A changed context"
    assert not Transition.objects.exists()


def test_a_move_that_is_refused_still_keeps_the_saved_edit(client, staff):
    """"Request changes" without a comment keeps the editor's edit, does not move, and says what is missing."""
    article = publishable_article(author=staff["writer"], status="in_review")
    client.force_login(staff["editor"])

    response = client.post(change_url(article), article_change_form(
        article, title="A sharper title", _workflow="request_changes"), follow=True)

    article.refresh_from_db()
    assert (article.title, article.status) == ("A sharper title", "in_review")
    page = response.content.decode()
    assert "Your changes were saved." in page and "Say what needs to change: the writer sees this comment." in page
    assert not Transition.objects.exists()


def test_the_buttons_belong_to_the_article_form_for_those_who_may_edit(client, staff):
    """On the change page each move button submits the article form; the old per-move forms remain only for
    people who may move but not edit."""
    article = publishable_article(author=staff["writer"])
    client.force_login(staff["writer"])

    page = client.get(change_url(article)).content.decode()

    assert '<button type="submit" form="article_form" class="button" name="_workflow" value="submit">' in page
    assert f'action="/admin/articles/article/{article.pk}/move/submit/"' not in page


def test_releasing_a_month_with_unfinished_articles_lists_them_and_asks_first(client, staff):
    """Drafts and articles in review are listed before the release, nothing is released until the editor
    confirms, and then the approved ones are scheduled."""
    april = EditionFactory(year=2024, month=4, unreleased=True)
    publishable_article(status="approved", edition=april, title="Ready piece")
    publishable_article(author=staff["writer"], edition=april, title="Half-written piece")
    publishable_article(status="in_review", edition=april, title="Piece in review")
    when = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    client.force_login(staff["editor"])

    asked = client.post(f"/admin/articles/edition/{april.pk}/release/", {"when": when})
    april.refresh_from_db()
    assert april.release_at is None
    page = asked.content.decode()
    assert "2 articles of April 2024 are still in draft or in review" in page
    assert "Half-written piece</a> — draft, by Arjun" in page and "Piece in review</a> — in review" in page
    assert f'name="when" value="{when}"' in page

    client.post(f"/admin/articles/edition/{april.pk}/release/", {"when": when, "confirm": "1"})

    april.refresh_from_db()
    assert april.release_at is not None
    assert Article.objects.get(title="Ready piece").status == "scheduled"
    assert Article.objects.get(title="Half-written piece").status == "draft"


def test_the_release_time_defaults_to_now(client, staff):
    """The edition page's release field is filled with the current minute (IST)."""
    april = EditionFactory(year=2024, month=4, unreleased=True)
    client.force_login(staff["editor"])

    page = client.get(f"/admin/articles/edition/{april.pk}/change/").content.decode()

    shown = datetime.strptime(re.search(r'name="when" value="([^"]+)"', page).group(1), "%Y-%m-%dT%H:%M")
    assert abs(timezone.make_aware(shown) - timezone.now()) < timedelta(minutes=2)


def test_compare_matches_sections_by_heading_so_an_inserted_section_shows_as_added(client, staff):
    """A section inserted before Way Forward shows as one added section; Way Forward, unchanged, is not in
    the differences; a reworded heading is matched by its text; relevance and month changes are listed."""
    from articles.models import Topic
    from articles.revisions import versions_of

    space = Topic.objects.get(paper__code="gs3", name="Space")
    client.force_login(staff["editor"])
    march = EditionFactory(year=2024, month=3)
    april = EditionFactory(year=2024, month=4)
    article = publishable_article(author=staff["writer"], edition=march)
    article.sections.filter(heading="Background").update(body="<p>Ties between the two navies grew over a decade.</p>")
    client.post(change_url(article), article_change_form(article))  # the version to compare with
    article.refresh_from_db()
    data = article_change_form(article, edition=april.pk, **{
        "sections-0-heading": "Background of the ties",
        "sections-1-position": 3,
        "sections-TOTAL_FORMS": 3,
        "sections-2-position": 2, "sections-2-heading": "Challenges", "sections-2-body": "<p>Funding gaps remain.</p>",
        "relevances-0-topic": space.pk, "relevances-0-paper": space.paper_id,
    })
    saved = client.post(change_url(article), data)
    assert saved.status_code == 302, re.findall(r"errorlist[^>]*>(.*?)</ul>", saved.content.decode())
    oldest = list(versions_of(article))[-1]

    diff = client.get(f"/admin/articles/article/{article.pk}/history/compare/{oldest.pk}/").content.decode()

    assert "Section “Challenges” (added)" in diff and "<ins>Challenges Funding gaps remain.</ins>" in diff
    assert "Section “Way Forward”" not in diff
    assert "Section “Background of the ties”</th><td>Background <ins>of the ties</ins> Ties between" in diff
    assert ('<th scope="row">Relevance</th><td><del>GS2</del> <ins>GS3</ins> - <del>International Relations</del> '
            '<ins>Space</ins></td>') in diff
    assert '<th scope="row">Edition</th><td><del>March</del> <ins>April</ins> 2024</td>' in diff


def test_any_two_revisions_can_be_compared(client, staff):
    """The history page offers two columns of choices; the comparison shows what changed between the two
    chosen revisions, with no revert; choosing the same one twice is refused with a message."""
    from articles.revisions import versions_of

    client.force_login(staff["editor"])
    article = publishable_article(author=staff["writer"], title="First wording")
    for title in ("Second wording", "Third wording", "Fourth wording"):
        client.post(change_url(article), article_change_form(article, title=title))
        article.refresh_from_db()
    fourth, third, second = list(versions_of(article))[:3]

    history = client.get(f"/admin/articles/article/{article.pk}/history/").content.decode()
    compared = client.get(f"/admin/articles/article/{article.pk}/history/compare/",
                          {"older": third.pk, "newer": second.pk}).content.decode()
    same = client.get(f"/admin/articles/article/{article.pk}/history/compare/",
                      {"older": second.pk, "newer": second.pk}, follow=True).content.decode()

    assert 'name="older"' in history and 'name="newer"' in history and "Compare the two chosen versions" in history
    assert "<del>Second</del> <ins>Third</ins> wording" in compared and "Fourth" not in compared.split("<table")[1]
    assert "Revert to this version" not in compared
    assert "Choose two different revisions" in same
