"""Each member state's fields are declared once (signing.rules: CountryRule.fields): the form,
the encrypted statement, the duplicate identity, the export and its schema all follow the
declaration, and these tests fail when one of them disagrees with it."""

import dataclasses
import datetime

import pytest
from lxml import etree

from organisers.export import authority_xml
from organisers.export.exporter import csv_headings
from signing import forms, rules
from signing.forms import StatementForm
from signing.rules import DOCUMENTS_OWN_KEY, RULES

from .test_forms import TODAY, solved_captcha

pytestmark = pytest.mark.django_db

# What the form asks beyond the statement's data: never stored (the unusual-format confirmation
# is issue 23's).
ONLINE_ONLY = {"declaration", "privacy", "captcha", "format_confirmed"}

# A valid number for each accepted document that has no example in the rules table (adding a
# document without an example fails test_every_document_has_a_sample until it gets one here).
SAMPLES = {
    ("AT", "id.card"): "1234567", ("AT", "passport"): "P1234567",
    ("CY", "id.card"): "123456", ("CY", "passport"): "K12345678",
    ("CZ", "id.card"): "203456789", ("CZ", "passport"): "12345678",
    ("ES", "passport"): "PAA123456", ("HU", "id.card"): "123456AB",
    ("HU", "passport"): "AB1234567", ("HU", "personal.number"): "38501021234",
    ("IT", "id.card"): "CA12345AB", ("IT", "passport"): "YA1234567",
    ("MT", "id.card"): "43708M", ("PT", "id.card.old"): "12345678",
    ("PT", "passport"): "C123456", ("RO", "id.card"): "RX123456", ("RO", "passport"): "12345678",
}  # fmt: skip

ANOTHER_VALID = {"811218-9876": "900101-0017"}

PART_A = {"first_names": "Ana Maria", "family_names": "Popescu", "street": "Hauptstraße",
          "street_number": "12a", "postal_code": "10115", "city": "Berlin",
          "residence_country": "DE", "residence_country_other": "",
          "date_of_birth": "31/12/1990"}  # fmt: skip


def sample(country, identifier):
    return identifier.example or SAMPLES[country, identifier.kind]


def typed(country, kind=None):
    """What a signer of `country` types, valid: every field of its declaration."""
    rule = RULES[country]
    if rule.part == "A":
        return dict(PART_A)
    identifier = rule.identifier(kind) if kind else rule.identifiers[0]
    number = sample(country, identifier)
    return {"first_names": "Ana Maria", "family_names": "Popescu",
            "document_type": identifier.kind, "document_number": number}  # fmt: skip


def valid_form(country, **values):
    form = StatementForm(
        country, {"declaration": "on", "privacy": "on", **solved_captcha(), **values}, today=TODAY
    )
    assert form.is_valid(), form.errors
    return form


def documents():
    return [(code, item.kind) for code, rule in RULES.items() for item in rule.identifiers]


def test_every_document_has_a_sample():
    assert all(item.example or (code, item.kind) in SAMPLES
               for code, rule in RULES.items() for item in rule.identifiers)  # fmt: skip


@pytest.mark.parametrize("country", sorted(RULES))
def test_the_form_asks_for_exactly_the_declared_fields_in_their_order(country):
    declared = [item.name for item in RULES[country].fields]
    assert [name for name in StatementForm(country).fields if name not in ONLINE_ONLY] == declared


@pytest.mark.parametrize(
    ("country", "kind"), [*documents(), *((c, None) for c in ("DE", "FR", "NL"))]
)
def test_the_statement_identity_and_export_hold_every_declared_field(country, kind):
    rule = RULES[country]
    form = valid_form(country, **typed(country, kind))
    statement = form.statement_data()
    # The encrypted statement: every declared field, nothing else (but the country).
    assert set(statement) == {"country"} | {item.name for item in rule.fields}
    # The identity: each declared part changes it; a field declared outside leaves it alone.
    identity = form.identity()
    for item in rule.fields:
        changed = {**statement, item.name: changed_value(item, statement[item.name])}
        assert (rule.identity(changed) != identity) == bool(item.identity), item.name
    # The export: one property per exported field, under its declared key, in the schema.
    groups = authority_xml.signatory_groups(statement, country)
    keys = [key for _group, properties in groups for key, _value in properties]
    document = rule.identifier(statement["document_type"]) if rule.part == "B" else None
    assert keys == [
        document.property_key if item.export_key == DOCUMENTS_OWN_KEY else item.property_key
        for group in authority_xml.GROUPS
        for item in rule.fields
        if item.group == group and item.export_key
    ]
    identifier = "3f2b8c1e-5d4a-4b7e-9c0d-1a2b3c4d5e6f"
    authority_xml.signature_element(identifier, "2026-11-23", rules.ANNEX_REVISION, groups)
    # The CSV: one heading per value written (a document: which one, and its number).
    cells = sum(len(properties) for _group, properties in groups) + (rule.part == "B")
    assert len(csv_headings(rule)) == cells


def changed_value(item, value):
    if item.kind == "date":
        return (datetime.date.fromisoformat(value) - datetime.timedelta(days=1)).isoformat()
    if item.kind == "residence":
        return "FR"
    if item.kind == "document_number":
        # Another person's number: the first character changed (a number whose identity
        # validates it, a Swedish personnummer, by another valid one).
        return ANOTHER_VALID.get(value) or ("2" if value[0] == "1" else "1") + value[1:]
    if item.kind == "document_type":
        return value  # a document's kind is not a value the signer changes on its own
    return value + "x"


def test_the_schema_lists_exactly_the_declared_keys():
    namespaces = {"xs": authority_xml.XS}
    listed = authority_xml.schema_document().xpath(
        "//xs:simpleType[@name='propertyKey']//xs:enumeration/@value", namespaces=namespaces
    )
    declared = {item.property_key for rule in RULES.values() for item in rule.fields}
    declared |= {item.property_key for rule in RULES.values() for item in rule.identifiers}
    declared -= {"", f"oct.property.{DOCUMENTS_OWN_KEY}"}
    assert sorted(listed) == sorted(declared)


@pytest.fixture
def address_line_added(monkeypatch):
    """A second address line declared in the rules table, as the audit's reproduction did."""
    line = dataclasses.replace(
        rules.PART_A_FIELDS[2], name="address_line_2", label="Address line 2",
        export_key="address.line.2", required_message="Enter it.",
    )  # fmt: skip
    fields = (*rules.PART_A_FIELDS[:3], line, *rules.PART_A_FIELDS[3:])
    monkeypatch.setattr(rules, "PART_A_FIELDS", fields)
    forms.statement_fields.cache_clear()
    yield line
    forms.statement_fields.cache_clear()


def test_a_field_added_to_the_declaration_reaches_every_use(address_line_added):
    """The audit added an address line to the form: shown and validated, then left out of the
    encrypted statement and of the duplicate check. Declared once, it reaches all of them."""
    assert "address_line_2" in StatementForm("DE").fields
    first = valid_form("DE", **PART_A, address_line_2="Hinterhaus")
    second = valid_form("DE", **PART_A, address_line_2="Vorderhaus")
    assert first.statement_data()["address_line_2"] == "Hinterhaus"
    assert first.identity() != second.identity()
    groups = dict(authority_xml.signatory_groups(first.statement_data(), "DE"))
    assert ("oct.property.address.line.2", "Hinterhaus") in groups[authority_xml.ADDRESS]
    schema = etree.XMLSchema(authority_xml.schema_document())
    signature = authority_xml._build_signature(
        "3f2b8c1e-5d4a-4b7e-9c0d-1a2b3c4d5e6f", "2026-11-23", "1", list(groups.items())
    )
    assert schema.validate(signature), schema.error_log


@pytest.mark.parametrize(
    ("country", "stored"),
    [
        ("DE", {"country": "DE", "first_names": "Ana", "family_names": "Popescu",
                "street": "Hauptstraße", "street_number": "12a", "postal_code": "10115",
                "city": "Berlin", "residence_country": "other",
                "residence_country_other": "Schweiz", "date_of_birth": "1990-12-31"}),
        ("PT", {"country": "PT", "first_names": "Ana", "family_names": "Silva",
                "document_type": "id.card.old", "document_number": "1234567 8"}),
    ],
)  # fmt: skip
def test_statements_stored_before_the_declaration_still_export(country, stored):
    """The plaintext of a statement as stored before (the same names: they are never renamed)."""
    groups = dict(authority_xml.signatory_groups({"annex_revision": "1", **stored}, country))
    values = [value for properties in groups.values() for _key, value in properties]
    assert values[:2] == [stored["first_names"], stored["family_names"]]
    if country == "DE":
        assert ("oct.property.country", "Schweiz") in groups[authority_xml.ADDRESS]
        assert ("oct.property.date.of.birth", "31/12/1990") in groups[authority_xml.GENERAL]
    else:
        assert groups[authority_xml.IDENTIFICATION] == [("oct.property.id.card", "1234567 8")]
