"""The shared cache (Redis) unreachable: every cache operation is a miss, never an error."""

import socket
import time

import pytest
from django.core import cache as cache_module
from django.test import override_settings

from core.cache_backend import ResilientRedisCache

from ..signing.helpers import bulgarian, sign


@pytest.fixture
def unreachable_redis():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens there once the probe is closed
    return ResilientRedisCache(
        f"redis://127.0.0.1:{port}/0",
        {"OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1}},
    )


def test_an_unreachable_redis_is_an_empty_cache(unreachable_redis):
    cache = unreachable_redis
    start = time.monotonic()
    assert cache.get("route", "miss") == "miss"
    assert cache.add("count", 0, 60) is False
    cache.set("route", 1, 60)
    assert cache.get_many(["a", "b"]) == {}
    assert cache.get_or_set("chrome", "computed", 60) == "computed"
    assert cache.has_key("route") is False
    with pytest.raises(ValueError):
        cache.incr("count")
    cache.delete("route")
    cache.clear()
    assert time.monotonic() - start < 10


@pytest.mark.django_db
def test_the_site_serves_and_signs_while_redis_is_unreachable(
    client, signing_page, unreachable_redis
):
    with override_settings(SIGNING_RATE_LIMIT="20/300"):
        original = cache_module.caches["default"]
        cache_module.caches["default"] = unreachable_redis
        try:
            assert client.get(signing_page.get_parent().url).status_code == 200
            assert (
                sign(client, signing_page, "BG", **bulgarian()).status_code == 302
            )  # the limit fails open
        finally:
            cache_module.caches["default"] = original


def test_one_redis_client_serves_every_cache_call(unreachable_redis):
    """Django builds a client per call (0.1-0.2 ms each, several per request); one is kept."""
    clients = unreachable_redis._cache
    assert clients.get_client("a") is clients.get_client("b", write=True)
