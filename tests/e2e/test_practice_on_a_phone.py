"""A student takes an article's Prelims questions on a 360 px phone and reads the marked result."""

import pytest
from playwright.sync_api import expect

from tests.factories import SectionFactory, full_article
from tests.practice.factories import question, statements_question

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_student_practises_an_article_on_a_phone(live_server, browser):
    """From the article's "Practise" button: answer one right, one wrong, leave one blank, submit, and see
    4.00 − 2.00 … exactly: 1.33 / 6.00, the right answers, the explanations and a "Read:" link that lands on
    the section."""
    article = full_article(title="The Sixteenth Finance Commission", slug="finance-commission", sections=2)
    SectionFactory(article=article, position=3, heading="Way Forward", body="<p>Share taxes fairly.</p>")
    single = question(article, section=article.sections.get(position=1))
    statements_question(article, position=1)
    question(article, stem="Which body meets in the GST Council's place?", position=2)
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()

    page.goto(f"{live_server.url}/articles/finance-commission/")
    page.get_by_role("link", name="Practise 3 Prelims questions").click()
    page.get_by_label("(a) The Finance Commission").first.check()
    page.locator("#question-2").get_by_label("(a) 1 only").check()
    page.screenshot(path="/tmp/practice-paper-360.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.get_by_role("button", name="Submit answers").click()

    expect(page.locator(".quiz-score")).to_have_text("1.33 / 6.00")
    expect(page.locator(".quiz-summary")).to_contain_text("1 correct")
    expect(page.locator("#question-2 .quiz-verdict")).to_contain_text("Correct answer: (b) 1 and 3 only")
    page.screenshot(path="/tmp/practice-result-360.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.locator("#question-1").get_by_role("link", name=f"Read: {single.section.heading}").click()
    expect(page).to_have_url(f"{live_server.url}/articles/finance-commission/#{article.dimensions[0].anchor}")
    context.close()


def test_a_student_takes_the_months_quiz_on_a_phone(live_server, browser):
    """From the edition page: the timed quiz counts down, answers are revealed only after handing in."""
    from tests.factories import EditionFactory, relevance
    from tests.factories import ArticleFactory

    march = EditionFactory(year=2024, month=3)
    for number, (code, topic) in enumerate([("gs2", "International Relations"), ("gs3", "Biodiversity")]):
        article = ArticleFactory(edition=march, slug=f"month-piece-{number}")
        relevance(article, code, topic)
        question(article, stem=f"Question from article {number}?")
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()

    page.goto(f"{live_server.url}/editions/2024/03/")
    page.get_by_role("link", name="Take the March 2024 quiz").click()
    expect(page.locator(".quiz-timer strong")).not_to_have_text("2:24", timeout=5000)  # it counts down from 2:24
    expect(page.locator(".quiz-explanations")).to_have_count(0)
    page.locator("#question-1").get_by_label("(a) The Finance Commission").check()
    page.screenshot(path="/tmp/edition-quiz-360.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.get_by_role("button", name="Submit answers").click()

    expect(page.locator(".quiz-score")).to_have_text("2.00 / 4.00")
    expect(page.locator(".quiz-explanations")).to_have_count(2)
    page.screenshot(path="/tmp/edition-quiz-result-360.png", full_page=True)
    context.close()
