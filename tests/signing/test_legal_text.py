"""The form carries the law's own texts: the Annex III privacy statement in full and the
declaration, in the official wording of the page's language, for the initiative's regime."""

import datetime
import html
import json
import re

import pytest
from django.utils import translation

from signing.legal_texts import TEXTS_FILE
from tests.factories import signing_tree, translate_tree
from tests.translators.test_catalogues import EU_LANGUAGES

from .helpers import form_url

pytestmark = pytest.mark.django_db
TEXTS = json.loads(TEXTS_FILE.read_text(encoding="utf-8"))
REGIMES = {
    "2019/788": TEXTS["Regulation (EU) 2019/788"],
    "211/2011": TEXTS["Regulation (EU) No 211/2011"],
}


def form_page(client, signing_page, language, country="BG"):
    """The page's text, tags left out (the statement's address is a link)."""
    with translation.override(language):
        url = form_url(signing_page, country)
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert f'<html lang="{language}"' in page
    return html.unescape(re.sub(r"<a [^>]*>|</a>", "", page))


@pytest.fixture(scope="module")
def signing_pages(module_db):
    """{language: the signing page under /language/}: built once, only read."""
    with module_db.unblock():
        signing_page = signing_tree()
        return {"en": signing_page, **translate_tree(signing_page, "bg", "ro")}


@pytest.mark.parametrize("language", sorted(EU_LANGUAGES))
def test_the_form_carries_the_full_privacy_statement_and_the_declaration(
    client, signing_pages, language
):
    page = form_page(client, signing_pages.get(language, signing_pages["en"]), language)
    texts = REGIMES["2019/788"]
    assert texts["privacy_statement"][language] in page
    assert texts["declaration"][language] in page
    assert "proposed citizens' initiative" not in page  # 211/2011's wording is not this regime's
    # One tap away, on the same page: a disclosure, no other page to open.
    assert '<details class="legal-text" id="privacy-statement">' in page


def test_each_language_has_its_own_official_wording():
    for regime, texts in REGIMES.items():
        for kind in ("declaration", "privacy_statement"):
            assert set(texts[kind]) == set(EU_LANGUAGES), (regime, kind)
            english = texts[kind]["en"]
            assert all(text != english for code, text in texts[kind].items() if code != "en")


def test_an_initiative_under_regulation_211_2011_shows_that_regulation_s_texts(
    client, signing_pages
):
    initiative = signing_pages["en"].initiative_page().initiative
    initiative.registration_date = datetime.date(2019, 6, 3)
    initiative.save()
    page = form_page(client, signing_pages["en"], "de")
    assert REGIMES["211/2011"]["declaration"]["de"] in page
    assert REGIMES["211/2011"]["privacy_statement"]["de"] in page
    assert REGIMES["2019/788"]["declaration"]["de"] not in page


def test_the_short_notice_stays_above_the_button(client, signing_pages):
    page = form_page(client, signing_pages["en"], "en")
    assert page.index('class="privacy-notice"') < page.rindex('type="submit"')
