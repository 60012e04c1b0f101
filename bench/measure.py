"""Run wrk against each target and the bare view in one interleaved run; print requests/s, p50, p99,
errors and the ratio to the bare view. Called by bench/run with BENCH_BASE set."""

import os
import re
import subprocess
import sys
import time
import urllib.request

BASE = os.environ["BENCH_BASE"]
SECONDS = os.environ.get("BENCH_SECONDS", "10")
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "32")
# BENCH_ONLY=enquiries (or a comma-separated list of words from the target names) measures just those
# targets against the bare view, for quick rounds while working on one of them.
ONLY = [word for word in os.environ.get("BENCH_ONLY", "").split(",") if word]
ARTICLE = "/articles/japan-india-deeper-defence-partnership/"
# A cookie the page cache does not ignore: the page is rendered afresh, as for a visitor with a session.
UNCACHED = ["-H", "Cookie: bench-uncached=1"]

TARGETS = [
    ("bare Django view (10 KB)", "/__bench/bare", []),
    ("article, cached", ARTICLE, []),
    ("paper list, cached", "/papers/gs2/", []),
    ("home, cached", "/", []),
    ("article, uncached", ARTICLE, UNCACHED),
    ("paper list, uncached", "/papers/gs2/", UNCACHED),
]
GOALS = {"enquiries sent (GET+POST)": 0.15, "article, cached": 0.8, "paper list, cached": 0.7, "home, cached": 0.7, "article, uncached": 0.15,
         "paper list, uncached": 0.10}


def wrk(path, extra):
    return _summary(_run_wrk(path, extra))


def _run_wrk(path, extra):
    return subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", *extra, BASE + path],
                          capture_output=True, text=True, check=True).stdout


def _summary(output):
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50, p99 = (_ms(re.search(rf"\s{share}%\s+([\d.]+\w+)", output).group(1)) for share in ("50", "99"))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rate, p50, p99, errors + (int(non_2xx.group(1)) if non_2xx else 0)


def _ms(value):
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


FORMS = {
    # target: (the form bench/enquiry.lua sends, how many of its leads are stored and with how many phones)
    "enquiries sent (GET+POST)": ("/enquiry/", (
        "from enquiries.models import Enquiry; bench = Enquiry.objects.filter(name__startswith='Bench Student'); "
        "print(bench.count(), bench.values('phone').distinct().count())")),
    # The least any enquiry form could cost here (bench/floor.py): a reference, with no goal of its own.
    "enquiries, floor (GET+POST)": ("/__bench/enquiry-floor", "from bench.floor import stored; print(*stored())"),
}


def enquiries(name):
    """Students sending a form as a browser does (bench/enquiry.lua: GET it, POST it with its CSRF token,
    signed clock and a phone number of their own). Returns (submissions/s, p50, p99, errors), where errors
    count every unexpected answer and every accepted submission not stored exactly once."""
    path, count_stored = FORMS[name]
    before = _stored(count_stored)
    output = _run_wrk(path, ["-s", "bench/enquiry.lua"])
    sent, accepted, unexpected = map(int, re.search(r"ENQUIRIES sent=(\d+) accepted=(\d+) unexpected=(\d+)",
                                                    output).groups())
    time.sleep(1)  # the POSTs in flight when wrk stopped are still answered
    stored, distinct_phones = (now - then for now, then in zip(_stored(count_stored), before))
    requests, p50, p99, errors = _summary(output)
    # Every accepted POST is a row; no row is stored twice; rows beyond those accepted can only be the
    # POSTs wrk stopped waiting for.
    lost_or_doubled = max(0, accepted - stored) + (stored - distinct_phones) + max(0, stored - sent)
    print(f"  {name}: {sent} posted, {accepted} accepted, {stored} stored ({distinct_phones} phones), "
          f"{unexpected} unexpected answers; {requests:.0f} requests/s (GETs and POSTs together)")
    return accepted / float(SECONDS), p50, p99, errors + unexpected + lost_or_doubled


def _stored(count_stored):
    """(leads stored by the benchmark, their distinct phone numbers), asked of the site's database."""
    output = subprocess.run([sys.executable, "manage.py", "shell", "-c", count_stored],
                            capture_output=True, text=True, check=True).stdout.split()
    return int(output[-2]), int(output[-1])


def _chosen(name):
    return not ONLY or any(word in name for word in ONLY)


def main():
    for _, path, _ in TARGETS:  # warm the page cache and the workers
        urllib.request.urlopen(BASE + path).read()
    results, bare = [], []
    for name, path, extra in TARGETS:
        if name.startswith("bare") or not _chosen(name):
            continue
        bare.append(wrk("/__bench/bare", []))
        results.append((name, *wrk(path, extra)))
    bare.append(wrk("/__bench/bare", []))
    for name in FORMS:
        if _chosen(name):
            results.append((name, *enquiries(name)))
            bare.append(wrk("/__bench/bare", []))
    bare_rate = sum(rate for rate, *_ in bare) / len(bare)
    print(f"\n{'target':<28}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'ratio':>8}{'goal':>7}")
    print(f"{'bare Django view':<28}{bare_rate:>9.0f}{bare[0][1]:>9.1f}{bare[0][2]:>9.1f}{sum(b[3] for b in bare):>8}"
          f"{1:>8.2f}")
    failed = False
    for name, rate, p50, p99, errors in results:
        ratio, goal = rate / bare_rate, GOALS.get(name)
        ok = (goal is None or ratio >= goal) and errors == 0 and p99 <= 4 * p50
        failed |= not ok
        print(f"{name:<28}{rate:>9.0f}{p50:>9.1f}{p99:>9.1f}{errors:>8}{ratio:>8.2f}"
              f"{f'{goal:>7.2f}' if goal else '':>7}  {'ok' if ok else 'MISSED'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
