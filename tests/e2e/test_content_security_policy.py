"""The Content-Security-Policy holds in a real browser: no page, public or the admin's rich-text editor,
triggers a single violation."""

import pytest
from playwright.sync_api import expect

from tests.e2e.admin_steps import log_in, type_into_editor
from tests.factories import (
    CallUsNumberFactory, CourseFactory, EditionFactory, EnquiryFactory, full_article, staff_user,
)

pytestmark = pytest.mark.django_db(transaction=True)

# Chromium reports each blocked script, style, frame or form both as a console error and as a DOM event.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " blocked " + (event.blockedURI || "inline"));
});
"""


def watch_for_violations(page):
    console = []
    page.on("console", lambda message: console.append(message.text)
            if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text else None)
    page.add_init_script(RECORD_VIOLATIONS)
    return lambda: console + page.evaluate("window.__cspViolations || []")


def test_public_pages_load_without_a_csp_violation(live_server, page):
    """Every kind of public page, and the print button, work under the policy with nothing blocked."""
    CallUsNumberFactory(number="+919606900005")
    CourseFactory()
    article = full_article(title="Groundwater and the Green Revolution", tags=("Agriculture",),
                           edition=EditionFactory(year=2024, month=3))
    violations = watch_for_violations(page)
    paths = ["/", article.get_absolute_url(), "/papers/gs2/", "/papers/gs2/international-relations/",
             "/tags/agriculture/", "/editions/2024/03/", "/search/?q=groundwater", "/enquiry/", "/privacy/",
             "/no-such-page/"]

    for path in paths:
        response = page.goto(live_server.url + path)
        assert "default-src 'self'" in response.headers["content-security-policy"], path
    page.goto(live_server.url + article.get_absolute_url())
    page.evaluate("window.print = () => { window.__printed = true; }")
    page.get_by_role("button", name="Print").click()

    assert page.evaluate("window.__printed") is True
    assert violations() == []


def test_the_admin_article_form_with_ckeditor_loads_without_a_csp_violation(live_server, page):
    """The admin's article form, its CKEditor sections (typing, a table, bold) and the tag suggestions run
    under the admin's policy with nothing blocked."""
    staff_user("meera", role="Editor")
    violations = watch_for_violations(page)
    log_in(page, live_server.url, "meera")

    page.goto(f"{live_server.url}/admin/articles/article/add/")
    expect(page.locator("#sections-0 .ck-editor__editable")).to_be_visible()
    type_into_editor(page, "sections-0", "Recently, the monsoon arrived early.")
    page.keyboard.press("Control+b")
    page.keyboard.type(" Bold words.")
    page.locator("#sections-0 .ck-toolbar button[data-cke-tooltip-text='Insert table']").click()
    page.locator("#sections-0 .ck-insert-table-dropdown-grid-box").first.click()
    page.locator("#id_tags").press_sequentially("Agri")
    page.goto(f"{live_server.url}/admin/")

    assert violations() == []


def test_the_back_office_pages_load_without_a_csp_violation(live_server, page):
    """The lead dashboard, lists, a lead, an article's history, the import page, an edition and the
    two-factor page show nothing blocked, for a counselling manager and an editor."""
    staff_user("meera", role="Editor")
    lead = EnquiryFactory(owner=staff_user("rohan", role="Counselling manager"))
    edition = EditionFactory(year=2024, month=3)
    article = full_article(edition=edition)
    violations = watch_for_violations(page)

    log_in(page, live_server.url, "rohan")
    for path in ["/admin/", "/admin/enquiries/enquiry/", f"/admin/enquiries/enquiry/{lead.pk}/change/",
                 f"/admin/enquiries/enquiry/{lead.pk}/erase/", "/admin/enquiries/enquiry/log/", "/admin/two-factor/"]:
        page.goto(live_server.url + path)
    expect(page.locator(".two-factor__qr svg")).to_be_visible()
    log_in(page, live_server.url, "meera")
    for path in ["/admin/", "/admin/articles/article/", f"/admin/articles/article/{article.pk}/change/",
                 f"/admin/articles/article/{article.pk}/history/", "/admin/articles/article/import/",
                 f"/admin/articles/edition/{edition.pk}/change/", "/admin/articles/edition/"]:
        page.goto(live_server.url + path)

    assert violations() == []


def test_the_lead_export_pages_select_all_works_under_the_csp(live_server, page):
    """On the export page "Select all" clears and ticks every column, with no CSP violation."""
    staff_user("rohan", role="Counselling manager")
    violations = watch_for_violations(page)
    log_in(page, live_server.url, "rohan")
    page.goto(f"{live_server.url}/admin/enquiries/enquiry/export/")
    columns = page.locator(".selectable-field-export-row input[type=checkbox]")
    expect(columns.first).to_be_checked()

    page.locator("[data-select-all]").uncheck()
    unticked = [columns.nth(n).is_checked() for n in range(columns.count())]
    page.locator("[data-select-all]").check()

    assert columns.count() > 10 and not any(unticked)
    assert all(columns.nth(n).is_checked() for n in range(columns.count()))
    assert violations() == []
