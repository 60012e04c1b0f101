"""Mains answer writing end to end: a student writes on a 360 px phone (timer, a failed send that loses
nothing, a photo), an evaluator marks it on the rubric at 1280 px with a comment beside the words, and the
student reads the review through the private link. Screenshots go to /tmp/mains-*.png to be looked at."""


import pytest
from playwright.sync_api import expect

from answers.models import Answer
from tests.answers.factories import QUESTION, jpeg_bytes, mains_question
from tests.e2e.admin_steps import log_in
from tests.factories import full_article, staff_user

pytestmark = pytest.mark.django_db(transaction=True)
ANSWER = ("Devolution must serve equity and efficiency at once. The southern States fear losing their share "
          "because their population grew slowly. The Commission can reward tax effort as well as need.")


def test_a_student_writes_an_evaluator_reviews_and_the_student_reads_the_marks(live_server, browser, tmp_path):
    """Type with the timer running; the send fails with a 503 and the text survives a reload; sent, then a
    photographed answer too; the evaluator comments on "southern States" and marks 2 + 6 + 2 + 1.5; the
    student's private page shows 11.5 / 15 and the comment beside the passage."""
    question = mains_question(full_article(title="The Sixteenth Finance Commission", slug="finance-commission"))
    evaluator = staff_user("anil", role="Evaluator")
    phone = browser.new_context(viewport={"width": 360, "height": 740})
    student = phone.new_page()
    write = f"{live_server.url}/articles/finance-commission/answer/{question.pk}/"

    student.goto(f"{live_server.url}/articles/finance-commission/")
    student.get_by_role("link", name=QUESTION).click()
    expect(student).to_have_url(write)
    student.get_by_role("button", name="Start a 11-minute timer").click()
    expect(student.locator(".answer-timer")).to_have_text("10:59", timeout=3000)
    student.locator("[data-answer-text]").fill(ANSWER)
    expect(student.locator(".answer-count")).to_have_text("30 of 250 words")
    student.screenshot(path="/tmp/mains-writing-360.png", full_page=True)
    assert student.evaluate("document.documentElement.scrollWidth") <= 360

    student.route("**/answer/**", lambda route: route.fulfill(status=503, body="Back in a few minutes")
                  if route.request.method == "POST" else route.continue_())
    student.get_by_role("button", name="Send for review").click()
    expect(student.get_by_text("Back in a few minutes")).to_be_visible()
    student.unroute("**/answer/**")
    student.goto(write)
    expect(student.locator("[data-answer-text]")).to_have_value(ANSWER)  # kept by the browser
    assert not Answer.objects.exists()
    student.get_by_role("button", name="Send for review").click()
    expect(student.get_by_text("Bookmark this page:")).to_be_visible()
    link = student.url
    assert student.evaluate(f"window.localStorage.getItem('answer-draft:{question.pk}')") is None

    photo = tmp_path / "page.jpg"
    photo.write_bytes(jpeg_bytes((1200, 1600)))
    student.goto(write)
    student.locator("input[type=file]").set_input_files(str(photo))
    student.get_by_role("button", name="Send for review").click()
    expect(student.locator("img.answer-photo")).to_be_visible()
    student.screenshot(path="/tmp/mains-photo-360.png", full_page=True)

    desk = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(desk, live_server.url, evaluator.username)
    typed = Answer.objects.get(version=1)
    desk.goto(f"{live_server.url}/admin/answers/answer/{typed.pk}/change/")
    start = ANSWER.index("southern States")
    desk.evaluate("""([start, end]) => { const text = document.querySelector('[data-answer-for-review]').firstChild;
        const range = document.createRange(); range.setStart(text, start); range.setEnd(text, end);
        const selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range); }""",
                  [start, start + len("southern States")])
    desk.get_by_role("button", name="Comment on the selection").click()
    desk.get_by_label("Comment on: southern States").fill("Name the States and the share they lost.")
    for field, value in (("introduction", "2"), ("body", "6"), ("conclusion", "2"), ("presentation", "1.5")):
        desk.fill(f"#id_{field}", value)
    expect(desk.locator("[data-rubric-total]")).to_have_text("11.5")
    desk.fill("#id_remark", "A balanced answer; add the Fifteenth Commission's figures.")
    desk.screenshot(path="/tmp/mains-review-1280.png", full_page=True)
    desk.get_by_role("button", name="Save the review").click()
    expect(desk.get_by_text("Review saved")).to_be_visible()

    student.goto(link)
    expect(student.locator(".answer-review .quiz-score")).to_have_text("11.5 / 15")
    expect(student.locator("mark#passage-1")).to_contain_text("southern States")
    expect(student.locator("#comment-1")).to_contain_text("Name the States and the share they lost.")
    student.screenshot(path="/tmp/mains-feedback-360.png", full_page=True)
    assert student.evaluate("document.documentElement.scrollWidth") <= 360
    phone.close()
