"""The XML sitemaps: one per content language listing only that language's pages, and an index."""

import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.factories import (
    GuidanceIndexPageFactory,
    GuidancePageFactory,
    NewsIndexPageFactory,
    translate,
    translate_tree,
)

pytestmark = pytest.mark.django_db


def test_language_sitemap_lists_only_that_language(client, home_page):
    guide = GuidancePageFactory(parent=GuidanceIndexPageFactory(parent=home_page))
    NewsIndexPageFactory(parent=home_page)  # English only
    bulgarian = translate_tree(guide, "bg")["bg"]
    with translation.override("bg"):
        body = client.get(reverse("sitemap")).content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", body)
    expected = [page.full_url for page in reversed(bulgarian.get_ancestors(inclusive=True)[1:])]
    assert sorted(locations) == sorted(expected)
    assert len(locations) == 3 and all(loc.startswith("http://localhost/bg/") for loc in locations)


def test_sitemap_index_lists_each_language(client, home_page):
    body = client.get(reverse("sitemap-index")).content.decode()
    assert re.findall(r"<loc>([^<]+)</loc>", body) == [
        f"http://localhost/{code}/sitemap.xml" for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    ]
    assert settings.WAGTAIL_CONTENT_LANGUAGES[:3] == [
        ("en", "English"), ("bg", "български"), ("ro", "română")
    ]  # fmt: skip
    robots = client.get(reverse("robots-txt")).content.decode()
    assert "Sitemap: http://localhost/sitemap.xml" in robots


def test_html_sitemap_lists_the_active_languages_tree(client, home_page):
    prepare = GuidancePageFactory(
        parent=GuidanceIndexPageFactory(parent=home_page),
        title="Prepare your online collection system",
    )
    hosting = GuidancePageFactory(parent=prepare, title="Hosting")
    romanian = translate_tree(prepare, "ro")["ro"]
    translate(hosting, "ro", title="Găzduirea sistemelor de colectare online de către Comisie")
    with translation.override("ro"):
        html = client.get(reverse("html-sitemap")).content.decode()
    assert "Găzduirea sistemelor de colectare online de către Comisie" in html
    assert f'href="{romanian.url}"' in html
    assert 'href="/en/' not in html.split('class="sitemap-tree"', 1)[1]
