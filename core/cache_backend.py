"""Django's Redis cache backend, made to degrade instead of failing when Redis is away.

Every use of the cache on this site is an optimisation or a shared hint (pages, routes, the
content version, the counts snapshot, the rate limit): none is the truth about a statement,
which the database decides when the statement is stored. So a Redis outage must cost speed,
never answers: every operation that cannot reach Redis behaves as on an empty cache that keeps
nothing (get → default, set → nothing, add → False, incr → "no such key"), and the site serves
every page uncached. After a failure this process does not try Redis again for
`RETRY_SECONDS`, so that a dead server costs one connect timeout per process and period, not one
per cache call; then the next call tries again, and the first success closes the breaker.

Set short timeouts in OPTIONS (the production settings do: `socket_connect_timeout`,
`socket_timeout`), otherwise a server that drops packets holds each request for the operating
system's TCP timeout.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5.0
FAILURES = (RedisError, OSError)


class SharedClientRedisCacheClient(RedisCacheClient):
    """Django's client builds a new `redis.Redis` for every cache call, which copies its ~170
    response callbacks each time: 0.1-0.2 ms per call, several calls per request (bench/
    profile_steps.py showed it as a quarter of the signing form's own time). A `redis.Redis` is
    only a handle on its connection pool, which hands out the connections and is safe to share
    between threads and across a fork, so one client per pool is kept and reused."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))  # the pools live as long as this object
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
        self._down_until = 0.0

    @property
    def available(self):
        return time.monotonic() >= self._down_until

    def _call(self, method, fallback, *args, **kwargs):
        if not self.available:
            return fallback()
        try:
            return method(*args, **kwargs)
        except FAILURES as error:
            if self.available:
                # The error's class only: a message may carry a key, and keys are ours but
                # logs should not depend on that.
                logger.warning(
                    "Redis unreachable (%s): serving without the shared cache for %s s",
                    type(error).__name__,
                    RETRY_SECONDS,
                )
            self._down_until = time.monotonic() + RETRY_SECONDS
            return fallback()

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().add, lambda: False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call(super().get, lambda: default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set, lambda: None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().touch, lambda: False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(super().delete, lambda: False, key, version)

    def get_many(self, keys, version=None):
        return self._call(super().get_many, dict, keys, version)

    def has_key(self, key, version=None):
        return self._call(super().has_key, lambda: False, key, version)

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key '{key}' not found (the cache is unavailable).")

        return self._call(super().incr, missing, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set_many, lambda: list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call(super().delete_many, lambda: None, keys, version)

    def clear(self):
        return self._call(super().clear, lambda: False)
