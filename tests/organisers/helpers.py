"""Signing a varied set of statements, and reading back what an export wrote."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from lxml import etree

from organisers.export.authority_xml import SCHEMA
from signing.models import Statement
from tests.factories import TEST_KEY_PASSPHRASE
from tests.signing.helpers import bulgarian, german, identifier_of, sign

# What each signer types, by country: Part B with several document kinds, Part A with an
# address abroad and one outside the Union.
SIGNERS = [
    ("BG", bulgarian()),
    ("BG", bulgarian(first_names="Иван", family_names="Стоянов-Кирилов",
                     document_number="0341150010")),
    ("DE", german()),
    ("DE", german(first_names="Anna Lena", street="Rue de l'Église", postal_code="1000",
                  city="Bruxelles", residence_country="BE", date_of_birth="01/01/2008")),
    ("FR", german(first_names="Élodie", family_names="Dupont", postal_code="2000",
                  residence_country="other", residence_country_other="Schweiz", city="Neuchâtel")),
    ("IT", {"first_names": "Giulia", "family_names": "Rossi", "document_type": "passport",
            "document_number": "YA1234567"}),
    ("RO", {"first_names": "Ana", "family_names": "Vlădescu-Ţepeş",
            "document_type": "personal.number",
            "document_number": "1800101221144"}),
    ("RO", {"first_names": "Mihai", "family_names": "Ionescu", "document_type": "id.card",
            "document_number": "RX123456"}),
]  # fmt: skip


def sign_all(client, signing_page):
    """Every signer of SIGNERS signs through the site; returns the receipts' identifiers."""
    identifiers = []
    for country, fields in SIGNERS:
        response = sign(client, signing_page, country, **fields)
        assert response.status_code == 302, response.content.decode()[:2000]
        identifiers.append(identifier_of(response))
    return identifiers


def passphrase_file(tmp_path, passphrase=TEST_KEY_PASSPHRASE):
    path = tmp_path / "passphrase.txt"
    path.write_text(passphrase + "\n", encoding="utf-8")
    return path


def read_export(path):
    """{identifier: (forCountry, {property key: value}, submissionDate)} of one XML file,
    after validating it against the shipped schema."""
    document = etree.parse(str(path))
    assert SCHEMA.validate(document), SCHEMA.error_log
    country = document.findtext("forCountry")
    found = {}
    for signature in document.iterfind("signatures/signature"):
        properties = {
            item.findtext("key"): item.findtext("value")
            for item in signature.iterfind("signatoryInfo/groups/group/properties/property")
        }
        found[signature.findtext("signatureIdentifier")] = (
            country,
            properties,
            signature.findtext("submissionDate"),
        )
    return found


# The property key of each document, as the Commission's software named them (written out here
# rather than read from signing.rules, so that a changed key in the rules table is caught).
EXPECTED_KEYS = {
    ("BG", "personal.number"): "oct.property.personal.number",
    ("IT", "passport"): "oct.property.passport",
    ("RO", "personal.number"): "oct.property.personal.id",
    ("RO", "id.card"): "oct.property.id.card",
}


def expected_properties(country, fields):
    if "document_type" in fields:
        return {
            "oct.property.full.first.names": fields["first_names"],
            "oct.property.family.names": fields["family_names"],
            EXPECTED_KEYS[country, fields["document_type"]]: fields["document_number"],
        }
    residence = fields["residence_country"]
    return {
        "oct.property.full.first.names": fields["first_names"],
        "oct.property.family.names": fields["family_names"],
        "oct.property.date.of.birth": fields["date_of_birth"],  # typed as exported: dd/mm/yyyy
        "oct.property.street": fields["street"],
        "oct.property.street.number": fields["street_number"],
        "oct.property.postal.code": fields["postal_code"],
        "oct.property.city": fields["city"],
        "oct.property.country": fields["residence_country_other"]
        if residence == "other"
        else residence,
    }


def statements_of(initiative):
    return Statement.objects.filter(initiative=initiative)


def admin_user(client, *permissions, of=()):
    """A Wagtail editor (admin access) holding exactly the given initiative permissions, one of
    the organisers of the initiatives or petitions `of` (a permission reaches only those)."""
    user = get_user_model().objects.create_user("organiser", password="x" * 20)
    for record in of:
        user.groups.add(record.organisers_group)
    group = Group.objects.create(name="Permissions of an organiser")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in permissions:
        group.permissions.add(Permission.objects.get(codename=codename))
    user.groups.add(group)
    client.force_login(user)
    return user
