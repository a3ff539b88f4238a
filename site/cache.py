"""The shared cache (Redis), which the site can do without for a while.

Everything the site caches can be computed again: page routes, the site chrome, the signing
state (always checked against the database when a statement is stored), feeds, the rate limit's
counts (which then let submissions through: RATELIMIT_FAIL_OPEN). So when Redis cannot be
reached, every operation behaves as a miss instead of failing the request, and the site serves
from the database until Redis is back; redis-py reconnects by itself. One warning per process
and per RETRY_LOG_SECONDS says so (the error's class only).
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
RETRY_LOG_SECONDS = 30
_last_logged = [0.0]


def _unreachable(operation, error):
    now = time.monotonic()
    if now - _last_logged[0] > RETRY_LOG_SECONDS:
        _last_logged[0] = now
        logger.warning("Cache unreachable (%s during %s): serving without it", type(error).__name__,
                       operation)  # fmt: skip


def _tolerant(name, fallback):
    def method(self, *args, **kwargs):
        try:
            return getattr(super(ResilientRedisCache, self), name)(*args, **kwargs)
        except UNREACHABLE as error:
            _unreachable(name, error)
            return fallback(*args, **kwargs)

    method.__name__ = name
    return method


def _incr_fallback(key, *args, **kwargs):
    raise ValueError(f"Key {key!r} not available: the cache is unreachable.")


class ResilientRedisCache(RedisCache):
    get = _tolerant("get", lambda key, default=None, *args, **kwargs: default)
    set = _tolerant("set", lambda *args, **kwargs: None)
    add = _tolerant("add", lambda *args, **kwargs: False)
    touch = _tolerant("touch", lambda *args, **kwargs: False)
    delete = _tolerant("delete", lambda *args, **kwargs: False)
    get_many = _tolerant("get_many", lambda *args, **kwargs: {})
    set_many = _tolerant("set_many", lambda data, *args, **kwargs: list(data))
    delete_many = _tolerant("delete_many", lambda *args, **kwargs: None)
    has_key = _tolerant("has_key", lambda *args, **kwargs: False)
    incr = _tolerant("incr", _incr_fallback)
    decr = _tolerant("decr", _incr_fallback)
    clear = _tolerant("clear", lambda *args, **kwargs: None)
