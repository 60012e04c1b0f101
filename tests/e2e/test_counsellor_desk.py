"""The counsellor desk in Chromium: the lead list at 1280 px and as cards on a phone, and the lead page."""

from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from enquiries import services
from enquiries.models import FollowUp
from tests.e2e.admin_steps import log_in
from tests.factories import CourseFactory, EnquiryFactory, full_article, staff_user

pytestmark = pytest.mark.django_db(transaction=True)
LIST = "/admin/enquiries/enquiry/"
LONG_TITLE = "India and the European Free Trade Association sign a trade and economic partnership agreement after sixteen years"


def a_week_of_leads(owner):
    article = full_article(title=LONG_TITLE, slug="efta-deal")
    now = timezone.now()
    leads = [
        EnquiryFactory(name="Venkatanarasimha Raghavan Subramanian", phone="+919876500001", owner=owner,
                       source_article=article, course__name="GS Foundation (Prelims + Mains) Weekend Batch",
                       next_follow_up_at=now - timedelta(minutes=5)),
        EnquiryFactory(name="Priya Nair", phone="+919876500002", owner=owner, source_article=article,
                       next_follow_up_at=now + timedelta(hours=3)),
        EnquiryFactory(name="Imran Qureshi", phone="+919876500003", next_follow_up_at=now + timedelta(days=3)),
    ]
    for number in range(4, 10):
        leads.append(EnquiryFactory(name=f"Student number {number}", phone=f"+9198765000{number:02d}", owner=owner))
    return leads


def test_the_lead_list_fits_1280_px_with_every_column_a_counsellor_needs(live_server, page):
    """At 1280 px a manager sees name, phone, WhatsApp, course, status, next follow-up, owner, age and a
    one-line source without scrolling sideways; the full article title is the source's tooltip."""
    staff_user("rohan", role="Counselling manager")
    a_week_of_leads(staff_user("asha", role="Counsellor"))
    log_in(page, live_server.url, "rohan")
    page.goto(f"{live_server.url}{LIST}")

    table = page.locator("#result_list")
    expect(table.locator("tbody tr")).to_have_count(9)
    page.screenshot(path="/tmp/lead-list-1280.png", full_page=True)
    headers = [text.strip().lower() for text in table.locator("thead th").all_inner_texts()]
    assert headers[1:] == ["name", "phone", "course", "status", "next follow-up", "owner", "age", "source"]
    assert page.evaluate("document.querySelector('#changelist .results').scrollWidth") <= \
        page.evaluate("document.querySelector('#changelist .results').clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    row = table.locator("tr", has_text="Venkatanarasimha")
    source = row.locator(".lead-source")
    assert source.get_attribute("title") == f"Web form: {LONG_TITLE}"
    line_height = float(source.evaluate("el => parseFloat(getComputedStyle(el).lineHeight) || 20"))
    assert source.bounding_box()["height"] <= line_height * 1.5  # one line, cut with an ellipsis
    expect(row.locator("a.lead-call")).to_have_attribute("href", "tel:+919876500001")
    expect(row.locator("a.lead-whatsapp")).to_have_attribute("href", "https://wa.me/919876500001")
    expect(row.locator(".due--overdue")).to_contain_text("overdue")


def test_on_a_phone_each_lead_is_a_card_with_thumb_sized_call_and_whatsapp_buttons(live_server, page):
    """At 360 px there is no ten-column table: each lead is a card whose call and WhatsApp buttons are at least
    44 px tall, and nothing scrolls sideways. A counsellor gets no reassign picker."""
    asha = staff_user("asha", role="Counsellor")
    a_week_of_leads(asha)
    page.set_viewport_size({"width": 360, "height": 740})
    log_in(page, live_server.url, "asha")
    page.goto(f"{live_server.url}{LIST}")

    expect(page.locator("#result_list thead")).to_be_hidden()
    cards = page.locator("#result_list tbody tr")
    expect(cards).to_have_count(9)
    page.screenshot(path="/tmp/lead-list-360.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    for button in (cards.first.locator("a.lead-call"), cards.first.locator("a.lead-whatsapp")):
        box = button.bounding_box()
        assert box["height"] >= 44 and box["x"] + box["width"] <= 360
    first_card = cards.first.bounding_box()
    assert first_card["width"] <= 360
    expect(page.locator("select[name=owner]")).to_have_count(0)


def test_the_lead_page_has_big_call_and_whatsapp_buttons_and_each_log_line_once(live_server, page):
    """The lead page opens with a tap-to-call button and a WhatsApp button whose greeting names the course;
    every follow-up and log line appears once."""
    asha = staff_user("asha", role="Counsellor", first_name="Asha")
    lead, _ = services.enquiry_create(name="Priya Nair", phone="9876543210", consent_given=True, owner=asha,
                                      course=CourseFactory(name="Prelims Test Series 2027"))
    services.follow_up_record(enquiry=lead, by=asha, outcome=FollowUp.Outcome.CALL_BACK,
                              note="Asked us to call after her mock test on Sunday.")
    log_in(page, live_server.url, "asha")
    page.goto(f"{live_server.url}{LIST}{lead.pk}/change/")

    call = page.locator("a.lead-contact__call")
    expect(call).to_have_attribute("href", "tel:+919876543210")
    assert call.bounding_box()["height"] >= 44
    whatsapp = page.locator("a.lead-contact__whatsapp")
    greeting = unquote(whatsapp.get_attribute("href").split("text=")[1])
    assert "Namaste Priya" in greeting and "Prelims Test Series 2027" in greeting and "Asha" in greeting
    page.screenshot(path="/tmp/lead-page.png", full_page=True)
    follow_ups = page.locator("#follow_ups-group").inner_text()
    log = page.locator("#activities-group").inner_text()
    assert follow_ups.count("Asked us to call after her mock test on Sunday.") == 1
    for line in lead.activities.values_list("text", flat=True):
        assert log.count(line) == 1, line
