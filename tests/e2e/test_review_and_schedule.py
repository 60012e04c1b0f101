import time
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article
from tests.e2e.admin_steps import log_in, press_workflow_button, type_into_editor, write_article
from tests.factories import EditionFactory, staff_user

pytestmark = pytest.mark.django_db(transaction=True)

LEAD_TIME = timedelta(seconds=25)


def test_writer_and_editor_take_an_article_through_review_to_a_scheduled_release(live_server, page, browser):
    """A writer drafts and submits; the editor asks for changes; the writer fixes and resubmits; the editor
    approves and schedules; students see the article only once its time has come."""
    staff_user("arjun", role="Writer", email="arjun@example.com")
    staff_user("meera", role="Editor")
    EditionFactory(year=2024, month=3)

    log_in(page, live_server.url, "arjun")
    write_article(page, live_server.url, title="Green Hydrogen Mission Gathers Pace",
                  context="Recently, the first tenders for electrolyser manufacturing were awarded.",
                  paper="GS3", topic="Infrastructure",
                  sections=[("What the mission aims at", "Five million tonnes of green hydrogen a year by 2030.")])
    article = Article.objects.get(slug="green-hydrogen-mission-gathers-pace")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    expect(page.locator(".checklist")).to_contain_text('Add a section headed "Way Forward"')
    press_workflow_button(page, "Submit for review")
    expect(page.locator(".workflow-panel h2")).to_contain_text("In review")

    log_in(page, live_server.url, "meera")
    page.goto(f"{live_server.url}/admin/articles/article/?queue=review")
    page.get_by_role("link", name="Green Hydrogen Mission Gathers Pace").click()
    press_workflow_button(page, "Request changes", comment="Add a Way Forward section on costs.")
    expect(page.locator(".workflow-panel h2")).to_contain_text("Draft")

    log_in(page, live_server.url, "arjun")
    page.goto(f"{live_server.url}/admin/articles/article/?queue=mine")
    page.get_by_role("link", name="Green Hydrogen Mission Gathers Pace").click()
    expect(page.locator(".timeline")).to_contain_text("Add a Way Forward section on costs.")
    page.fill("#id_sections-1-heading", "Way Forward")
    type_into_editor(page, "sections-1", "Bring down electrolyser costs with scale.")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    press_workflow_button(page, "Submit for review")
    # Wait for the answer before signing out: clearing cookies while it is on its way let its CSRF cookie
    # land after the login form was loaded, and the login then failed as an expired form.
    expect(page.locator(".workflow-panel h2")).to_contain_text("In review")

    log_in(page, live_server.url, "meera")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    press_workflow_button(page, "Approve")
    go_live = timezone.localtime() + LEAD_TIME
    press_workflow_button(page, "Schedule", when=go_live.strftime("%Y-%m-%dT%H:%M:%S"))
    expect(page.locator(".workflow-panel h2")).to_contain_text("Scheduled")

    student = browser.new_context().new_page()
    early = student.goto(f"{live_server.url}/articles/green-hydrogen-mission-gathers-pace/")
    assert early.status == 404
    student.goto(f"{live_server.url}/")
    expect(student.locator("main")).not_to_contain_text("Green Hydrogen")
    time.sleep(max(0.0, (go_live - timezone.localtime()).total_seconds()) + 1)
    on_time = student.goto(f"{live_server.url}/articles/green-hydrogen-mission-gathers-pace/")
    assert on_time.status == 200
    expect(student.locator(".dimensions li")).to_have_text(["What the mission aims at", "Way Forward"])
    student.goto(f"{live_server.url}/")
    expect(student.locator("main")).to_contain_text("Green Hydrogen Mission Gathers Pace")
    student.context.close()
