"""Citizens the old rules refused sign through the site (the test client, the real form).

The numbers are made here from stdnum's own check-digit functions, not from the project's code.
"""

import json

import pytest
from django.utils import translation
from stdnum.pt import cc as pt_cc
from stdnum.si import emso as si_emso

from core import crypto
from signing.models import Statement
from tests.factories import organisers_key

from .helpers import sign

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def default_language_after():
    """The test client leaves the last request's language active in this thread: restore it,
    or later tests would build their URLs in Swedish."""
    yield
    translation.activate("en")


def decrypted(initiative, statement):
    info = crypto.context(
        initiative.registration_number, statement.country, statement.annex_revision
    )
    return json.loads(crypto.decrypt(organisers_key(), statement.ciphertext, info))


def sign_in(client, signing_page, country, lang, **fields):
    """Sign with the interface in `lang` (the page exists in English only: Wagtail serves it
    under the interface language's prefix)."""
    with translation.override(lang):
        return sign(client, signing_page, country, **fields)


def citizen(document_type, document_number, first="Jana", family="Nováková"):
    return {
        "first_names": first,
        "family_names": family,
        "document_type": document_type,
        "document_number": document_number,
    }


def signed(client, signing_page, initiative, country, lang, data):
    response = sign_in(client, signing_page, country, lang, **data)
    assert response.status_code == 302, response.content.decode()[:2000]
    statement = Statement.objects.get(country=country)
    assert decrypted(initiative, statement)["document_number"] == data["document_number"]
    return statement


def test_czech_citizen_with_a_9_digit_identity_card_signs(client, signing_page, initiative):
    signed(client, signing_page, initiative, "CZ", "cs", citizen("id.card", "203456789"))


def emso_ending_in_computed_zero():
    """An EMŠO whose check, computed as 10, is written 0 (about one number in eleven)."""
    for serial in range(1000):
        body = f"150399850{serial:03d}"
        total = sum(int(d) * w for d, w in zip(body, (7, 6, 5, 4, 3, 2) * 2, strict=True))
        if total % 11 == 1:  # 11 - 1 = 10
            assert si_emso.is_valid(body + "0")
            return body + "0"
    raise AssertionError


def test_slovenian_whose_emso_ends_in_check_digit_0_signs(client, signing_page, initiative):
    data = citizen("personal.number", emso_ending_in_computed_zero(), "Ana", "Novak")
    signed(client, signing_page, initiative, "SI", "sl", data)


def test_latvian_with_a_new_format_personal_code_signs(client, signing_page, initiative):
    data = citizen("personal.number", "321234-56789", "Anna", "Bērziņa")
    signed(client, signing_page, initiative, "LV", "lv", data)


def test_a_mistyped_portuguese_citizen_card_is_refused_with_a_clear_message(
    client, signing_page, initiative
):
    body = "12345678" + "9" + "ZZ"
    valid = body + pt_cc.calc_check_digit(body)
    mistyped = body[:4] + str((int(body[4]) + 1) % 10) + body[5:] + valid[-1]
    assert not pt_cc.is_valid(mistyped)
    response = sign_in(
        client, signing_page, "PT", "pt", **citizen("id.card", mistyped, "João", "Silva")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Este número não é válido" in html, html[:3000]
    assert Statement.objects.count() == 0
    # and the card as printed signs
    signed(client, signing_page, initiative, "PT", "pt", citizen("id.card", valid, "João", "Silva"))


def test_portuguese_old_identity_card_is_offered(client, signing_page, initiative):
    signed(
        client,
        signing_page,
        initiative,
        "PT",
        "pt",
        citizen("id.card.old", "12345678", "Rui", "Costa"),
    )


def test_a_swede_cannot_sign_twice_by_writing_the_century(client, signing_page, initiative):
    first = citizen("personal.number", "811218-9876", "Karin", "Andersson")
    assert sign_in(client, signing_page, "SE", "sv", **first).status_code == 302
    again = citizen("personal.number", "19811218-9876", "Karin", "Andersson")
    response = sign_in(client, signing_page, "SE", "sv", **again)
    assert response.status_code == 200
    assert Statement.objects.count() == 1
