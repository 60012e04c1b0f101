"""gunicorn for Coaching CMS: `gunicorn -c deploy/gunicorn.conf.py coaching.wsgi`, behind nginx
(deploy/nginx), which buffers slow clients so sync workers never wait on a network."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")  # loopback: only nginx talks to gunicorn
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count() + 1))
worker_class = "sync"
timeout = 30              # a worker stuck longer than this is restarted
graceful_timeout = 30
keepalive = 5
# The application is imported once, in the master, and workers are forked from it: a worker recycled below
# is back in milliseconds. (Loading Django in each new worker took about a second, during which requests
# queued behind it: that was the whole p99 under load.) Django opens database and cache connections on
# first use, in the worker, so nothing is shared across the fork.
preload_app = True
max_requests = 20000      # recycle workers now and then, with jitter so they do not all restart at once
max_requests_jitter = 2000
forwarded_allow_ips = "127.0.0.1"

# Access log without the query string or referrer, so admin searches by phone number stay out of it.
accesslog = "-"
access_log_format = '%(h)s - %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
errorlog = "-"


def when_ready(server):
    """The master has loaded the site (preload_app): build what the first requests would otherwise build,
    once, before the workers are forked from it (coaching/warm_up.py)."""
    from coaching.warm_up import warm_up

    warm_up()
