"""Interface-only languages: the same pages under their own prefix, and the redirect from /."""

import datetime
import re

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format
from wagtail.models import Locale

from home.templatetags.site_tags import _language_of_locale
from tests.factories import translate, translate_tree

pytestmark = pytest.mark.django_db
CONTENT_LANGUAGES = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}


def test_interface_languages_lead_to_the_same_page(client, initiative_page):
    bulgarian = translate_tree(initiative_page, "bg", "ro")["bg"]
    with translation.override("sk"):
        url = initiative_page.url
    with translation.override("mt"):
        maltese = initiative_page.url
    assert url.startswith("/sk/") and maltese.startswith("/mt/")
    html = client.get(url).content.decode()
    assert f'href="{maltese}"' in html
    assert f'href="{bulgarian.url}"' in html
    # Only the languages the page is written in are announced as alternates.
    alternates = set(re.findall(r'<link rel="alternate" hreflang="([\w-]+)"', html))
    assert alternates == {*CONTENT_LANGUAGES, "x-default"}


def test_accept_language_picks_an_interface_language(client, home_page):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ga-IE,ga;q=0.9,en;q=0.5")
    assert response.status_code == 302 and response["Location"].startswith("/ga/")


def test_root_redirects_by_accept_language(client, home_page):
    translate_tree(home_page, "bg", "ro")
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="bg").headers["Location"] == "/bg/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ro-RO,ro;q=0.9").headers["Location"] == "/ro/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fi").headers["Location"] == "/fi/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ja").headers["Location"] == "/en/"


def test_a_locale_changed_or_replaced_shows_its_new_language(db):

    locale = Locale.objects.get(language_code="ro")
    assert _language_of_locale(locale.pk) == "ro"
    locale.language_code = "de"  # as SQLite can give a deleted locale's id to a new one
    locale.save()
    assert _language_of_locale(locale.pk) == "de"


@pytest.mark.parametrize("language", ["sk", "mt"])
def test_english_is_reachable_from_an_interface_only_language(client, initiative_page, language):
    """Wagtail keeps the active language's prefix on a page of the language it falls back to; the
    switcher's "English" and the en / x-default alternates must still lead to /en/."""
    translate_tree(initiative_page, "bg")
    with translation.override(language):
        url = initiative_page.url
    html = client.get(url).content.decode()
    with translation.override("en"):
        english = initiative_page.url
    assert english.startswith("/en/")
    assert re.search(rf'<a href="{re.escape(english)}" hreflang="en" lang="en"', html)
    host = "http://localhost"
    assert f'<link rel="alternate" hreflang="en" href="{host}{english}">' in html
    assert f'<link rel="alternate" hreflang="x-default" href="{host}{english}">' in html
    assert client.get(english).status_code == 200


@pytest.mark.parametrize(
    ("language", "registered", "opened"),
    [
        ("en", "15 September 2025", "10 March 2026"),  # one style, no "Sept." beside "March"
        ("bg", "15 септември 2025\xa0г.", "10 март 2026\xa0г."),  # "г." stays with the year
        ("ro", "15 septembrie 2025", "10 martie 2026"),
        ("sk", "15. septembra 2025", "10. marca 2026"),  # the genitive; interface-only
    ],
)
def test_dates_as_each_language_writes_them(
    client, initiative_page, initiative, language, registered, opened
):
    type(initiative).objects.filter(pk=initiative.pk).update(
        registration_date=datetime.date(2025, 9, 15), collection_start=datetime.date(2026, 3, 10)
    )
    translate_tree(initiative_page, "bg", "ro")
    with translation.override(language):
        url = initiative_page.localized.url if language != "sk" else initiative_page.url
    html = client.get(url).content.decode()
    assert url.startswith(f"/{language}/")
    assert f">{registered}</time>" in html
    assert opened in html


def test_fields_a_translation_has_not_translated_yet_are_marked(client, initiative_page):
    """wagtail-localize publishes a partial translation with the source's text in the fields not
    translated yet: they carry the source's `lang` and the page says so."""
    translate_tree(initiative_page.get_parent(), "bg")
    # The translator keeps the subject matter in the source's words (as for a name): translated.
    subject = initiative_page.subject_matter
    bulgarian = translate(initiative_page, "bg", objectives=None, subject_matter=subject)

    html = client.get(bulgarian.url).content.decode()
    assert re.search(r'<div class="rich-text" lang="en"><p[^>]*>What the law would do\.</p>', html)
    assert f"<p>{subject}</p>" in html  # no lang
    assert 'role="note">Части от този текст все още не са достъпни' in html

    english = client.get(initiative_page.url).content.decode()
    assert "notice--language" not in english and '<div class="rich-text"><p' in english

    # Translated and published again: nothing is marked any more.
    translate(initiative_page, "bg")
    html = client.get(bulgarian.url).content.decode()
    assert "notice--language" not in html and '<div class="rich-text"><p' in html


def test_english_short_dates_are_day_first_too():
    """Chart axes and day tables use the short format: day first, as the long one and as the
    date-of-birth field ask, never the American 11/14/2026."""
    with translation.override("en"):
        assert date_format(datetime.date(2026, 11, 14), "SHORT_DATE_FORMAT") == "14/11/2026"
