"""Search is restricted to the active language."""

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
