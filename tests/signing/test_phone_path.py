"""The citizen's path on a phone: the nationality in the reader's alphabetical order, one tap from
the initiative page to a country's form, a short form that brings its errors into view, a receipt
that leads to the lookup."""

import re

import pytest
from bs4 import BeautifulSoup

from tests.factories import translate_tree

from .helpers import bulgarian, form_url, identifier_of, lookup_url, receipt_url, sign

pytestmark = pytest.mark.django_db

ENGLISH_ORDER = [
    "Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czechia", "Denmark", "Estonia",
    "Finland", "France", "Germany", "Greece", "Hungary", "Ireland", "Italy", "Latvia",
    "Lithuania", "Luxembourg", "Malta", "Netherlands", "Poland", "Portugal", "Romania",
    "Slovakia", "Slovenia", "Spain", "Sweden",
]  # fmt: skip
BULGARIAN_ALPHABET = "абвгдежзийклмнопрстуфхцчшщъьюя"


def bulgarian_order(name):
    return [BULGARIAN_ALPHABET.index(letter) for letter in name.lower() if letter != " "]


@pytest.fixture
def bulgarian_signing_page(signing_page):
    return translate_tree(signing_page, "bg")["bg"]


def nationality_labels(html):
    soup = BeautifulSoup(html, "html.parser")
    return [label.get_text(strip=True) for label in soup.select(".choices label")]


def test_the_nationality_choice_is_in_english_alphabetical_order(client, signing_page):
    assert nationality_labels(client.get(signing_page.url).content.decode()) == ENGLISH_ORDER


def test_the_nationality_choice_is_in_bulgarian_alphabetical_order(client, bulgarian_signing_page):
    labels = nationality_labels(client.get(bulgarian_signing_page.url).content.decode())
    assert len(labels) == 27 and labels[:3] == ["Австрия", "Белгия", "България"]
    assert labels == sorted(labels, key=bulgarian_order)


def test_the_initiative_page_links_each_nationality_to_its_form(client, bulgarian_signing_page):
    initiative_page = bulgarian_signing_page.get_parent()
    soup = BeautifulSoup(client.get(initiative_page.url).content, "html.parser")
    links = soup.select(".support-box .sign-by-nationality a")
    names = [link.get_text(strip=True) for link in links]
    assert names == sorted(names, key=bulgarian_order) and len(names) == 27
    bulgaria = links[names.index("България")]
    assert bulgaria["href"] == form_url(bulgarian_signing_page, "BG")
    assert "csrfmiddlewaretoken" not in str(soup)  # the page stays the same for every visitor


def test_the_form_is_short_and_brings_its_errors_into_view(client, signing_page):
    soup = BeautifulSoup(client.get(form_url(signing_page, "BG")).content, "html.parser")
    assert soup.select_one("details.registered-info summary")  # folded above the form
    assert soup.select_one("form.statement-form")["action"] == "#error-summary"
    number = soup.select_one("#id_document_number")
    assert number["inputmode"] == "numeric" and number["autocomplete"] == "off"
    assert soup.select_one("#id_first_names")["autocomplete"] == "given-name"
    assert soup.select_one("#id_family_names")["autocomplete"] == "family-name"
    errors = client.post(form_url(signing_page, "BG"), {"first_names": "Мария"})
    summary = BeautifulSoup(errors.content, "html.parser").select_one("#error-summary")
    assert summary["tabindex"] == "-1"


def test_the_address_form_has_one_date_format_and_the_right_autocomplete(client, signing_page):
    soup = BeautifulSoup(client.get(form_url(signing_page, "DE")).content, "html.parser")
    birth = soup.select_one("#id_date_of_birth")
    assert birth["type"] == "text" and birth["autocomplete"] == "bday"  # no mm/dd/yyyy picker
    assert "31/12/1990" in soup.select_one("#id_date_of_birth_helptext").get_text()
    assert soup.select_one("#id_postal_code")["autocomplete"] == "postal-code"
    assert soup.select_one("#id_residence_country")["autocomplete"] == "country"
    assert soup.select_one("#id_residence_country_other")["autocomplete"] == "country-name"


def test_the_receipt_links_to_the_lookup_and_shows_the_identifier_whole(client, signing_page):
    identifier = identifier_of(sign(client, signing_page, "BG", **bulgarian()))
    soup = BeautifulSoup(client.get(receipt_url(signing_page, identifier)).content, "html.parser")
    assert soup.select_one(f'.receipt a[href="{lookup_url(signing_page)}"]')
    assert soup.select_one("code.identifier").get_text() == identifier
    assert re.fullmatch(r"[0-9a-f-]{36}", identifier)
