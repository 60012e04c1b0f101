"""The public pages on a 360 px phone in Chromium: thumb-sized tap targets, no sideways scrolling, a dark
scheme that follows the device, a print stylesheet for the edition, and no serious axe-core violations."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from articles.models import Paper
from tests.factories import CallUsNumberFactory, EditionFactory, SectionFactory, full_article

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = ["/", "/articles/quad-summit/", "/editions/", "/editions/2024/03/", "/search/?q=quad", "/enquiry/",
         "/papers/gs2/"]

# Every link and control a thumb aims at, measured at its box (a radio button or checkbox by its label);
# links inside running text (an article's paragraphs, a card's lead) are sentences, not targets.
SMALL_TARGETS = """() => Array.from(document.querySelectorAll('a, button, input, select, textarea, summary'))
  .filter(el => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.right > 0 && getComputedStyle(el).visibility !== 'hidden'
      && !el.closest('.rich-text, .article__context, .card__lead');
  })
  .map(el => {
    const label = (el.type === 'radio' || el.type === 'checkbox') && el.closest('label');
    const box = (label || el).getBoundingClientRect();
    return [el.tagName, (el.textContent || el.name || '').trim().slice(0, 40), Math.round(box.width), Math.round(box.height)];
  })
  .filter(([, , width, height]) => width < 44 || height < 44)"""


@pytest.fixture
def a_month_of_articles(db):
    """Two call-us numbers that differ in their last digits (printed "… / 04"), and a released month of
    thirteen articles, enough for a second page of search results."""
    CallUsNumberFactory(number="+919606900005")
    CallUsNumberFactory(number="+919606900004")
    EditionFactory(year=2024, month=2)
    for number in range(13):
        article = full_article(title=f"Quad maritime analysis {number:02d}", slug=f"quad-{number}" if number else "quad-summit",
                               tags=["Quad", "Indo-Pacific"])
        SectionFactory(article=article, position=4, heading="Way Forward",
                       body='<p>Read the <a href="https://example.org/report">committee report</a> in full.</p>')


@pytest.fixture
def phone(browser):
    def open_phone(scheme="light"):
        context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme=scheme)
        context.set_default_timeout(20_000)
        return context.new_page()
    return open_phone


def test_every_tap_target_is_at_least_44_px_and_nothing_scrolls_sideways(live_server, phone, a_month_of_articles):
    """On each public page at 360 px the call-us numbers, the paper menu, buttons, pagination and form
    controls are at least 44 × 44 CSS px, and the page is no wider than the phone."""
    page = phone()
    for path in PAGES + ["/search/?q=quad&page=2"]:
        page.goto(f"{live_server.url}{path}")
        assert page.evaluate(SMALL_TARGETS) == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
    page.goto(f"{live_server.url}/")
    numbers = page.locator(".topbar .call-us__numbers a")
    assert [numbers.nth(index).inner_text() for index in range(numbers.count())] == ["+91 9606900005", "04"]
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_or_critical_axe_violations(live_server, phone, a_month_of_articles, scheme):
    """axe-core finds no serious or critical accessibility problem on the home, article, edition, search,
    enquiry and practice pages (the month's quiz with its numbered questions too), in the light and the dark
    scheme."""
    from articles.models import Article
    from tests.practice.factories import question

    for article in Article.objects.all()[:2]:
        question(article)
    page = phone(scheme)
    axe = Axe()
    problems = []
    for path in PAGES + [reverse("practice:index"), "/editions/2024/03/quiz/"]:
        assert page.goto(f"{live_server.url}{path}").status == 200, path
        for violation in axe.run(page).response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                problems.append((path, violation["id"], [node["target"] for node in violation["nodes"]][:3]))
    page.context.close()
    assert problems == []


def test_the_dark_scheme_follows_the_device(live_server, phone, a_month_of_articles):
    """With the phone set to dark, the page background is dark and the text light; set to light, the reverse."""
    def luminance(css_colour):
        red, green, blue = (int(part) for part in re.findall(r"\d+", css_colour)[:3])
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    readings = {}
    for scheme in ("light", "dark"):
        page = phone(scheme)
        page.goto(f"{live_server.url}/articles/quad-summit/")
        readings[scheme] = page.evaluate("[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]")
        if scheme == "dark":
            page.screenshot(path="/tmp/article-dark-360.png", full_page=True)
        page.context.close()

    assert luminance(readings["dark"][0]) < 50 < 200 < luminance(readings["dark"][1])
    assert luminance(readings["light"][0]) > 200 > 50 > luminance(readings["light"][1])


def test_the_edition_prints_as_chapters_without_the_screen_furniture(live_server, phone, a_month_of_articles):
    """Printed, the edition drops the header menu, the download and print buttons and the month links, and
    starts each paper's chapter on a new page."""
    biodiversity = full_article(title="Bustards and power lines", slug="bustards")
    biodiversity.relevances.update(paper=Paper.objects.get(code="gs3"), topic=None)
    page = phone()
    page.goto(f"{live_server.url}/editions/2024/03/")
    page.emulate_media(media="print")

    for hidden in (".paper-nav", ".edition-tools", ".edition-neighbours", ".topbar"):
        assert page.locator(hidden).first.is_hidden(), hidden
    chapters = page.locator(".edition-chapter")
    assert chapters.count() == 2
    assert chapters.nth(0).evaluate("el => getComputedStyle(el).breakBefore") == "auto"
    assert chapters.nth(1).evaluate("el => getComputedStyle(el).breakBefore") == "page"
    page.context.close()
