"""A Redis outage degrades the page cache to uncached serving; signing still works."""

import pytest
from django.test import Client, override_settings

from ..harness import RedisServer
from ..signing.helpers import bulgarian, sign


@pytest.mark.django_db(transaction=True)
def test_a_redis_outage_degrades_to_uncached_serving_and_signing_still_works(signing_page):
    client = Client(SERVER_NAME="localhost")
    initiative_page = signing_page.get_parent()
    pages = (initiative_page.url, initiative_page.get_parent().url)
    with RedisServer() as redis:
        caches = {
            "default": {
                "BACKEND": "core.cache_backend.ResilientRedisCache",
                "LOCATION": redis.url(),
                "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
            }
        }
        with override_settings(CACHES=caches):
            assert client.get(pages[1]).headers["X-Page-Cache"] == "miss"
            assert client.get(pages[1]).headers["X-Page-Cache"] == "hit"
            redis.stop()
            for url in pages:
                response = client.get(url)
                assert response.status_code == 200
                assert response.headers.get("X-Page-Cache") != "hit"
            assert sign(client, signing_page, "BG", **bulgarian()).status_code == 302
            assert client.get(pages[0]).status_code == 200
