"""A Hindi-medium student on a 360 px phone: switches an article to Hindi, reads the Hindi month and takes
its quiz in Hindi with the English a tap away. Screenshots go to /tmp/hindi-*.png to be looked at."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import EditionFactory, full_article, hindi_twin
from tests.practice.factories import question

pytestmark = pytest.mark.django_db(transaction=True)
HINDI_TITLE = "भारत और जापान की रक्षा साझेदारी का विस्तार"
HINDI_STEM = "संघ और राज्यों के बीच करों के बँटवारे की सिफ़ारिश कौन-सी संस्था करती है?"


def a_released_month_with_twins():
    march = EditionFactory(year=2024, month=3, release_at=timezone.now())
    english = full_article(title="India and Japan widen their defence partnership", slug="india-japan-defence",
                           edition=march)
    hindi_twin(english, title=HINDI_TITLE, context="हाल ही में दोनों देशों ने रक्षा उपकरणों के साझा विकास पर "
                                                   "सहमति जताई, जिससे क्षेत्रीय सुरक्षा को बल मिलेगा।")
    made = question(english, stem_hi=HINDI_STEM)
    for option, hindi in zip(made.options.all(), ["वित्त आयोग", "नीति आयोग", "भारतीय रिज़र्व बैंक", "जीएसटी परिषद"]):
        option.text_hi = hindi
        option.save()
    return march


def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    return context, page, requested


def assert_fits_and_leaves_room_for_matras(page):
    """No sideways scrolling, and headings and text with the line heights that keep matras apart."""
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    ratios = page.evaluate("""() => ['h1', 'main p'].map(selector => {
        const style = getComputedStyle(document.querySelector(selector));
        return parseFloat(style.lineHeight) / parseFloat(style.fontSize); })""")
    assert ratios[0] >= 1.45 and ratios[1] >= 1.75


def test_a_student_switches_an_article_to_hindi_on_a_phone(live_server, browser):
    """"हिंदी में पढ़ें" on the English article leads to /hi/…, in Hindi, set in Noto Sans Devanagari with
    room for the matras; "Read in English" leads back. Only the Hindi page asks for the Devanagari face."""
    a_released_month_with_twins()
    context, page, requested = phone(browser)

    page.goto(f"{live_server.url}/articles/india-japan-defence/")
    assert not any("devanagari" in url for url in requested)
    page.get_by_role("link", name="हिंदी में पढ़ें").click()

    expect(page).to_have_url(f"{live_server.url}/hi/articles/india-japan-defence/")
    expect(page.locator("h1")).to_have_text(HINDI_TITLE)
    assert page.evaluate("document.documentElement.lang") == "hi"
    assert any(url.endswith("devanagari.css") for url in requested)
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check(\"16px 'Noto Sans Devanagari'\", 'क्षि')")
    assert_fits_and_leaves_room_for_matras(page)
    page.screenshot(path="/tmp/hindi-article-360.png", full_page=True)
    page.get_by_role("link", name="Read in English").click()
    expect(page).to_have_url(f"{live_server.url}/articles/india-japan-defence/")
    context.close()


def test_a_student_reads_the_hindi_month_and_takes_its_quiz_in_hindi(live_server, browser):
    """/hi/editions/2024/03/ names the month "मार्च 2024" and offers the quiz; the quiz prints the Hindi
    question, shows the English on a tap, and marks the Hindi sheet by the one key."""
    a_released_month_with_twins()
    context, page, _ = phone(browser)

    page.goto(f"{live_server.url}/hi/editions/2024/03/")
    expect(page.locator("h1")).to_contain_text("मार्च 2024")
    expect(page.locator("main")).to_contain_text(HINDI_TITLE)
    assert_fits_and_leaves_room_for_matras(page)
    page.screenshot(path="/tmp/hindi-edition-360.png", full_page=True)
    page.get_by_role("link", name="मार्च 2024 की क्विज़ दें").click()

    question_box = page.locator("#question-1")
    expect(question_box.locator("legend")).to_contain_text(HINDI_STEM)
    english = question_box.locator(".quiz-english")
    expect(english.get_by_text("Which body recommends")).to_be_hidden()
    english.get_by_text("अंग्रेज़ी में देखें").click()
    expect(english.get_by_text("Which body recommends")).to_be_visible()
    question_box.get_by_label("(a) वित्त आयोग").check()
    expect(page.locator("[data-quiz-answered]")).to_have_text("1 में से 1 हल किए")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path="/tmp/hindi-quiz-360.png", full_page=True)
    page.get_by_role("button", name="उत्तर जमा करें").click()

    expect(page.locator(".quiz-score")).to_have_text("2.00 / 2.00")
    expect(page.locator(".quiz-summary")).to_contain_text("1 सही")
    page.screenshot(path="/tmp/hindi-quiz-result-360.png", full_page=True)
    context.close()
