"""Time the public pages (rendered afresh: the content version is bumped before every request, so neither
the page cache nor the shared fragments help), the search, and on request the counsellors' lead list and
the article change list, in this process with Django's test client. Called by bench/scale.

    python bench/scale.py pages LABEL RESULTS.json     public pages and search, stored under LABEL
    python bench/scale.py admin                        lead list and article change list
    python bench/scale.py table RESULTS.json SMALL BIG the pages at SMALL and BIG side by side
"""

import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "15"))
PAGE_GOAL = 1.5          # at 100,000 articles, within 1.5 x the time at 1,000
SEARCH_GOAL_MS = 200     # search p50 on PostgreSQL
ADMIN_GOAL_MS = 1000     # each admin list at a million leads


def pages():
    """The reading pages of one seeded article that exists at every scale (the seed is repeatable)."""
    from articles.models import Article

    article = Article.objects.published().filter(slug__startswith="scale-").select_related("edition").order_by("pk")[9]
    relevance = article.relevances.select_related("paper", "topic").get(is_primary=True)
    tag = article.tags.order_by("pk").first()
    rare_word = article.title.split()[-1]
    return {
        "home": "/",
        "article": article.get_absolute_url(),
        "paper": relevance.paper.get_absolute_url(),
        "topic": relevance.topic.get_absolute_url(),
        "tag": tag.get_absolute_url(),
        "edition": article.edition.get_absolute_url(),
        "search": f"/search/?q={rare_word}",
        "search, two words": f"/search/?q={'+'.join(article.title.split()[-2:])}",
    }


def timed(client, url, fresh=True):
    """Median milliseconds of RUNS requests (after one to warm up), each rendered afresh when `fresh`."""
    from coaching.page_cache import content_changed

    client.get(url)
    times = []
    for _ in range(RUNS):
        if fresh:
            content_changed()
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


def measure_pages(label, results_path):
    from articles.models import Article

    client = visitor()
    found = {name: timed(client, url) for name, url in pages().items()}
    results = json.load(open(results_path)) if os.path.exists(results_path) else {}
    results[label] = {"articles": Article.objects.count(), "ms": found}
    json.dump(results, open(results_path, "w"), indent=1)
    for name, ms in found.items():
        print(f"  {name:<20}{ms:>9.1f} ms")


def table(results_path, small, big):
    from django.db import connection

    results = json.load(open(results_path))
    before, after = results[small], results[big]
    print(f"\n{'page (rendered afresh)':<24}{before['articles']:>10,} art.{after['articles']:>10,} art.{'ratio':>8}  goal")
    failed = False
    for name, ms in after["ms"].items():
        ratio = ms / before["ms"][name]
        ok = ratio <= PAGE_GOAL
        if name.startswith("search") and connection.vendor == "postgresql":
            ok &= ms < SEARCH_GOAL_MS
        failed |= not ok
        print(f"{name:<24}{before['ms'][name]:>11.1f} ms{ms:>11.1f} ms{ratio:>8.2f}  {'ok' if ok else 'MISSED'}")
    return failed


def measure_admin():
    from django.contrib.auth import get_user_model
    from django.test import Client
    from enquiries.models import Enquiry

    lead = Enquiry.objects.order_by("pk")[12345 % max(1, Enquiry.objects.count())]
    people = get_user_model().objects
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
    signed_in = {}
    print(f"\n{'admin list':<44}{'p50 ms':>9}  goal ({Enquiry.objects.count():,} leads)")
    failed = False
    for (role, name), url in lists.items():
        if role not in signed_in:
            signed_in[role] = Client(SERVER_NAME="127.0.0.1")
            signed_in[role].force_login(people.get(username=role))  # the demo logins
        ms = timed(signed_in[role], url, fresh=False)
        failed |= ms >= ADMIN_GOAL_MS
        print(f"{name:<44}{ms:>9.1f}  {'ok' if ms < ADMIN_GOAL_MS else 'MISSED'}")
    return failed


if __name__ == "__main__":
    django.setup()
    command, *arguments = sys.argv[1:]
    if command == "pages":
        measure_pages(*arguments)
    elif command == "admin":
        sys.exit(1 if measure_admin() else 0)
    else:
        sys.exit(1 if table(*arguments) else 0)
