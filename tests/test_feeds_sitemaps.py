"""Feeds and sitemaps list only the active language's pages."""

import re

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_rss_feed_per_language(client):
    english = client.get("/en/feeds/news.rss")
    assert english["Content-Type"].startswith("application/rss+xml")
    english = english.content.decode()
    bulgarian = client.get("/bg/feeds/news.rss").content.decode()
    assert "The site now speaks Bulgarian and Romanian" in english
    assert "Сайтът вече е на български и румънски" not in english
    assert "Сайтът вече е на български и румънски" in bulgarian
    assert "The site now speaks Bulgarian and Romanian" not in bulgarian
    assert english.count("<item>") == bulgarian.count("<item>") == 4


def test_atom_feed_per_language(client):
    romanian = client.get("/ro/feeds/news.atom")
    assert romanian["Content-Type"].startswith("application/atom+xml")
    body = romanian.content.decode()
    assert "Site-ul este acum disponibil în bulgară și română" in body
    links = re.findall(r'<link href="([^"]+)" rel="alternate"', body)
    assert links and all("/ro/" in link for link in links)


def test_cached_feed_is_never_served_in_another_language(client):
    client.get("/en/feeds/news.rss")  # fills the cache
    bulgarian = client.get("/bg/feeds/news.rss").content.decode()
    assert "Сайтът вече е на български и румънски" in bulgarian
    assert "The site now speaks" not in bulgarian


def test_language_sitemap_lists_only_that_language(client):
    body = client.get("/bg/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", body)
    assert len(locations) >= 20
    assert all(loc.startswith("http://localhost/bg/") for loc in locations)


def test_sitemap_index_lists_each_language(client):
    body = client.get("/sitemap.xml").content.decode()
    assert re.findall(r"<loc>([^<]+)</loc>", body) == [
        "http://localhost/en/sitemap.xml",
        "http://localhost/bg/sitemap.xml",
        "http://localhost/ro/sitemap.xml",
    ]
    assert "Sitemap: http://localhost/sitemap.xml" in client.get("/robots.txt").content.decode()
