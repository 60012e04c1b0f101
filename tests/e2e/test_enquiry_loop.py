from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from enquiries.models import Enquiry
from tests.e2e.admin_steps import log_in
from tests.factories import CourseFactory, full_article, later_today, staff_user

pytestmark = pytest.mark.django_db(transaction=True)


def test_student_enquires_from_an_article_and_a_counsellor_follows_up(live_server, page, browser, settings):
    """A student enquires from an article; the counsellor sees it with the article as source, logs a call
    with a next follow-up, and the lead leaves "due today"."""
    settings.ENQUIRY_MIN_FILL_SECONDS = 0
    staff_user("asha", role="Counsellor", email="asha@example.com")
    CourseFactory(name="Prelims Test Series")
    full_article(title="Japan and India Deepen Defence Ties", slug="japan-india-defence")

    student = browser.new_context(viewport={"width": 360, "height": 800}).new_page()
    student.goto(f"{live_server.url}/articles/japan-india-defence/")
    student.locator(".enquiry-cta").get_by_role("link", name="For Enquiry").click()
    student.fill("#id_name", "प्रिया सिंह")
    student.fill("#id_phone", "098765-43210")
    student.select_option("#id_course", label="Prelims Test Series")
    student.get_by_label("Online").check()
    student.fill("#id_city", "Lucknow")
    student.locator("#id_consent").check()
    student.get_by_role("button", name="Send enquiry").click()
    expect(student.locator("h1")).to_have_text("Thank you — we will call you back")
    student.context.close()
    lead = Enquiry.objects.get()
    assert (lead.phone, lead.source_article.slug) == ("+919876543210", "japan-india-defence")
    # The first call falls due two hours after an enquiry: tomorrow, for one sent after 10 pm in India.
    # Whenever the suite runs, the counsellor finds this one in today's list.
    Enquiry.objects.filter(pk=lead.pk).update(next_follow_up_at=later_today())

    log_in(page, live_server.url, "asha")
    page.goto(f"{live_server.url}/admin/enquiries/enquiry/?due=today")
    row = page.locator("#result_list tbody tr", has_text="प्रिया सिंह")
    expect(row).to_contain_text("Japan and India Deepen Defence Ties")
    expect(row.locator(".due")).to_contain_text("today")
    row.get_by_role("link", name="प्रिया सिंह").click()
    tomorrow = timezone.localtime() + timedelta(days=1)
    page.select_option("#id_follow_ups-0-outcome", "call_back")
    page.fill("#id_follow_ups-0-note", "Wants the weekend batch; call after 6 pm.")
    page.fill("#id_follow_ups-0-next_due_at_0", tomorrow.strftime("%Y-%m-%d"))
    page.fill("#id_follow_ups-0-next_due_at_1", "18:30:00")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.goto(f"{live_server.url}/admin/enquiries/enquiry/?due=today")
    expect(page.locator("#result_list")).to_have_count(0)
    page.goto(f"{live_server.url}/admin/enquiries/enquiry/?due=week")
    expect(page.locator("#result_list tbody tr", has_text="प्रिया सिंह").locator(".due")).to_contain_text("later")
    lead.refresh_from_db()
    assert lead.first_response_at is not None and lead.status == "follow_up"
