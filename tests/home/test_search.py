"""Search: restricted to the active language, and it says how many pages it found."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import GuidanceIndexPageFactory, GuidancePageFactory, translate, translate_tree

pytestmark = pytest.mark.django_db


def test_search_is_restricted_to_the_active_language(client, home_page):
    guide = GuidancePageFactory(
        parent=GuidanceIndexPageFactory(parent=home_page),
        title="Hosting of online collection systems by the Commission",
    )
    translate_tree(guide.get_parent(), "bg")
    translate(guide, "bg", title="Хостинг от Комисията")
    with translation.override("en"):
        english = client.get(reverse("search"), {"q": "hosting"}).content.decode()
    assert "Hosting of online collection systems by the Commission" in english
    assert "Хостинг от Комисията" not in english
    with translation.override("bg"):
        bulgarian = client.get(reverse("search"), {"q": "хостинг"}).content.decode()
    assert "Хостинг от Комисията" in bulgarian
    assert "Hosting of online collection systems" not in bulgarian


def test_search_says_how_many_pages_it_found_in_the_active_language(client, home_page):
    index = GuidanceIndexPageFactory(parent=home_page)
    guides = [
        GuidancePageFactory(parent=index, title=title)
        for title in ("Hosting on our own servers", "Hosting by the Commission")
    ]
    html = client.get(reverse("search"), {"q": "hosting"}).content.decode()
    assert re.search(r'<p role="status">\s*2 results\s*</p>', html)
    translate_tree(index, "bg")
    for guide in guides:
        translate(guide, "bg", title=f"Хостинг {guide.pk}")
    with translation.override("bg"):
        html = client.get(reverse("search"), {"q": "хостинг"}).content.decode()
    assert re.search(r'<p role="status">\s*2 резултата\s*</p>', html)
