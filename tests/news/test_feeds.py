"""The RSS and Atom feeds list only the active language's news, and are cached per language."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    site_home,
    translate,
    translate_tree,
)

pytestmark = pytest.mark.django_db
ENGLISH = "The site now speaks Bulgarian and Romanian"
BULGARIAN = "Сайтът вече е на български и румънски"
ROMANIAN = "Site-ul este acum disponibil în bulgară și română"


@pytest.fixture(scope="module")
def news(module_db):
    """Four news items in en, bg and ro; the first with its own title in each language. Built
    once for the module: its tests only read it."""
    with module_db.unblock():
        index = NewsIndexPageFactory(parent=site_home())
        translate_tree(index, "bg", "ro")
        items = [NewsPageFactory(parent=index, title=ENGLISH)]
        items += [NewsPageFactory(parent=index) for _ in range(3)]
        for item in items:
            for code, title in (("bg", BULGARIAN), ("ro", ROMANIAN)):
                translate(item, code, **({"title": title} if item is items[0] else {}))
    return items


def feed_url(name, language):
    with translation.override(language):
        return reverse(name)


def test_rss_feed_per_language(client, news):
    english = client.get(feed_url("news-rss", "en"))
    assert english["Content-Type"].startswith("application/rss+xml")
    english = english.content.decode()
    bulgarian = client.get(feed_url("news-rss", "bg")).content.decode()
    assert ENGLISH in english
    assert BULGARIAN not in english
    assert BULGARIAN in bulgarian
    assert ENGLISH not in bulgarian
    assert english.count("<item>") == bulgarian.count("<item>") == 4


def test_atom_feed_per_language(client, news):
    romanian = client.get(feed_url("news-atom", "ro"))
    assert romanian["Content-Type"].startswith("application/atom+xml")
    body = romanian.content.decode()
    assert ROMANIAN in body
    links = re.findall(r'<link href="([^"]+)" rel="alternate"', body)
    assert links and all("/ro/" in link for link in links)


def test_cached_feed_is_never_served_in_another_language(client, news):
    client.get(feed_url("news-rss", "en"))  # fills the cache
    bulgarian = client.get(feed_url("news-rss", "bg")).content.decode()
    assert BULGARIAN in bulgarian
    assert ENGLISH not in bulgarian
