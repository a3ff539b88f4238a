"""The audit's findings (issue 12) about the news feeds: finding 7 (the feeds' part).

Each test was run once against the unfixed code and failed there (moved from tests/on_demo/).
"""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(home_page):
    index = NewsIndexPageFactory(parent=home_page)
    return [NewsPageFactory(parent=index) for _ in range(2)]


def feed_url(name, language="en"):
    with translation.override(language):
        return reverse(name)


# --- Finding 7 (the feeds' part): every feed query string added cache entries -----------------


def cache_entries():
    from django.core.cache import cache

    return len(cache._cache)  # the test settings' per-process memory cache


@pytest.mark.parametrize("feed", ["news-rss", "news-atom"])
def test_finding_7_a_feed_query_string_creates_no_cache_entry(client, news, feed):
    url = feed_url(feed)
    canonical = client.get(url)
    assert canonical.status_code == 200
    after_canonical = cache_entries()
    assert client.get(url).content == canonical.content
    for number in range(20):
        response = client.get(f"{url}?page={number}&utm_source=x{number}")
        assert response.status_code in (200, 301)
        client.cookies["anything"] = str(number)
        assert client.get(url, HTTP_ACCEPT_LANGUAGE=f"de;q=0.{number}").status_code == 200
    assert cache_entries() == after_canonical


def test_finding_7_a_feed_url_with_a_query_string_leads_to_the_canonical_feed(client, news):
    url = feed_url("news-rss")
    assert url == "/en/feeds/news.rss"
    response = client.get(url + "?x=1")
    assert response.status_code == 301
    assert response["Location"] == url
