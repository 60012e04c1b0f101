import re
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.queues import QUEUES
from tests.factories import publishable_article, staff_user

pytestmark = pytest.mark.django_db

DESK_ROW = re.compile(r'<a href="(?P<url>/admin/articles/article/\?queue=(?P<key>\w+))">(?P<label>[^<]+)</a></th>'
                      r"<td>(?P<count>\d+)</td>")


@pytest.fixture
def newsroom():
    """Two writers, an editor, and articles in every queue (some in more than one person's)."""
    writer, other_writer = staff_user("arjun", role="Writer"), staff_user("ravi", role="Writer")
    editor = staff_user("meera", role="Editor")
    for author in (writer, writer, other_writer, editor):
        publishable_article(author=author)
    for author in (writer, other_writer, editor):
        publishable_article(author=author, status="in_review")
    publishable_article(author=writer, status="approved")
    soon = timezone.now() + timedelta(hours=5)
    publishable_article(author=writer, status="scheduled", published_at=soon)
    publishable_article(author=writer, status="scheduled", published_at=soon + timedelta(days=1))
    publishable_article(author=writer, status="scheduled", published_at=timezone.now() - timedelta(hours=1))
    return {"writer": writer, "editor": editor}


def desk_rows(client, user):
    client.force_login(user)
    return [match.groupdict() for match in DESK_ROW.finditer(client.get("/admin/").content.decode())]


def listed(client, url):
    """How many articles the article list shows at this address (its result counter)."""
    page = client.get(url).content.decode()
    return int(re.search(r"(\d+) articles?\b", page).group(1))


@pytest.mark.parametrize("role", ["writer", "editor"])
def test_each_desk_count_equals_the_length_of_the_list_it_links_to(client, newsroom, role):
    """Every queue on a person's desk counts exactly the articles its link lists, for writers and editors."""
    rows = desk_rows(client, newsroom[role])

    assert rows, "the desk shows queues"
    for row in rows:
        assert listed(client, row["url"]) == int(row["count"]), row["label"]


def test_desks_show_each_role_its_queues_in_the_listed_order(client, newsroom):
    """Editors see every queue; writers see their drafts and what is going live, with the labels of QUEUES."""
    editor_rows = desk_rows(client, newsroom["editor"])
    writer_rows = desk_rows(client, newsroom["writer"])

    assert [(row["key"], row["label"]) for row in editor_rows] == [(queue.key, queue.label) for queue in QUEUES]
    assert [(row["key"], row["count"]) for row in writer_rows] == [("sent_back", "0"), ("mine", "2"),
                                                                   ("upcoming", "2"), ("behind", "0")]
    assert {row["key"]: row["count"] for row in editor_rows} == {"review": "2", "sent_back": "0", "mine": "1",
                                                                 "approved": "1", "upcoming": "2", "behind": "0"}


def test_the_queue_filter_offers_the_same_queues_as_the_desk(client, newsroom):
    """The article list's "queue" filter names exactly the desk's queues, for each role."""
    for role in ("writer", "editor"):
        rows = desk_rows(client, newsroom[role])
        page = client.get("/admin/articles/article/").content.decode()
        offered = re.findall(r'href="\?queue=(\w+)"[^>]*>([^<]+)</a>', page)
        assert offered == [(row["key"], row["label"]) for row in rows], role


def test_an_unknown_or_foreign_queue_shows_the_whole_list(client, newsroom):
    """A writer who types ?queue=review (an editor's queue) gets no error and no review queue."""
    client.force_login(newsroom["writer"])

    response = client.get("/admin/articles/article/?queue=review")

    assert response.status_code == 200
    assert listed(client, "/admin/articles/article/?queue=review") == listed(client, "/admin/articles/article/")


def test_a_draft_sent_back_with_changes_requested_is_marked_on_the_writers_desk_and_list(client, newsroom):
    """The editor's "Request changes" says the article was sent back to the writer; the writer's desk counts
    it under "Sent back to me" and the list marks it "changes requested"; submitting it again clears both."""
    sent_back = publishable_article(author=newsroom["writer"], status="in_review", title="The Quad at sea")
    client.force_login(newsroom["editor"])

    moved = client.post(f"/admin/articles/article/{sent_back.pk}/move/request_changes/",
                        {"comment": "Add the 2024 exercise."}, follow=True).content.decode()
    rows = {row["key"]: row["count"] for row in desk_rows(client, newsroom["writer"])}
    listing = client.get("/admin/articles/article/?queue=sent_back").content.decode()

    assert "“The Quad at sea” was sent back to the writer with your comment." in moved and "is now draft" not in moved
    assert rows["sent_back"] == "1" and "Draft — changes requested" in listing and "The Quad at sea" in listing
    client.post(f"/admin/articles/article/{sent_back.pk}/move/submit/")
    assert {row["key"]: row["count"] for row in desk_rows(client, newsroom["writer"])}["sent_back"] == "0"


def test_a_moves_message_keeps_its_dates_as_written(client, newsroom):
    """Scheduling says "is now scheduled — …" with the month's name capitalised, not lower-cased."""
    approved = publishable_article(author=newsroom["writer"], status="approved")
    client.force_login(newsroom["editor"])
    when = timezone.localtime() + timedelta(days=40)

    page = client.post(f"/admin/articles/article/{approved.pk}/move/schedule/",
                       {"when": when.strftime("%Y-%m-%dT%H:%M")}, follow=True).content.decode()

    assert "is now scheduled" in page and f"{when:%b} {when:%Y}" in page.split("is now scheduled")[1][:120]
