"""Time the public pages (rendered afresh: the content version is bumped before every request, so neither
the page cache nor the shared fragments help), the search, and on request the counsellors' lead list and
the article change list, with Django's test client. Called by bench/scale.

    python bench/scale.py pages SMALL_DATABASE_URL SMALL_REDIS_URL   the public pages and the search of the
                                                                     configured (big) site and a small one,
                                                                     side by side
    python bench/scale.py serve                                      (one site's timing process)
    python bench/scale.py admin                                      lead list and article change list
    python bench/scale.py dashboards                                 what the institute learns: readership,
                                                                     coverage, calendar, item analysis, funnel

The two sites are timed by two processes taking turns request by request, so that both see the same
machine: on a shared machine, medians taken minutes apart differ by a third even for the same site.
"""

import functools
import json
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "15"))
PAGE_GOAL = 1.5          # at 100,000 articles, within 1.5 x the time at 1,000
SEARCH_GOAL_MS = 200     # search p50 on PostgreSQL
ADMIN_GOAL_MS = 1000     # each admin list at a million leads
DASHBOARD_GOAL_MS = 1000  # each dashboard at 100,000 articles, a million leads, ten million view rows


def pages():
    """The reading pages of one seeded article that exists at every scale (the seed is repeatable)."""
    from django.db.models import Count

    from articles.models import Article, Edition, Paper, Tag
    from coaching.management.commands.seed_scale import SECTIONS

    article = Article.objects.published().filter(slug__startswith="scale-").select_related("edition").order_by("pk")[9]
    relevance = article.relevances.select_related("paper", "topic").get(is_primary=True)
    tag = article.tags.order_by("pk").first()
    rare_word = article.title.split()[-1]
    # The short lists a walk down the newest articles would cross the archive for: a demo tag on one
    # article, a paper with the fewest articles (none, in the seeded site).
    rare_tag = Tag.objects.annotate(n=Count("tagged_articles")).filter(n__gt=0).order_by("n", "pk").first()
    quiet_paper = Paper.objects.annotate(n=Count("relevances")).order_by("n", "pk").first()
    # A paper with a word naming another paper ("GS2 history", history being in GS1's title): many matches
    # across the archive, few in the paper searched.
    other_paper = Paper.objects.exclude(pk=relevance.paper_id).order_by("pk").first()
    other_papers_word = max(other_paper.title.split(), key=len)
    # What a visitor of a real site opens most: a demo article (the demo is loaded in both sites) and the
    # newest month's page.
    demo_article = Article.objects.published().exclude(slug__startswith="scale-").order_by("pk").first()
    newest_month = (Edition.objects.released().filter(articles__in=Article.objects.published())
                    .order_by("-year", "-month").first())
    return {
        "home": "/",
        "article": article.get_absolute_url(),
        "article, demo": demo_article.get_absolute_url(),
        "edition, newest": newest_month.get_absolute_url(),
        "paper": relevance.paper.get_absolute_url(),
        "topic": relevance.topic.get_absolute_url(),
        "tag": tag.get_absolute_url(),
        "edition": article.edition.get_absolute_url(),
        "editions": "/editions/",  # the latest months with their counts, every earlier month by name
        "tag, one article": rare_tag.get_absolute_url(),
        "paper, fewest articles": quiet_paper.get_absolute_url(),
        "search": f"/search/?q={rare_word}",
        "search, two words": f"/search/?q={'+'.join(article.title.split()[-2:])}",
        "search, every article": f"/search/?q={SECTIONS[2].lower()}",  # a heading every seeded article has
        "search, paper + other's": f"/search/?q={relevance.paper.short_name}+{other_papers_word}",
        "search, Hindi": "/search/?q=%E0%A4%B8%E0%A4%82%E0%A4%B5%E0%A4%BF%E0%A4%A7%E0%A4%BE%E0%A4%A8",  # संविधान
        "sitemap": "/sitemap.xml",  # an index of files at 100,000 articles
    }


def timed(client, url):
    """Median milliseconds of RUNS requests, after one to warm up."""
    client.get(url)
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times)


def visitor():
    from django.test import Client

    client = Client(SERVER_NAME="127.0.0.1")
    client.cookies["bench-uncached"] = "1"  # not a cookie the page cache ignores: every page is rendered
    return client


def serve():
    """One site's timing process: prints its article count and pages as JSON, then for each name read from
    stdin the milliseconds of one request to that page, rendered afresh."""
    from articles.models import Article
    from coaching.page_cache import content_changed

    client, urls = visitor(), pages()
    print(json.dumps({"articles": Article.objects.count(), "pages": urls}), flush=True)
    for line in sys.stdin:
        content_changed()
        started = time.perf_counter()
        response = client.get(urls[line.strip()])
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, (line, response.status_code)
        print(f"{elapsed:.3f}", flush=True)


class Site:
    """A timing process for the site at one database (and its own cache, so the two never share entries)."""

    def __init__(self, database_url=None, redis_url=None):
        overrides = {"DATABASE_URL": database_url, "REDIS_URL": redis_url} if database_url else {}
        self.process = subprocess.Popen([sys.executable, __file__, "serve"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True, env={**os.environ, **overrides})
        self.about = json.loads(self.process.stdout.readline())

    def time(self, name):
        self.process.stdin.write(name + "\n")
        self.process.stdin.flush()
        return float(self.process.stdout.readline())

    def close(self):
        self.process.stdin.close()
        self.process.wait()


def compare_pages(small_database_url, small_redis_url):
    """The median of RUNS fresh renders of each page at both sizes, taken in turns; True when one misses."""
    from django.db import connection

    small, big = Site(small_database_url, small_redis_url), Site()
    print(f"\n{'page (rendered afresh)':<24}{small.about['articles']:>10,} art.{big.about['articles']:>10,} art."
          f"{'ratio':>8}  goal (median of {RUNS}, taken in turns)")
    failed = False
    for name in big.about["pages"]:
        small.time(name), big.time(name)  # warm up
        times = [(small.time(name), big.time(name)) for _ in range(RUNS)]
        before, after = (statistics.median(column) for column in zip(*times))
        ok = after / before <= PAGE_GOAL
        if name.startswith("search") and connection.vendor == "postgresql":
            ok &= after < SEARCH_GOAL_MS
        failed |= not ok
        print(f"{name:<24}{before:>11.1f} ms{after:>11.1f} ms{after / before:>8.2f}  {'ok' if ok else 'MISSED'}")
    small.close(), big.close()
    return failed


@functools.cache
def signed_in_as(username):
    """A client signed in as the demo login, past two-factor sign-in (required with DEBUG off) with an
    authenticator device made for it, as a counsellor is after entering their code."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = get_user_model().objects.get(username=username)
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})
    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id  # what entering the code records
    session.save()
    return client


def time_lists(title, lists, goal_ms):
    """Print the median of RUNS requests to each {(username, name): address}; True when one misses the goal."""
    print(f"\n{title:<52}{'p50 ms':>9}  goal")
    failed = False
    for (username, name), url in lists.items():
        ms = timed(signed_in_as(username), url)
        failed |= ms >= goal_ms
        print(f"{name:<52}{ms:>9.1f}  {'ok' if ms < goal_ms else 'MISSED'}")
    return failed


def measure_admin():
    from enquiries.models import Enquiry

    lead = Enquiry.objects.order_by("pk")[12345 % max(1, Enquiry.objects.count())]
    lists = {
        ("counsellor", "lead list (default: mine and unassigned)"): "/admin/enquiries/enquiry/",
        ("counsellor", "overdue"): "/admin/enquiries/enquiry/?due=overdue",
        ("counsellor", "due today"): "/admin/enquiries/enquiry/?due=today",
        ("counsellor", "due this week"): "/admin/enquiries/enquiry/?due=week",
        ("counsellor", "all leads"): "/admin/enquiries/enquiry/?leads=all",
        ("counsellor", "phone search"): f"/admin/enquiries/enquiry/?leads=all&q={lead.phone[-10:]}",
        ("counsellor", "name search"): f"/admin/enquiries/enquiry/?leads=all&q={lead.name.replace(' ', '+')}",
        ("editor", "article change list"): "/admin/articles/article/",
        ("editor", "article search"): "/admin/articles/article/?q=Analysis+11",
    }
    return time_lists(f"admin list ({Enquiry.objects.count():,} leads)", lists, ADMIN_GOAL_MS)


def measure_dashboards():
    """Each dashboard as its readers open it: editors (the admin home's most read, an article's readership,
    coverage and a cell, the calendar, item analysis), the counselling manager and a counsellor (the funnel
    over the default twelve weeks and the longest range allowed), and the CSVs behind the charts."""
    from datetime import timedelta

    from django.db.models import Count
    from django.utils import timezone

    from articles.models import Article, ArticleReadership, Edition, Relevance
    from enquiries.models import Enquiry
    from practice import item_analysis
    from practice.models import Answer

    read_most = (ArticleReadership.objects.values("article").annotate(rows=Count("pk")).order_by("-rows")
                 .values_list("article", flat=True).first())
    cell = (Relevance.objects.filter(article__edition=Edition.objects.order_by("-year", "-month")[1])
            .values_list("topic", "article__edition").first())
    newest = Article.objects.published().order_by("-published_at").first().published_at
    counsellor = (Enquiry.objects.filter(owner__username__startswith="scale-counsellor")
                  .values_list("owner__username", flat=True).first())
    today = timezone.localdate()
    longest = f"from={today - timedelta(days=3 * 365):%Y-%m-%d}&to={today:%Y-%m-%d}"
    lists = {
        ("editor", "admin home (most read this month)"): "/admin/",
        ("editor", "article page with its readership"): f"/admin/articles/article/{read_most}/change/",
        ("editor", "syllabus coverage"): "/admin/articles/article/coverage/",
        ("editor", "syllabus coverage, CSV"): "/admin/articles/article/coverage/?format=csv",
        ("editor", "coverage cell (a topic's articles in a month)"):
            f"/admin/articles/article/coverage/{cell[0]}/{cell[1]}/",
        ("editor", "calendar (the newest month)"): f"/admin/articles/article/calendar/?month={newest:%Y-%m}",
        ("editor", "item analysis"): "/admin/practice/question/item-analysis/",
        ("editor", "item analysis, CSV"): "/admin/practice/question/item-analysis/?format=csv",
        ("manager", "funnel (twelve weeks)"): "/admin/enquiries/enquiry/funnel/",
        ("manager", "funnel, CSV"): "/admin/enquiries/enquiry/funnel/?format=csv",
        ("manager", "funnel (three years)"): f"/admin/enquiries/enquiry/funnel/?{longest}",
        (counsellor, "funnel, a counsellor's own (three years)"): f"/admin/enquiries/enquiry/funnel/?{longest}",
    }
    title = (f"dashboard ({Article.objects.count():,} articles, {Enquiry.objects.count():,} leads, "
             f"{ArticleReadership.objects.count():,} view rows)")
    failed = time_lists(title, lists, DASHBOARD_GOAL_MS)
    funnel_floor(today - timedelta(days=3 * 365), today)
    started = time.perf_counter()
    stored = item_analysis.refresh()
    print(f"{'item analysis added up by its timer (no goal)':<52}{(time.perf_counter() - started) * 1000:>9.1f}  "
          f"{len(stored[1]):,} questions, {Answer.objects.filter(attempt__ranked=True).count():,} answers")
    return failed


def funnel_floor(first, last):
    """What no funnel over this range can skip, timed as the pages are (median of RUNS): counting its
    leads, and one median wait over them (the funnel takes a median per step, per counsellor, per origin
    and per week). A goal these miss cannot be met here by exact figures read afresh."""
    from django.db.models import F

    from common.aggregates import Median
    from enquiries import funnel

    leads = funnel.leads_in(first, last)
    for name, work in (("count the leads", lambda: leads.count()),
                       ("one median over them", lambda: leads.aggregate(m=Median(F("first_response_at") - F("created_at"))))):
        work()
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            work()
            times.append((time.perf_counter() - started) * 1000)
        print(f"{'floor, three years: ' + name:<52}{statistics.median(times):>9.1f}  (reference)")


if __name__ == "__main__":
    django.setup()
    command, *arguments = sys.argv[1:]
    if command == "serve":
        serve()
    elif command == "pages":
        sys.exit(1 if compare_pages(*arguments) else 0)
    elif command == "dashboards":
        sys.exit(1 if measure_dashboards() else 0)
    else:
        sys.exit(1 if measure_admin() else 0)
