"""Django's Redis cache backend, with one redis-py client per connection pool instead of one per call.

Django builds a new `redis.Redis` for every cache operation, and each one copies some 170 response
callbacks into a fresh dictionary: on a page served from the cache that was a third of the time spent in
Python. A client holds nothing but its pool and those callbacks, so one per pool serves every call (and
redis-py's pool already re-opens its connections in a forked worker)."""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class ClientPerPool(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class SharedRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ClientPerPool
