"""The rules settled by the second review (shared/reference/eci-rules.md, last section), each
with its source in signing/rules.py: Greece's age by calendar year, Estonia's export key, Czech
cards 123456AA12, Portuguese identity cards of 1 to 8 digits, and format warnings a signer may
confirm where no check digit verifies the pattern."""

import datetime

import pytest
from bs4 import BeautifulSoup

from signing.rules import RULES, SETTLED

from .helpers import form_url, solve_captcha
from .test_forms import part_a, submit

pytestmark = pytest.mark.django_db


def greek(born):
    return part_a(date_of_birth=born, residence_country="GR", postal_code="105 57", city="Αθήνα")


def test_greece_counts_17_by_calendar_year():
    signing_day = datetime.date(2026, 1, 15)
    assert submit("GR", today=signing_day, **greek("01.12.2009")).is_valid()  # turns 17 in 2026
    too_young = submit("GR", today=signing_day, **greek("01.01.2010"))  # turns 17 in 2027
    assert "date_of_birth" in too_young.errors
    assert RULES["GR"].age_by_calendar_year == SETTLED
    # Elsewhere the age is still counted to the birthday.
    german = submit("DE", today=datetime.date(2026, 1, 15), **part_a(date_of_birth="16.01.2010"))
    assert "date_of_birth" in german.errors


def test_estonia_exports_its_personal_code_as_personal_number():
    code = RULES["EE"].identifier("personal.number")
    assert code.property_key == "oct.property.personal.number"
    assert SETTLED in code.source


@pytest.mark.parametrize("number", ["123456AA12", "123456 AA 12", "123456789", "AB123456"])
def test_czech_identity_cards_of_every_form_are_accepted(number):
    form = submit("CZ", document_type="id.card", document_number=number)
    assert form.is_valid(), form.errors


@pytest.mark.parametrize("number", ["12345", "1", "12345678"])
def test_portuguese_identity_cards_of_1_to_8_digits_are_accepted(number):
    form = submit("PT", document_type="id.card.old", document_number=number)
    assert form.is_valid(), form.errors


def test_a_pattern_no_check_verifies_is_a_warning_the_signer_may_confirm():
    typed = {"document_type": "personal.number", "document_number": "1234"}
    warned = submit("HU", **typed)  # Hungary's personal number: its pattern only
    assert "confirm it below" in warned.errors["document_number"][0]
    assert warned.format_warning
    assert submit("HU", **typed, format_confirmed="on").is_valid()
    # A postal code is only a pattern too.
    postal = submit("DE", **part_a(postal_code="1011"))
    assert not postal.is_valid() and postal.format_warning
    assert submit("DE", **part_a(postal_code="1011"), format_confirmed="on").is_valid()


def test_a_number_python_stdnum_checks_stays_refused_even_when_confirmed():
    typed = {"document_type": "personal.number", "document_number": "12345"}
    refused = submit("BG", **typed, format_confirmed="on")
    assert not refused.is_valid() and not refused.format_warning
    wrong_digit = submit("BG", document_type="personal.number", document_number="7501020019",
                         format_confirmed="on")  # fmt: skip
    assert "mistyped" in wrong_digit.errors["document_number"][0]


def test_the_confirmation_shows_only_beside_a_warning_and_stores_nothing(client, signing_page):
    url = form_url(signing_page, "HU")
    blank = client.get(url).content.decode()
    assert BeautifulSoup(blank, "html.parser").select_one("#id_format_confirmed") is None
    data = {"first_names": "Anna", "family_names": "Kovács", "document_type": "personal.number",
            "document_number": "1234", "declaration": "on", "privacy": "on",
            **solve_captcha(blank)}  # fmt: skip
    warned = client.post(url, data).content.decode()
    assert BeautifulSoup(warned, "html.parser").select_one("#id_format_confirmed") is not None
    data.update(solve_captcha(warned), format_confirmed="on")
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:300]
