"""What keeps the site fast under load without changing what it shows: one Redis client per connection
pool, and workers forked from a master that has already compiled the templates."""

import pytest
from django.db import connections
from django.template import engines

from coaching.redis_cache import SharedRedisCache
from coaching.warm_up import warm_up


@pytest.fixture
def redis_cache(settings):
    cache = SharedRedisCache(settings.TEST_REDIS_URL, {"OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1}})
    cache.clear()
    yield cache
    cache.clear()


def test_the_redis_cache_serves_every_call_from_one_client(redis_cache):
    """Reads, writes, counters and deletes all work through a single redis-py client, not one per call."""
    redis_cache.set("page", {"content": b"<p>hello</p>"}, 60)
    redis_cache.set("counter", 1, 60)
    redis_cache.incr("counter")
    redis_cache.delete("gone")

    assert redis_cache.get_many(["page", "counter"]) == {"page": {"content": b"<p>hello</p>"}, "counter": 2}
    client = redis_cache._cache.get_client()
    assert redis_cache._cache.get_client(write=True) is client
    assert list(redis_cache._cache._clients.values()) == [client]


def test_redis_replies_are_parsed_in_c(redis_cache):
    """The cache's connections parse Redis replies with hiredis, not redis-py's pure-Python parser."""
    redis_cache.set("parsed", 1, 60)
    pool = redis_cache._cache.get_client().connection_pool
    connection = pool.get_connection()
    pool.release(connection)

    assert type(connection._parser).__name__ == "_HiredisParser"


def test_a_counter_is_raised_in_one_round_trip_and_never_created(redis_cache, monkeypatch):
    """Raising a counter asks Redis once, keeps the counter's expiry, and raises ValueError for a missing key
    without creating it (the contract django-ratelimit relies on)."""
    redis_cache.set("limit", 1, 60)
    client = redis_cache._cache.get_client(write=True)
    redis_cache.incr("limit")  # the script is loaded by the first call
    sent = []
    monkeypatch.setattr(client, "execute_command", lambda *args, original=client.execute_command, **options: (
        sent.append(args[0]), original(*args, **options))[1])

    assert redis_cache.incr("limit", 5) == 7
    assert sent == ["EVALSHA"]
    assert 0 < client.ttl(redis_cache.make_key("limit")) <= 60
    with pytest.raises(ValueError):
        redis_cache.incr("missing")
    assert redis_cache.get("missing") is None and redis_cache.get("limit") == 7


def test_warming_up_compiles_every_site_template_without_touching_the_database():
    """After warm_up() (run in gunicorn's master) the template cache already holds every page and include, and
    no database connection is open to be shared with the forked workers."""
    for connection in connections.all():
        connection.close()
    loader = engines["django"].engine.template_loaders[0]
    loader.reset()

    warm_up()

    compiled = {name.split("-", 1)[0] for name in loader.get_template_cache}
    assert {"base.html", "articles/article_detail.html", "includes/header.html",
            "enquiries/enquiry_form.html"} <= compiled
    assert all(connection.connection is None for connection in connections.all())
