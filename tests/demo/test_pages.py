"""Smoke test of the demo content: every demo page renders in every content language."""

import pytest
from django.conf import settings
from wagtail.models import Page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]

CONTENT_LANGUAGES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def live_pages(language):
    return Page.objects.live().filter(depth__gte=2, locale__language_code=language).specific()


@pytest.mark.parametrize("language", CONTENT_LANGUAGES)
def test_every_demo_page_renders_in_every_language(client, language):
    pages = list(live_pages(language))
    assert len(pages) >= 20
    for page in pages:
        url = page.get_url()
        assert url.startswith(f"/{language}/")
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f'<html lang="{language}" dir="ltr">' in html, url
