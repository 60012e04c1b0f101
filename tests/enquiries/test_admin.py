import csv
import html
import io
import re
from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.utils import timezone

from enquiries.models import Activity, Enquiry, ErasureLog, FollowUp
from tests.admin_forms import formset
from tests.factories import CallUsNumberFactory, EnquiryFactory, full_article, later_today

pytestmark = pytest.mark.django_db
LIST = "/admin/enquiries/enquiry/"


def change(lead):
    return f"{LIST}{lead.pk}/change/"


def follow_up_post(lead, **row):
    """The change form as a counsellor saves it with one new follow-up row."""
    now = timezone.localtime()
    follow_up = {"at_0": now.strftime("%Y-%m-%d"), "at_1": now.strftime("%H:%M:%S"), "kind": "call",
                 "outcome": "call_back", "note": "Call after 6 pm.", **row}
    activities = [{"id": activity.pk} for activity in lead.activities.all()]
    return {"status": lead.status, "owner": lead.owner_id or "", **formset("follow_ups", [follow_up]),
            **formset("activities", activities, initial=len(activities))}


def test_default_list_is_my_open_leads_and_unassigned_ones(client, staff):
    """A counsellor first sees their own open leads and unassigned ones, not colleagues' or closed ones."""
    EnquiryFactory(name="Mine", owner=staff["counsellor"])
    EnquiryFactory(name="Nobody's")
    EnquiryFactory(name="Bala's", owner=staff["other_counsellor"])
    EnquiryFactory(name="Closed one", owner=staff["counsellor"], status="enrolled")
    client.force_login(staff["counsellor"])

    page = client.get(LIST).content.decode()
    everything = client.get(f"{LIST}?leads=all").content.decode()

    assert "Mine" in page and "Nobody&#x27;s" in page
    assert "Bala&#x27;s" not in page and "Closed one" not in page
    assert "Bala&#x27;s" in everything and "Closed one" in everything


@pytest.mark.parametrize("typed", ["+91 98211 47365", "098211-47365", "9821147365", "47365", "Ananya", "ananya SHARMA",
                                   "pune"])
def test_the_lead_search_finds_a_lead_by_phone_however_typed_by_part_of_it_by_name_or_city(client, staff, typed):
    """A whole phone number in any spelling is looked up exactly; a part of a number, a name (any case, any
    words of it) or a city is matched within the fields; other leads stay out of the results."""
    EnquiryFactory(name="Ananya Sharma", phone="+919821147365", city="Pune")
    EnquiryFactory(name="Bhavna Rao", phone="+919876500001", city="Mysuru")
    client.force_login(staff["counsellor"])

    page = client.get(LIST, {"leads": "all", "q": typed}).content.decode()

    assert "Ananya Sharma" in page and "Bhavna Rao" not in page


def test_list_columns_give_tel_and_whatsapp_links_source_and_coloured_due(client, staff):
    """Each row links the phone for calling and WhatsApp, names the source article and colours the next follow-up."""
    article = full_article(title="Japan and India step up defence ties")
    EnquiryFactory(name="Overdue lead", phone="+919876543210", owner=staff["counsellor"], source_article=article,
                   next_follow_up_at=timezone.now() - timedelta(days=2))
    client.force_login(staff["counsellor"])

    page = client.get(LIST).content.decode()

    assert '<a class="lead-call" href="tel:+919876543210">9876543210</a>' in page
    assert 'href="https://wa.me/919876543210"' in page
    assert ('<span class="lead-source" title="Web form: Japan and India step up defence ties">'
            "Japan and India step up defence ties</span>") in page
    assert '<span class="due due--overdue"' in page and ">overdue<" in page


def test_the_list_columns_are_in_the_order_a_counsellor_reads_them(client, staff):
    """Name, phone (with WhatsApp), course, status, next follow-up, owner, age, then the short source label."""
    EnquiryFactory(owner=staff["counsellor"])
    client.force_login(staff["counsellor"])

    page = client.get(LIST).content.decode()

    headers = re.findall(r'<th scope="col" class="[^"]*column-(\w+)', page)
    assert headers == ["name", "contact", "course_name", "status", "next_follow_up", "owner", "age", "source"]


def test_only_people_who_may_reassign_get_the_counsellor_picker(client, staff):
    """The "Counsellor" drop-down beside the actions is for reassigning: a manager has it, a counsellor does not."""
    EnquiryFactory(owner=staff["counsellor"])

    client.force_login(staff["counsellor"])
    counsellor_page = client.get(LIST).content.decode()
    client.force_login(staff["manager"])
    manager_page = client.get(LIST).content.decode()

    assert '<select name="owner"' not in counsellor_page and "Reassign to the counsellor" not in counsellor_page
    assert '<select name="owner"' in manager_page and "Reassign to the counsellor chosen above" in manager_page


def test_due_filters_in_the_list(client, staff):
    """The "due today" filter lists leads due today and not overdue ones."""
    EnquiryFactory(name="Due today", owner=staff["counsellor"], next_follow_up_at=later_today())
    EnquiryFactory(name="Overdue", owner=staff["counsellor"], next_follow_up_at=timezone.now() - timedelta(hours=1))
    client.force_login(staff["counsellor"])

    page = client.get(f"{LIST}?due=today").content.decode()

    assert '">Due today</a></th>' in page and '">Overdue</a></th>' not in page


def test_logging_a_call_records_first_response_next_due_and_leaves_due_today(client, staff):
    """A counsellor logs a call with a follow-up tomorrow: first response is set and the lead leaves "due today"."""
    lead = EnquiryFactory(name="Fresh lead", owner=staff["counsellor"], created_at=timezone.now() - timedelta(hours=1))
    client.force_login(staff["counsellor"])
    assert '">Fresh lead</a></th>' in client.get(f"{LIST}?due=today").content.decode()
    tomorrow = timezone.localtime() + timedelta(days=1)

    response = client.post(change(lead), follow_up_post(lead, **{
        "next_due_at_0": tomorrow.strftime("%Y-%m-%d"), "next_due_at_1": "10:00:00"}))

    assert response.status_code == 302
    lead.refresh_from_db()
    assert lead.first_response_at is not None and lead.status == "follow_up"
    assert timezone.localtime(lead.next_follow_up_at).date() == tomorrow.date()
    assert FollowUp.objects.get().by == staff["counsellor"]
    assert '">Fresh lead</a></th>' not in client.get(f"{LIST}?due=today").content.decode()


def test_what_the_student_submitted_cannot_be_edited(client, staff):
    """A crafted POST that changes the submitted name or message leaves them as the student wrote them."""
    lead = EnquiryFactory(name="Original Name", message="Original message", owner=staff["counsellor"])
    client.force_login(staff["counsellor"])

    client.post(change(lead), {**follow_up_post(lead), "name": "Changed", "message": "Changed",
                               "follow_ups-TOTAL_FORMS": 0})

    lead.refresh_from_db()
    assert (lead.name, lead.message) == ("Original Name", "Original message")


def test_assign_to_me_takes_unassigned_leads_but_not_colleagues(client, staff):
    """A counsellor can take unassigned leads; taking a colleague's lead needs a manager."""
    free = EnquiryFactory(name="Free")
    taken = EnquiryFactory(name="Taken", owner=staff["other_counsellor"])
    client.force_login(staff["counsellor"])

    client.post(LIST, {"action": "assign_to_me", "_selected_action": [free.pk]})
    refused = client.post(f"{LIST}?leads=all", {"action": "assign_to_me", "_selected_action": [taken.pk]},
                          follow=True)

    assert Enquiry.objects.get(pk=free.pk).owner == staff["counsellor"]
    assert Enquiry.objects.get(pk=taken.pk).owner == staff["other_counsellor"]
    assert "only a counselling manager can reassign them" in refused.content.decode()


def test_only_a_manager_may_reassign_and_export(client, staff):
    """Reassigning and exporting are offered to managers only; a counsellor's crafted POST changes nothing."""
    lead = EnquiryFactory(name="Lead", owner=staff["other_counsellor"])
    client.force_login(staff["counsellor"])
    counsellor_page = client.get(f"{LIST}?leads=all").content.decode()
    client.post(f"{LIST}?leads=all", {"action": "reassign", "_selected_action": [lead.pk], "owner": staff["counsellor"].pk})
    crafted_export = client.post(f"{LIST}?leads=all", {"action": "export_admin_action", "_selected_action": [lead.pk]})
    assert Enquiry.objects.get(pk=lead.pk).owner == staff["other_counsellor"]
    assert "text/csv" not in crafted_export.get("Content-Type", "")

    client.force_login(staff["manager"])
    manager_page = client.get(f"{LIST}?leads=all").content.decode()
    client.post(f"{LIST}?leads=all", {"action": "reassign", "_selected_action": [lead.pk], "owner": staff["counsellor"].pk})

    assert 'value="reassign"' not in counsellor_page and 'value="export_admin_action"' not in counsellor_page
    assert 'value="reassign"' in manager_page and 'value="export_admin_action"' in manager_page
    assert Enquiry.objects.get(pk=lead.pk).owner == staff["counsellor"]
    assert Activity.objects.filter(enquiry=lead, text__startswith="Assigned to Asha").exists()


def test_csv_export_holds_the_selected_leads(client, staff):
    """A manager's export is a CSV with one row per selected lead and its key columns."""
    article = full_article(title="UPI goes global")
    lead = EnquiryFactory(name="प्रिया सिंह", phone="+919876543210", city="Lucknow", source_article=article,
                          owner=staff["counsellor"], utm_source="telegram")
    client.force_login(staff["manager"])

    response = client.post(f"{LIST}?leads=all", {"action": "export_admin_action", "_selected_action": [lead.pk]})

    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 1
    assert {k: rows[0][k] for k in ["name", "phone", "city", "status", "owner", "source article", "utm_source"]} == {
        "name": "प्रिया सिंह", "phone": "+919876543210", "city": "Lucknow", "status": "New", "owner": "asha",
        "source article": "UPI goes global", "utm_source": "telegram"}


def test_csv_export_lists_every_follow_up_with_its_outcome(client, staff):
    """The follow-ups column holds each contact, oldest first, with its kind and outcome, with or without a note."""
    lead = EnquiryFactory(owner=staff["counsellor"])
    FollowUp.objects.create(enquiry=lead, by=staff["counsellor"], at=timezone.now() - timedelta(days=1),
                            kind="call", outcome="no_answer")
    FollowUp.objects.create(enquiry=lead, by=staff["counsellor"], at=timezone.now(), kind="call",
                            outcome="call_back", note="Call after her exam.")
    client.force_login(staff["manager"])

    response = client.post(f"{LIST}?leads=all", {"action": "export_admin_action", "_selected_action": [lead.pk]})

    cell = next(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))["follow-ups"]
    first, second = cell.split(" | ")
    assert first.endswith("Call (No answer)") and second.endswith("Call (Asked to call back): Call after her exam.")


def test_the_export_page_selects_columns_without_inline_script_or_style(client, staff):
    """The export page's "Select all" is bound by a script file (the CSP blocks inline handlers and style
    attributes), and every column is offered."""
    client.force_login(staff["manager"])

    page = client.get(f"{LIST}export/").content.decode()

    assert "data-select-all" in page and "js/export-fields" in page
    assert not re.search(r"\son[a-z]+=|\sstyle=", page.split('id="content"')[1])
    assert 'name="enquiryresource_phone"' in page


def test_csv_export_opens_in_excel_with_names_intact_and_no_formulas(client, staff):
    """The export starts with a UTF-8 byte-order mark, and cells a spreadsheet would run as a formula are
    made text with a leading apostrophe; a phone number in E.164 is a number, left as it is."""
    leads = [
        EnquiryFactory(name="=HYPERLINK(\"http://evil.example\",\"Click\")", city="+1+1", message="@SUM(A1)"),
        EnquiryFactory(name="-2+3", city="\tTab", email="ok@example.com"),
        EnquiryFactory(name="அருண் குமார்", city="\rCR"),
    ]
    client.force_login(staff["manager"])

    response = client.post(f"{LIST}?leads=all", {"action": "export_admin_action",
                                                 "_selected_action": [lead.pk for lead in leads]})

    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))}
    first, second, third = (rows[str(lead.pk)] for lead in leads)
    assert first["name"] == "'=HYPERLINK(\"http://evil.example\",\"Click\")" and first["city"] == "'+1+1"
    assert second["name"] == "'-2+3" and second["city"] == "'\tTab"
    assert third["name"] == "அருண் குமார்" and third["city"] == "'\rCR"
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r"))
                   for row in rows.values() for column, cell in row.items() if column != "phone")
    assert all(row["phone"].startswith("+91") for row in rows.values())


def test_mark_actions_move_the_pipeline(client, staff):
    """Mark enrolled closes the lead and logs who did it."""
    lead = EnquiryFactory(owner=staff["counsellor"])
    client.force_login(staff["counsellor"])

    client.post(LIST, {"action": "mark_enrolled", "_selected_action": [lead.pk]})

    lead.refresh_from_db()
    assert lead.status == "enrolled" and lead.next_follow_up_at is None
    assert lead.activities.last().text == "Marked enrolled by Asha."


def test_counsellor_logs_a_phone_call_lead_through_the_same_service(client, staff):
    """Logging an inbound call creates a lead owned by the counsellor, logged by staff, with the number called."""
    desk = CallUsNumberFactory(number="+919606900005")
    client.force_login(staff["counsellor"])

    response = client.post("/admin/enquiries/enquiry/log/", {
        "channel": "phone", "call_us_number": desk.pk, "name": "Walk-in Student", "phone": "98765 43210",
        "consent_by": "spoken"})
    repeat = client.post("/admin/enquiries/enquiry/log/", {
        "channel": "walk_in", "name": "Walk-in Student", "phone": "9876543210", "consent_by": "none"}, follow=True)

    lead = Enquiry.objects.get()
    assert response.status_code == 302
    assert (lead.channel, lead.call_us_number, lead.owner, lead.repeat_count) == ("phone", desk, staff["counsellor"], 1)
    assert lead.origin == Enquiry.Origin.STAFF
    assert "already had an open lead" in repeat.content.decode()


def test_a_lead_logged_after_a_conversation_is_contacted_and_says_how_consent_was_given(client, staff):
    """A walk-in logged with consent spoken is "contacted" (not "new, due in two hours"), answered already,
    due only when the counsellor says, and records "spoken" with the notice version."""
    client.force_login(staff["counsellor"])
    next_call = (timezone.localtime() + timedelta(days=2)).replace(second=0, microsecond=0)

    client.post("/admin/enquiries/enquiry/log/", {
        "channel": "walk_in", "name": "Kavya Menon", "phone": "98765 43210", "consent_by": "spoken",
        "next_follow_up_at": next_call.strftime("%Y-%m-%dT%H:%M")})

    lead = Enquiry.objects.get()
    assert lead.status == "contacted" and lead.first_response_at is not None
    assert lead.next_follow_up_at == next_call
    assert lead.consent_given and lead.consent_by == "spoken" and lead.consent_notice_version
    assert "Spoken, after the notice was read out" in client.get(change(lead)).content.decode()


def test_a_lead_logged_without_consent_is_kept_and_shown_without_marketing_consent(client, staff):
    """Not choosing how consent was given is refused with a message; "not given" keeps the lead, marked in
    the list as having no marketing consent."""
    client.force_login(staff["counsellor"])
    fields = {"channel": "phone", "name": "Irfan Ali", "phone": "98765 43210"}

    unanswered = client.post("/admin/enquiries/enquiry/log/", fields)
    declined = client.post("/admin/enquiries/enquiry/log/", {**fields, "consent_by": "none"})

    assert "Say how they gave consent, or that they did not." in unanswered.content.decode()
    assert declined.status_code == 302
    lead = Enquiry.objects.get()
    assert not lead.consent_given and lead.consent_by == "" and lead.status == "contacted"
    assert "no marketing consent" in client.get(LIST).content.decode()


def test_logging_a_lead_with_a_bad_number_shows_the_error(client, staff):
    """A foreign number typed by a counsellor is refused on the form."""
    client.force_login(staff["counsellor"])

    response = client.post("/admin/enquiries/enquiry/log/", {"channel": "phone", "name": "X", "phone": "+1 415 555 2671",
                                                             "consent_by": "none"})

    assert "Only Indian numbers are accepted" in response.content.decode()
    assert not Enquiry.objects.exists()


@pytest.mark.parametrize("role", ["editor", "writer"])
def test_writers_and_editors_see_no_lead_data(client, staff, role):
    """Editorial staff get 403 on the lead list, a lead and the export, and no dashboard."""
    lead = EnquiryFactory(name="Private Person")
    client.force_login(staff[role])

    assert client.get(LIST).status_code == 403
    assert client.get(change(lead)).status_code == 403
    assert client.post(LIST, {"action": "export_admin_action", "_selected_action": [lead.pk]}).status_code == 403
    assert "Private Person" not in client.get("/admin/").content.decode()
    assert "Leads today" not in client.get("/admin/").content.decode()


def test_counsellors_have_no_access_to_articles(client, staff):
    """A counsellor gets 403 on the articles admin."""
    client.force_login(staff["counsellor"])

    assert client.get("/admin/articles/article/").status_code == 403


def test_erasing_is_a_confirmed_page_for_managers_not_a_bulk_action(client, staff):
    """Erasure is not in the actions menu; a manager's lead page links to a page that names the person and says
    it cannot be undone; a counsellor gets 403 there and nothing is erased."""
    lead = EnquiryFactory(name="Asks to be forgotten", owner=staff["counsellor"])
    client.force_login(staff["counsellor"])
    refused = client.post(f"{LIST}{lead.pk}/erase/")
    counsellor_page = client.get(change(lead)).content.decode()
    client.force_login(staff["manager"])

    lead_page = client.get(change(lead)).content.decode()
    confirm = client.get(f"{LIST}{lead.pk}/erase/").content.decode()
    actions = client.get(f"{LIST}?leads=all").content.decode()

    assert refused.status_code == 403 and not ErasureLog.objects.exists()
    assert "/erase/" not in counsellor_page
    assert f'href="{LIST}{lead.pk}/erase/"' in lead_page
    assert "This cannot be undone." in confirm and "Asks to be forgotten" in confirm
    assert 'value="erase"' not in actions
    assert Enquiry.objects.get(pk=lead.pk).name == "Asks to be forgotten"


def test_confirming_erases_every_lead_of_that_mobile_number(client, staff):
    """Like `erase_enquiry --phone`, one confirmation erases each lead with the person's number and no other."""
    older = EnquiryFactory(name="Priya", phone="+919876543210", status="enrolled")
    newer = EnquiryFactory(name="Priya S", phone="+919876543210")
    someone_else = EnquiryFactory(name="Rahul", phone="+919812345678")
    client.force_login(staff["manager"])

    response = client.post(f"{LIST}{newer.pk}/erase/", follow=True)

    assert "Personal data erased from 2 lead(s) with that number" in response.content.decode()
    assert [Enquiry.objects.get(pk=lead.pk).name for lead in (older, newer, someone_else)] == [
        "Erased", "Erased", "Rahul"]
    assert ErasureLog.objects.get().leads_erased == 2


def test_changing_the_status_in_the_lead_form_goes_through_the_service(client, staff):
    """A counsellor who sets "Not interested" on the lead's page closes it and the log names them."""
    lead = EnquiryFactory(owner=staff["counsellor"])
    client.force_login(staff["counsellor"])
    data = {**follow_up_post(lead), **formset("follow_ups", []), "status": "not_interested"}

    response = client.post(change(lead), data)

    assert response.status_code == 302
    lead.refresh_from_db()
    assert (lead.status, lead.next_follow_up_at) == ("not_interested", None)
    assert lead.activities.last().text == "Marked not interested by Asha."


def test_a_counsellor_sees_a_colleagues_lead_read_only_and_cannot_post_to_it(client, staff):
    """A colleague's lead opens without a save button; a crafted POST is refused and changes nothing."""
    lead = EnquiryFactory(owner=staff["other_counsellor"])
    client.force_login(staff["counsellor"])

    page = client.get(change(lead))
    crafted = client.post(change(lead), {**follow_up_post(lead), "status": "enrolled"})

    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert crafted.status_code == 403
    lead.refresh_from_db()
    assert lead.status == "new" and not lead.follow_ups.exists()


def test_a_colleagues_read_only_lead_shows_no_input_that_could_not_be_saved(client, staff):
    """The read-only page has no empty follow-up row (its typed note had no Save and was lost), and no
    input of the lead form; only the note for its counsellor."""
    lead = EnquiryFactory(owner=staff["other_counsellor"])
    client.force_login(staff["counsellor"])

    page = client.get(change(lead)).content.decode()
    lead_form = page.split('id="enquiry_form"')[1].split("</form>")[0]

    assert 'name="follow_ups-0-note"' not in page
    assert not re.search(r"<(input|textarea|select)\b(?![^>]*type=\"hidden\")", lead_form)
    assert "Add a note for" in page


def test_a_counsellor_who_spoke_to_a_colleagues_student_leaves_a_note_the_owner_sees(client, staff):
    """The note goes on the lead's log with who wrote it, changes nothing else, and shows on the owner's page;
    an empty note is refused with a message and stores nothing."""
    lead = EnquiryFactory(owner=staff["other_counsellor"])
    client.force_login(staff["counsellor"])

    empty = client.post(f"{LIST}{lead.pk}/note/", {"note": "   "}, follow=True)
    kept = client.post(f"{LIST}{lead.pk}/note/", {"note": "She called the desk: prefers the weekend batch."})

    assert empty.status_code == 200 and "Write the note first." in empty.content.decode()
    assert kept.status_code == 302
    note = Activity.objects.get(enquiry=lead, text__startswith="Note from")
    assert note.text.endswith(": She called the desk: prefers the weekend batch.")
    lead.refresh_from_db()
    assert lead.status == "new" and lead.owner == staff["other_counsellor"]
    client.force_login(staff["other_counsellor"])
    assert "prefers the weekend batch" in client.get(change(lead)).content.decode()


def test_a_counsellors_mark_action_on_a_colleagues_lead_is_refused_with_the_reason(client, staff):
    """The bulk "mark enrolled" over a colleague's lead shows why it was refused and moves nothing."""
    lead = EnquiryFactory(owner=staff["other_counsellor"])
    client.force_login(staff["counsellor"])

    response = client.post(f"{LIST}?leads=all", {"action": "mark_enrolled", "_selected_action": [lead.pk]},
                           follow=True)

    assert "only a counselling manager can change them" in response.content.decode()
    lead.refresh_from_db()
    assert lead.status == "new"


def test_a_status_changed_on_the_change_form_is_written_to_the_log(client, staff):
    """Changing the status field on the lead's page writes who did it to the lead's log."""
    lead = EnquiryFactory(owner=staff["counsellor"])
    client.force_login(staff["counsellor"])
    data = follow_up_post(lead)
    data.update(formset("follow_ups", []))

    client.post(change(lead), {**data, "status": "contacted"})

    lead.refresh_from_db()
    assert lead.status == "contacted"
    assert lead.activities.last().text == "Marked contacted by Asha."


def test_csv_export_holds_the_message_and_the_follow_up_notes(client, staff):
    """The export carries what the student wrote and every note the counsellors made, oldest first."""
    lead = EnquiryFactory(message="Is there a Hindi-medium batch?", owner=staff["counsellor"])
    first = timezone.make_aware(timezone.datetime(2026, 12, 2, 10, 0))
    second = timezone.make_aware(timezone.datetime(2026, 12, 3, 11, 0))
    FollowUp.objects.create(enquiry=lead, by=staff["counsellor"], at=second, kind="whatsapp", outcome="reached",
                            note="Sent the brochure.")
    FollowUp.objects.create(enquiry=lead, by=staff["counsellor"], at=first, kind="call", outcome="call_back",
                            note="Asked to call after exams.")
    client.force_login(staff["manager"])

    response = client.post(LIST, {"action": "export_admin_action", "_selected_action": [lead.pk]})

    row = next(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert row["message"] == "Is there a Hindi-medium batch?"
    assert row["follow-ups"] == (
        "2 Dec 2026 Call (Asked to call back): Asked to call after exams. | "
        "3 Dec 2026 WhatsApp (Spoke to them): Sent the brochure.")


def test_a_managers_list_and_export_show_every_open_lead(client, staff):
    """A manager's lead list opens on all open leads (not "mine", which is usually empty for them), so
    "select all" then export gives what they see."""
    leads = [EnquiryFactory(owner=staff["counsellor"]), EnquiryFactory(owner=staff["other_counsellor"])]
    client.force_login(staff["manager"])

    page = client.get(LIST).content.decode()
    response = client.post(LIST, {"action": "export_admin_action", "select_across": "1", "index": "0",
                                  "_selected_action": [leads[0].pk]})

    assert all(f'value="{lead.pk}"' in page for lead in leads)
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert sorted(int(row["id"]) for row in rows) == sorted(lead.pk for lead in leads)


def test_the_export_file_is_named_by_the_date_in_india(client, staff, monkeypatch):
    """At 02:00 IST (20:30 UTC the day before) the file carries India's date."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    two_am_ist = datetime(2026, 3, 15, 2, 0, tzinfo=ZoneInfo("Asia/Kolkata"))
    monkeypatch.setattr(timezone, "now", lambda: two_am_ist)
    lead = EnquiryFactory()
    client.force_login(staff["manager"])

    response = client.post(LIST, {"action": "export_admin_action", "_selected_action": [lead.pk]})

    assert 'filename="leads-2026-03-15.csv"' in response["Content-Disposition"]


def test_the_lead_page_has_a_call_button_and_a_whatsapp_greeting_naming_the_course(client, staff):
    """A big tap-to-call button and a WhatsApp button whose message greets the student by name, names the
    counsellor, the institute and the course."""
    lead = EnquiryFactory(name="Priya Nair", phone="+919876543210", course__name="GS Foundation 2027",
                          owner=staff["counsellor"])
    client.force_login(staff["counsellor"])

    page = client.get(change(lead)).content.decode()

    assert '<a class="lead-contact__call" href="tel:+919876543210">Call 9876543210</a>' in page
    link = re.search(r'class="lead-contact__whatsapp" href="([^"]+)"', page).group(1)
    assert link.startswith("https://wa.me/919876543210?text=")
    assert unquote(html.unescape(link).split("text=")[1]) == (
        "Namaste Priya, this is Asha from Pragati IAS Academy. You enquired about the GS Foundation 2027 course; "
        "is this a good time to talk?")


def test_a_long_lead_list_is_never_counted_in_full(client, staff, monkeypatch):
    """Past the cap the list says "More than N leads" and pages through the first N; no query counts the whole
    table (each count is over a LIMITed subquery), and there is no "(N total)"."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from common.paging import CappedCountPaginator

    monkeypatch.setattr(CappedCountPaginator, "CAP", 3)
    for number in range(5):
        EnquiryFactory(name=f"Lead number {number}")
    client.force_login(staff["counsellor"])

    with CaptureQueriesContext(connection) as queries:
        page = client.get(LIST, {"leads": "all"}).content.decode()

    assert "More than 3 leads" in page and "total)" not in page
    counts = [query["sql"] for query in queries.captured_queries if "COUNT(" in query["sql"].upper()
              and "enquiries_enquiry" in query["sql"]]
    assert counts and all("LIMIT" in sql.upper() for sql in counts)
    assert "Lead number 4" in client.get(LIST, {"leads": "all", "q": "Lead number 4"}).content.decode()


def test_a_lead_page_writes_its_times_day_first_with_the_zone(client, staff):
    """Received, consent and first-response times read "5 Mar 2024, 09:00 IST", never "March 5, 2024, 9 a.m."."""
    lead = EnquiryFactory(owner=staff["counsellor"], consent_at=timezone.now(), first_response_at=timezone.now())
    client.force_login(staff["counsellor"])

    page = client.get(change(lead)).content.decode()

    local = timezone.localtime(lead.created_at)
    assert f"{local.day} {local:%b %Y, %H:%M} IST" in page
    assert not re.search(r"\b[ap]\.m\.", page) and not re.search(r"[A-Z][a-z]+\. \d{1,2}, \d{4}", page)
