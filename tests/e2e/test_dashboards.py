"""The institute's dashboards at 1280 px in the light and the dark scheme: screenshots to look at
(/tmp/dashboard-*.png) and no serious or critical axe-core violation."""

from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from articles.models import ArticleReadership
from enquiries.models import Enquiry, FollowUp
from tests.e2e.admin_steps import log_in
from tests.factories import EditionFactory, EnquiryFactory, full_article, relevance, staff_user
from tests.practice.test_item_analysis import answer, attempts_scoring
from tests.practice.factories import question

pytestmark = pytest.mark.django_db(transaction=True)
DASHBOARDS = {"coverage": "/admin/articles/article/coverage/", "calendar": "/admin/articles/article/calendar/",
              "items": "/admin/practice/question/item-analysis/", "funnel": "/admin/enquiries/enquiry/funnel/",
              "home": "/admin/"}


@pytest.fixture
def a_season(db):
    """Published articles in this month's edition with readers, a question with 30 ranked answers, and
    leads through the funnel."""
    today = timezone.localdate()
    edition = EditionFactory(year=today.year, month=today.month, release_at=timezone.now() - timedelta(days=1))
    articles = [full_article(title=f"Analysis {n}", slug=f"analysis-{n}", edition=edition,
                             published_at=timezone.now() - timedelta(days=n)) for n in range(3)]
    relevance(articles[0], "gs3", "Agriculture", primary=False)
    for article in articles:
        ArticleReadership.objects.create(article=article, day=today, source="home", views=10)
    item = question(articles[0], "A question students find hard?")
    for rank, attempt in enumerate(attempts_scoring(articles[0], range(30))):
        answer(attempt, item, "a" if rank < 15 else "b")
    counsellor = staff_user("kavya", role="Counsellor")
    for hours in (1, 3, None):
        lead = EnquiryFactory(owner=counsellor, origin=Enquiry.Origin.FORM, created_at=timezone.now() - timedelta(days=3),
                              first_response_at=timezone.now() - timedelta(days=3, hours=-hours) if hours else None)
        if hours == 1:
            FollowUp.objects.create(enquiry=lead, outcome="demo_booked", by=counsellor)
    staff_user("meera", role="Editor")
    staff_user("meena", role="Counselling manager")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_dashboards_read_well_in_both_schemes(live_server, browser, a_season, scheme):
    """Each dashboard opens, is screenshotted, and axe-core finds nothing serious or critical."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page, axe, problems = context.new_page(), Axe(), []
    for who, names in (("meera", ["coverage", "calendar", "items", "home"]), ("meena", ["funnel"])):
        log_in(page, live_server.url, who)
        for name in names:
            assert page.goto(f"{live_server.url}{DASHBOARDS[name]}").status == 200, name
            page.screenshot(path=f"/tmp/dashboard-{name}-{scheme}.png", full_page=True)
            problems += [(name, violation["id"], [node["target"] for node in violation["nodes"]][:3])
                         for violation in axe.run(page).response["violations"]
                         if violation["impact"] in ("serious", "critical")]
    context.close()
    assert problems == [], "\n".join(map(str, problems))
