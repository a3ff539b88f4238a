"""One identity per person: each way the audit (issue 22) found to sign twice is refused, in
the same words as any repeated signature, through the site as a signer does.

Each variant here was stored a second time before the normalisations of signing/identity.py;
the suite prints the figure "duplicate variants: N tried, N refused".
"""

import datetime

import pytest
from stdnum.pt import cc as pt_cc

from signing import identity, services
from signing.models import FlaggedPaperForms, Statement
from signing.rules import RULES
from tests.conftest import FIGURES

from .helpers import german, sign

pytestmark = pytest.mark.django_db

ALREADY_SIGNED = "You have already supported this initiative"
TALLY = {"tried": 0, "refused": 0}


def document(kind, number, first="Maria", family="Rossi"):
    return {"first_names": first, "family_names": family, "document_type": kind,
            "document_number": number}  # fmt: skip


def citizen_card(civil_number, check_digit):
    """A Portuguese citizen card (cartão de cidadão) of a civil number: the number, its check
    digit, the version, and the card's own check digit (stdnum's)."""
    body = f"{civil_number}{check_digit}ZZ"
    return body + pt_cc.calc_check_digit(body)


# (variant, (country, first statement), (country, second statement)): one person each time.
VARIANTS = [
    ("zero-width space in a name", ("DE", german()),
     ("DE", german(first_names="Jür\u200bgen"))),
    ("soft hyphen and word joiner in a name", ("DE", german()),
     ("DE", german(family_names="Mül\u00adl\u2060er"))),
    ("Cyrillic look-alike letters", ("DE", german(first_names="Jürgen Alexander")),
     ("DE", german(first_names="Jürg\u0435n Al\u0435x\u0430nd\u0435r"))),
    ("Mueller for Müller", ("DE", german()), ("DE", german(family_names="Mueller"))),
    ("Hauptstr. for Hauptstraße", ("DE", german()), ("DE", german(street="Hauptstr."))),
    ("house number 05 for 5", ("DE", german(street_number="5")),
     ("DE", german(street_number="05"))),
    ("residence 'other: Germany'", ("DE", german()),
     ("DE", german(residence_country="other", residence_country_other="Germany"))),
    ("the same details as a French national", ("DE", german()), ("FR", german())),
    ("the same details as a Dutch national", ("FR", german()), ("NL", german())),
    ("Malta: leading zeros", ("MT", document("id.card", "43708M")),
     ("MT", document("id.card", "0043708M"))),
    ("Cyprus: leading zeros", ("CY", document("id.card", "12345")),
     ("CY", document("id.card", "0012345"))),
    ("Spain: the DNI as a passport", ("ES", document("id.card", "12345678Z")),
     ("ES", document("passport", "12345678Z"))),
    ("Italy: the identity card as a passport", ("IT", document("id.card", "CA12345AB")),
     ("IT", document("passport", "CA12345AB"))),
    ("Cyprus: the identity card as a passport", ("CY", document("id.card", "123456")),
     ("CY", document("passport", "123456"))),
    ("Hungary: the identity card as a passport", ("HU", document("id.card", "123456AB")),
     ("HU", document("passport", "123456AB"))),
    ("Portugal: citizen card, then the identity card",
     ("PT", document("id.card", citizen_card("12345678", "9"))),
     ("PT", document("id.card.old", "12345678"))),
    ("Portugal: identity card with its check digit, then the citizen card",
     ("PT", document("id.card.old", "12345678 9")),
     ("PT", document("id.card", citizen_card("12345678", "9")))),
    ("Portugal: identity card with leading zeros, then the citizen card",
     ("PT", document("id.card.old", "0123456")),
     ("PT", document("id.card", citizen_card("00123456", "0")))),
]  # fmt: skip


def record(refused):
    """Keep the figure up to date in the suite's summary, whichever variants ran."""
    line = next((item for item in FIGURES if item.startswith("duplicate variants")), None)
    if line:
        FIGURES.remove(line)
    TALLY["tried"] += 1
    TALLY["refused"] += refused
    FIGURES.append(f"duplicate variants: {TALLY['tried']} tried, {TALLY['refused']} refused")


@pytest.mark.parametrize(("variant", "first", "second"), VARIANTS, ids=[v[0] for v in VARIANTS])
def test_a_variant_of_a_signature_is_refused_as_a_duplicate(
    client, signing_page, variant, first, second
):
    response = sign(client, signing_page, first[0], **first[1])
    assert response.status_code == 302, response.content.decode()[-3000:]
    response = sign(client, signing_page, second[0], **second[1])
    html = response.content.decode()
    refused = response.status_code == 200 and ALREADY_SIGNED in html
    record(refused)
    assert refused, html[-3000:]
    assert Statement.objects.count() == 1


# Different people stay different: the folds must not join what the authorities would not.
NOT_THE_SAME = [
    ("another house number", german(street_number="5"), german(street_number="50")),
    ("another house letter", german(street_number="5a"), german(street_number="5b")),
    ("another date of birth", german(), german(date_of_birth="30/12/1990")),
    ("another family name", german(family_names="Müller"), german(family_names="Miller")),
    ("another street", german(street="Hauptstraße"), german(street="Hauptplatz")),
    ("another country of residence", german(),
     german(residence_country="other", residence_country_other="Schweiz")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "first", "second"), NOT_THE_SAME, ids=[c[0] for c in NOT_THE_SAME]
)
def test_two_people_stay_two(client, signing_page, case, first, second):
    assert sign(client, signing_page, "DE", **first).status_code == 302
    assert sign(client, signing_page, "DE", **second).status_code == 302
    assert Statement.objects.count() == 2


def stored_under_the_first_revision(initiative, country, data):
    """A statement as stored before the identity's second revision: its hash that of the
    first revision's identity, its revision 1 (what the migration gives the rows it finds)."""
    statement = services.sealed_statement(
        initiative, country, data, "unused", submitted_on=datetime.date(2026, 11, 1),
        language="en", page_revision_id=None,
    )  # fmt: skip
    statement.dedupe_hash = services.dedupe_hash(
        initiative, identity.first_revision({"country": country, **data})
    )
    statement.identity_revision = identity.FIRST_REVISION
    statement.save(force_insert=True)
    # Sealing it let this process learn that the initiative held none of revision 1: start
    # afresh, as a process serving after the migration does.
    services._WITHOUT_EARLIER_REVISIONS.clear()


FIRST_REVISION_STATEMENTS = [
    ("DE", {"first_names": "Jürgen", "family_names": "Müller", "street": "Hauptstraße",
            "street_number": "12a", "postal_code": "10115", "city": "Berlin",
            "residence_country": "DE", "residence_country_other": "",
            "date_of_birth": "1990-12-31"}, german(first_names="JÜRGEN")),
    ("SE", {"first_names": "Anna", "family_names": "Berg", "document_type": "personal.number",
            "document_number": "811218-9876"},
     document("personal.number", "19811218-9876", "Anna", "Berg")),
]  # fmt: skip


@pytest.mark.parametrize(("country", "stored", "typed"), FIRST_REVISION_STATEMENTS)
def test_a_signer_of_before_the_new_identity_is_still_refused(
    client, initiative, signing_page, country, stored, typed
):
    """Statements stored before keep their hashes (the server cannot decrypt them to hash them
    again): a new statement is also checked under the identity they were hashed with."""
    stored_under_the_first_revision(initiative, country, stored)
    response = sign(client, signing_page, country, **typed)
    assert ALREADY_SIGNED in response.content.decode()
    assert Statement.objects.count() == 1
    other = (
        german(date_of_birth="01/01/1980")
        if country == "DE"
        else typed | {"document_number": "900101-0017"}
    )
    assert sign(client, signing_page, country, **other).status_code == 302
    assert Statement.objects.get(identity_revision=identity.REVISION).country == country


def test_a_paper_form_of_a_signer_of_before_the_new_identity_is_flagged(initiative):
    country, stored, typed = FIRST_REVISION_STATEMENTS[0]
    stored_under_the_first_revision(initiative, country, stored)
    data = {**stored, "first_names": "JÜRGEN"}
    with pytest.raises(services.AlreadySigned):
        services.record_paper_statement(
            initiative=initiative, country=country, data=data,
            identity=RULES[country].identity({"country": country, **data}),
            signed_on=datetime.date(2026, 11, 2),
        )  # fmt: skip
    assert FlaggedPaperForms.objects.get().count == 1
