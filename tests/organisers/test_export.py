"""Offline export: decrypt with the organisers' key, one validated XML file per member state."""

import csv

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import ModelLogEntry

from core.crypto import PrivateKey
from organisers.bundle import bundle_lines
from organisers.export.authority_xml import schema_document
from organisers.records import initiative_record, mailing_list, stored_statements
from signing.models import MailingListEntry, Statement
from signing.rules import RULES
from tests.signing.helpers import opt_in

from .helpers import (
    SIGNERS,
    expected_properties,
    passphrase_file,
    read_export,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def export(tmp_path, key_file):
    """Run the offline export, as the organisers do, with their key file and passphrase."""

    def run(*source, **options):
        return export_with(tmp_path, *source, key=options.pop("key", None) or key_file, **options)

    return run


def export_with(tmp_path, *source, key, csv_files=False, passphrase=None):
    output = tmp_path / "export"
    options = {"output": output, "verbosity": 0, "workers": 1}
    if csv_files:
        options["csv"] = True
    args = [*source, "--key", str(key)]
    args += [
        "--passphrase-file",
        str(passphrase_file(tmp_path, *([passphrase] if passphrase else []))),
    ]
    call_command("export_statements", *args, **options)
    return output


def write_bundle(tmp_path, initiative):
    path = tmp_path / "statements.bundle.jsonl"
    statements = list(stored_statements(initiative))
    addresses = mailing_list(initiative)
    path.write_bytes(
        b"".join(
            bundle_lines(initiative_record(initiative), len(statements), statements, addresses)
        )
    )
    return path


def assert_everything_exported(output, signed, prefix="test-"):
    """Every statement in its country's file; the factories' initiative that collects here is
    a test collection (training), so its files are named test-<country>.xml."""
    found = {}
    for path in output.glob("*.xml"):
        found.update(read_export(path))
    assert set(found) == set(signed)
    for identifier, (country, fields) in signed.items():
        for_country, properties, _date = found[identifier]
        assert for_country == country.lower()  # each statement in its country's file only
        assert properties == expected_properties(country, fields)
    assert sorted(path.name for path in output.glob("*.xml")) == [
        f"{prefix}{country}.xml" for country in ("bg", "de", "fr", "it", "ro")
    ]


def test_export_from_the_database_writes_each_statement_as_typed(
    export, tmp_path, initiative, signed
):
    output = export("--initiative", initiative.registration_number)
    assert_everything_exported(output, signed)
    summary = (output / "summary.txt").read_text()
    assert "BG: 2" in summary and "RO: 2" in summary and "DE: 2" in summary
    assert "Every statement was decrypted" in summary
    assert summary.startswith("TEST COLLECTION (training): these are no statements of support")
    entry = ModelLogEntry.objects.filter(action="eci.statements_exported").latest("timestamp")
    assert entry.data["total"] == len(SIGNERS)


def test_the_supporters_addresses_are_exported_for_the_organisers_mailing_list(
    client, export, tmp_path, initiative, signing_page
):
    for address in ("plimvox@example.org", "=cmd@example.org"):
        opt_in(client, signing_page, address)
    bundle = write_bundle(tmp_path, initiative)
    assert "plimvox" not in bundle.read_text(encoding="utf-8")  # ciphertexts only
    MailingListEntry.objects.all().delete()  # the organisers' computer has no database copy
    output = export("--bundle", str(bundle))
    with (output / "mailing-list.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["identifier", "added on", "email"]
    assert sorted(row[2] for row in rows[1:]) == ["'=cmd@example.org", "plimvox@example.org"]
    assert "Addresses for the organisers' updates: 2" in (output / "summary.txt").read_text()


def test_export_from_a_bundle_gives_the_same_files_and_csv(export, tmp_path, initiative, signed):
    bundle = write_bundle(tmp_path, initiative)
    text = bundle.read_text(encoding="utf-8")
    for _country, fields in SIGNERS:  # the bundle holds no plaintext
        assert fields["family_names"] not in text
        assert fields.get("document_number", fields.get("street")) not in text
    Statement.objects.all().delete()  # the organisers' computer has no database copy
    output = export("--bundle", str(bundle), csv_files=True)
    assert_everything_exported(output, signed)
    with (output / "test-ro.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:4] == ["identifier", "submission date", "annex revision", "first names"]
    assert rows[0][-1] == "test collection" and {row[-1] for row in rows[1:]} == {"training"}
    assert {tuple(row[5:7]) for row in rows[1:]} == {
        ("personal.id", "1800101221144"),  # the export key of a CNP, as in the XML
        ("id.card", "RX123456"),
    }


def test_a_corrupted_statement_is_named_and_fails_the_export(export, tmp_path, initiative, signed):
    damaged = Statement.objects.filter(initiative=initiative, country="DE").first()
    ciphertext = bytearray(damaged.ciphertext)
    ciphertext[-5] ^= 0x01
    Statement.objects.filter(pk=damaged.pk).update(ciphertext=bytes(ciphertext))
    with pytest.raises(CommandError) as failure:
        export("--initiative", initiative.registration_number)
    assert failure.value.returncode == 1
    summary = (tmp_path / "export" / "summary.txt").read_text()
    assert f"{damaged.pk} (DE): does not decrypt" in summary
    # The others are still exported, each once.
    others = {key: value for key, value in signed.items() if key != str(damaged.pk)}
    found = {}
    for path in (tmp_path / "export").glob("*.xml"):
        found.update(read_export(path))
    assert set(found) == set(others)


def test_a_statement_moved_to_another_country_fails_by_name(export, tmp_path, initiative, signed):
    moved = Statement.objects.filter(initiative=initiative, country="IT").get()
    Statement.objects.filter(pk=moved.pk).update(country="ES")
    with pytest.raises(CommandError):
        export("--initiative", initiative.registration_number)
    assert f"{moved.pk} (ES): does not decrypt" in (tmp_path / "export" / "summary.txt").read_text()


def test_a_wrong_passphrase_is_a_clear_error(export, tmp_path, initiative, signed):
    with pytest.raises(CommandError, match="Wrong passphrase") as failure:
        export("--initiative", initiative.registration_number, passphrase="not it")  # fmt: skip
    assert failure.value.returncode == 2
    assert not (tmp_path / "export").exists()


def test_another_key_is_a_clear_error(export, tmp_path, initiative, signed):
    other = tmp_path / "other.key.json"
    other.write_text(
        PrivateKey.generate().to_file_json("another passphrase", {"memory_cost": 64 * 1024})
    )
    with pytest.raises(CommandError, match="does not open these statements") as failure:
        export("--initiative", initiative.registration_number, key=other,
               passphrase="another passphrase")  # fmt: skip
    assert failure.value.returncode == 2


def test_a_truncated_bundle_is_refused(export, tmp_path, initiative, signed):
    bundle = write_bundle(tmp_path, initiative)
    lines = bundle.read_bytes().splitlines(keepends=True)
    bundle.write_bytes(b"".join(lines[:-2]))
    with pytest.raises(CommandError, match="ends early") as failure:
        export("--bundle", str(bundle))
    assert failure.value.returncode == 2


@pytest.mark.parametrize("content", [b"", b"not json\n", b'{"format": "other"}\n'])
def test_a_file_that_is_not_a_bundle_is_refused(export, tmp_path, initiative, content):
    bundle = tmp_path / "bundle.jsonl"
    bundle.write_bytes(content)
    with pytest.raises(CommandError, match="bundle") as failure:
        export("--bundle", str(bundle))
    assert failure.value.returncode == 2


def test_an_output_folder_in_use_is_refused(export, tmp_path, initiative):
    (tmp_path / "export").mkdir()
    (tmp_path / "export" / "bg.xml").write_text("keep me")
    with pytest.raises(CommandError, match="not empty"):
        export("--initiative", initiative.registration_number)
    assert (tmp_path / "export" / "bg.xml").read_text() == "keep me"


def test_every_document_key_of_the_rules_is_in_the_schema():
    """The schema and the rules table name the same keys; each matches the Commission's."""
    schema = schema_document()
    ns = {"xs": "http://www.w3.org/2001/XMLSchema"}
    allowed = set(
        schema.xpath("//xs:simpleType[@name='propertyKey']//xs:enumeration/@value", namespaces=ns)
    )
    used = {item.property_key for rule in RULES.values() for item in rule.identifiers}
    # the Commission software's oct.group.id keys (its PropertyEnum), written out here
    commission = {
        f"oct.property.{key}"
        for key in ("passport", "id.card", "residence.permit", "personal.number", "personal.id",
                    "permanent.residence", "national.id.number", "registration.certificate",
                    "citizens.card")
    }  # fmt: skip
    assert used <= allowed
    assert used <= commission
    keys = {
        (code, item.kind): item.property_key for code, r in RULES.items() for item in r.identifiers
    }
    assert keys["PL", "personal.number"] == "oct.property.national.id.number"
    assert keys["LV", "personal.number"] == "oct.property.personal.id"
    assert keys["PT", "id.card"] == "oct.property.citizens.card"
    assert keys["PT", "id.card.old"] == "oct.property.id.card"


def test_a_test_collection_says_so_in_its_files_and_a_real_initiative_does_not(
    export, tmp_path, key_file
):
    """Exports of a test collection are marked in the XML (initiativeData/testCollection, in
    the schema), in their names and in the CSV; a real initiative's files are not."""
    from lxml import etree

    from signing.services import record_statement
    from tests.factories import InitiativeFactory

    test = InitiativeFactory(registration_number="TEST(2026)000777")
    real = InitiativeFactory(own_system=True, registration_number="ECI(2022)000005")
    for initiative in (test, real):
        record_statement(
            initiative=initiative, country="BG", data=bulgarian_fields(), identity="BG|7501020018",
            language="bg", page_revision_id=None, partner="",
        )  # fmt: skip
    for folder in ("t", "r"):
        (tmp_path / folder).mkdir()
    marked = export_with(tmp_path / "t", "--initiative", test.registration_number, key=key_file)
    document = etree.parse(str(marked / "test-bg.xml"))
    assert document.findtext("initiativeData/testCollection") == "training"
    assert read_export(marked / "test-bg.xml")
    plain = export_with(tmp_path / "r", "--initiative", real.registration_number, key=key_file)
    assert [path.name for path in plain.glob("*.xml")] == ["bg.xml"]
    assert etree.parse(str(plain / "bg.xml")).find("initiativeData/testCollection") is None
    assert "TEST COLLECTION" not in (plain / "summary.txt").read_text()


def bulgarian_fields():
    return {"first_names": "Мария", "family_names": "Петрова", "country": "BG",
            "document_type": "personal.number", "document_number": "7501020018"}  # fmt: skip
