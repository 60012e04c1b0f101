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
# The application is imported once, in the master, and workers are forked from it, warmed (when_ready
# below). Django opens database and cache connections on first use, in the worker, so nothing is shared
# across the fork.
preload_app = True
# Workers are not recycled after N requests: each recycle stalled the queue for a quarter of a second under
# load (bench/README.md), and the site holds no memory that grows with requests. If that ever changes,
# GUNICORN_CMD_ARGS="--max-requests 20000 --max-requests-jitter 2000" brings recycling back.
max_requests = 0
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
