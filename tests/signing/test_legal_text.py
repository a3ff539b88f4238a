"""The form carries the law's own texts: the Annex III privacy statement in full and the
declaration, in the official wording of the page's language, for the initiative's regime and
route (the organisers alone are the controller on this site's own system and on paper)."""

import datetime
import html
import json
import re

import pytest
from django.utils import timezone, translation
from wagtail_factories import DocumentFactory

from initiatives.models import Initiative
from signing.legal_texts import TEXTS_FILE
from signing.paper_form import form_content
from tests.factories import signing_tree, translate_tree
from tests.translators.test_catalogues import EU_LANGUAGES

from .helpers import form_url

pytestmark = pytest.mark.django_db
TEXTS = json.loads(TEXTS_FILE.read_text(encoding="utf-8"))
REGIMES = {
    "2019/788": TEXTS["Regulation (EU) 2019/788"],
    "211/2011": TEXTS["Regulation (EU) No 211/2011"],
}
MISSING = TEXTS["_missing"]["Regulation (EU) 2019/788"]["privacy_statement"]
# The central online collection system's statement names the Commission as joint controller
# (Annex III as the Commission's software shows it): never on a form of this site.
JOINT_CONTROLLERS = {
    "en": "are joint controllers within the meaning of Regulation (EU) 2018/1725",
    "bg": "са съвместни администратори по смисъла на Регламент (ЕС) 2018/1725",
    "de": "sind die für die Datenverarbeitung gemeinsam Verantwortlichen",
    "fr": "sont les responsables conjoints du traitement au sens du règlement (UE) 2018/1725",
}
# The organisers' own: the representative (or the legal entity) is the controller.
SOLE_CONTROLLER = {
    "en": "the legal entity created by it, is the controller within the meaning of the General",
    "bg": "учреденото от нея юридическо лице е администратор по смисъла на Общия регламент",
    "de": "die von der Gruppe geschaffene juristische Person ist der für die Verarbeitung",
    "fr": "l'entité juridique créée par celui-ci, est le responsable du traitement au sens",
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
    # Where the official wording was not found, the English one, marked as English.
    privacy_language = "en" if language in MISSING else language
    for paragraph in texts["privacy_statement"][privacy_language].split("\n\n"):
        assert f"<p>{paragraph}</p>" in page
    assert ('class="legal-text__body" lang="en"' in page) == (language in MISSING)
    assert texts["declaration"][language] in page
    assert "proposed citizens' initiative" not in page  # 211/2011's wording is not this regime's
    # One tap away, on the same page: a disclosure, no other page to open.
    assert '<details class="legal-text" id="privacy-statement">' in page


def test_each_language_has_its_own_official_wording_or_says_why_not():
    assert set(MISSING) == {"hr"} and all(len(why) > 100 for why in MISSING.values())
    for regime, texts in REGIMES.items():
        for kind in ("declaration", "privacy_statement"):
            missing = TEXTS["_missing"].get(f"Regulation (EU) {regime}", {}).get(kind, {})
            assert set(texts[kind]) == set(EU_LANGUAGES) - set(missing), (regime, kind)
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


@pytest.mark.parametrize("language", sorted(SOLE_CONTROLLER))
def test_an_own_systems_form_names_the_organisers_alone_as_controller(
    client, signing_pages, monkeypatch, language
):
    # Registered in 2022, collecting on its own certified system (as DEMO(2022)000003 did), on
    # a day of its collection period.
    initiative = signing_pages["en"].initiative_page().initiative
    initiative.test_collection = ""
    initiative.registration_date = datetime.date(2022, 6, 1)
    initiative.collection_start = datetime.date(2022, 9, 1)
    initiative.collection_end = datetime.date(2023, 9, 1)
    initiative.certificate_of_conformity = DocumentFactory(title="Certificate of conformity")
    initiative.save()
    monkeypatch.setattr(timezone, "localdate", lambda *args: datetime.date(2023, 3, 1))
    assert initiative.signing_state == "open"
    page = form_page(client, signing_pages.get(language, signing_pages["en"]), language)
    assert SOLE_CONTROLLER[language] in page
    assert JOINT_CONTROLLERS[language] not in page
    assert "2018/1725" not in page  # the regulation that binds the Commission, not organisers


@pytest.mark.parametrize("language", sorted(SOLE_CONTROLLER))
def test_a_paper_form_names_the_organisers_alone_as_controller_on_any_route(
    signing_pages, language
):
    """Paper stays open to an initiative on the central system; on paper its organisers are the
    controller (the Commission's data-protection guidance for organisers, question 2)."""
    page = signing_pages["en"].initiative_page()
    page.initiative.test_collection = ""
    page.initiative.collection = Initiative.Collection.CENTRAL
    page.initiative.external_system_url = "https://eci.ec.europa.eu/045/public/"
    privacy = form_content(page, "BG", language, "https://example.org/")["privacy_statement"]
    assert SOLE_CONTROLLER[language] in privacy
    assert JOINT_CONTROLLERS[language] not in privacy
