"""The demo tree answers in every language, with the right language, switcher and alternates."""

import re

import pytest
from django.conf import settings
from wagtail.models import Locale, Page

from guidance.models import GuidancePage
from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db

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


def test_chrome_is_translated(client):
    english = client.get("/en/").content.decode()
    bulgarian = client.get("/bg/").content.decode()
    romanian = client.get("/ro/").content.decode()
    assert "Skip to main content" in english
    assert "Към основното съдържание" in bulgarian
    assert "Salt la conținutul principal" in romanian
    assert "Organizați o inițiativă" in romanian  # the menu comes from the Romanian tree


def test_root_redirects_by_accept_language(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="bg").headers["Location"] == "/bg/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ro-RO,ro;q=0.9").headers["Location"] == "/ro/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fi").headers["Location"] == "/fi/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ja").headers["Location"] == "/en/"


def test_switcher_links_to_the_same_pages_translation(client):
    guide = GuidancePage.objects.get(slug="hosting-by-the-commission", locale__language_code="en")
    bulgarian = guide.get_translation(Locale.objects.get(language_code="bg"))
    html = client.get(bulgarian.get_url()).content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    assert f'href="{guide.get_url()}" hreflang="en"' in switcher
    romanian = guide.get_translation(Locale.objects.get(language_code="ro"))
    assert f'href="{romanian.get_url()}" hreflang="ro"' in switcher


def test_switcher_falls_back_to_the_translated_home_page(client):
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    untranslated = about.add_child(
        instance=StandardPage(title="Only in English", slug="only-in-english")
    )
    untranslated.save_revision().publish()
    html = client.get(untranslated.get_url()).content.decode()
    bulgarian_home = HomePage.objects.get(locale__language_code="bg")
    assert f'href="{bulgarian_home.get_url()}" hreflang="bg"' in html
    # Not announced as an alternate: there is no Bulgarian version of this page.
    assert 'rel="alternate" hreflang="bg"' not in html


def test_hreflang_alternates_with_x_default(client):
    html = client.get("/ro/organise/").content.decode()
    alternates = dict(re.findall(r'rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', html))
    assert set(alternates) == {*CONTENT_LANGUAGES, "x-default"}
    assert alternates["x-default"] == alternates["en"] == "http://localhost/en/organise/"


def test_breadcrumbs_show_the_navigation_path(client):
    html = client.get("/en/organise/prepare-online-collection-system/certification/").content
    html = html.decode()
    crumbs = html[html.index('aria-label="Navigation path"') :]
    crumbs = crumbs[: crumbs.index("</nav>")]
    assert re.findall(r">([^<]+)</a>", crumbs) == [
        "Home",
        "Organise an initiative",
        "Prepare your online collection system",
    ]
    assert 'aria-current="page">Certifying the online collection system<' in crumbs


def test_initiative_index_filters_by_status_and_topic(client):
    html = client.get("/en/initiatives/?status=closed").content.decode()
    assert "Safe cross-border commuting" in html
    assert "Clean air around every school" not in html
    html = client.get("/bg/initiatives/?topic=digital").content.decode()
    assert "Отворени по подразбиране публични данни" in html
    assert "Чист въздух" not in html


def test_initiative_page_shows_progress_against_the_dated_minimums(client):
    html = client.get("/en/initiatives/public-data-open-by-default/").content.decode()
    # Registered in 2025: the 2024-2029 table applies; Romania: 33 seats x 720 = 23,760.
    assert "23,760" in html
    assert "seats in the European Parliament 2024–2029 × 720" in html
    assert "181,486 of 1,000,000 statements of support" in html
    assert '<progress id="progress-total" max="1000000" value="181486">' in html
    bulgarian = client.get("/bg/initiatives/public-data-open-by-default/").content.decode()
    assert "181\xa0486" in bulgarian


def test_search_is_restricted_to_the_active_language(client):
    english = client.get("/en/search/", {"q": "hosting"}).content.decode()
    assert "Hosting of online collection systems by the Commission" in english
    assert "Хостинг от Комисията" not in english
    bulgarian = client.get("/bg/search/", {"q": "хостинг"}).content.decode()
    assert "Хостинг от Комисията" in bulgarian
    assert "Hosting of online collection systems" not in bulgarian


def test_html_sitemap_lists_the_active_languages_tree(client):
    html = client.get("/ro/sitemap/").content.decode()
    assert "Găzduirea sistemelor de colectare online de către Comisie" in html
    assert 'href="/ro/organise/prepare-online-collection-system/"' in html
    assert 'href="/en/' not in html.split('class="sitemap-tree"', 1)[1]


def test_public_pages_send_a_strict_content_security_policy(client):
    policy = client.get("/en/").headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
