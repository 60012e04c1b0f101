"""Steps a person takes in the admin, shared by the browser tests."""

from playwright.sync_api import expect

from tests.factories import PASSWORD


def log_in(page, base_url, username):
    page.context.clear_cookies()
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_be_visible()


def type_into_editor(page, inline_prefix, text):
    page.locator(f"#{inline_prefix} .ck-editor__editable").click()
    page.keyboard.type(text)


def choose_topic(page, row, name):
    """The topic field is the admin's select2 autocomplete."""
    page.locator(f"#relevances-{row} .field-topic .select2-selection").click()
    page.locator(".select2-search__field").fill(name)
    page.locator(".select2-results__option", has_text=name).first.click()


def write_article(page, base_url, *, title, context, sections, paper="GS3", topic="Infrastructure", tags=""):
    """Fill the add-article form and save it; `sections` is a list of (heading, text)."""
    page.goto(f"{base_url}/admin/articles/article/add/")
    page.locator("#id_title").press_sequentially(title)
    page.fill("#id_context", context)
    page.select_option("#id_edition", label="March 2024")
    if tags:
        page.fill("#id_tags", tags)
    page.select_option("#id_relevances-0-paper", label=paper)
    choose_topic(page, 0, topic)
    page.locator("#id_relevances-0-is_primary").check()
    for index, (heading, text) in enumerate(sections):
        if index:
            page.locator("#sections-group .add-row a").click()
        page.fill(f"#id_sections-{index}-heading", heading)
        type_into_editor(page, f"sections-{index}", text)
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")


def press_workflow_button(page, label, *, comment=None, when=None):
    move = page.locator(".workflow-panel .move", has=page.get_by_role("button", name=label, exact=True))
    if comment is not None:
        move.locator("textarea").fill(comment)
    if when is not None:
        move.locator("input[type=datetime-local]").fill(when)
    move.get_by_role("button", name=label, exact=True).click()
