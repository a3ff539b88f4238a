"""The organisers' export of a petition from the bundle downloaded from its dashboard, offline:
the same files as from the database, opened with the organisers' key; a bundle cut short is
refused, and nothing is written."""

import csv
import logging

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from outbox.sending import send_due
from tests.factories import TEST_KEY_PASSPHRASE, write_private_key
from tests.factories.petitions import PetitionPartnerFactory
from tests.organisers.helpers import admin_user
from tests.privacy import assert_nowhere

from .test_journey import follow, links, sign
from .test_partners import sign_through

FRAMED = "?embed=1&partner=friends-of-air"


@pytest.fixture
def petition(petition_page):
    petition = petition_page.petition
    petition.fields = ["given_names", "family_names", "country", "comment", "show_name"]
    petition.save()
    PetitionPartnerFactory(petition=petition, name="Friends of the Air", code="friends-of-air")
    return petition


@pytest.fixture
def signed(client, inbox, petition_page, petition):
    """Two confirmed signatures (one through a partner, both on lists for updates), and one
    that nobody confirmed: it is no signature yet, and goes in no export."""
    sign(client, petition_page, comment="=HYPERLINK(1)", show_name="on", updates="on")
    sign_through(client, petition_page, FRAMED, email="quiet@example.org", given_names="Quiet",
                 updates="on", partner_updates="on")  # fmt: skip
    sign(client, petition_page, email="late@example.org", given_names="Late")
    send_due()
    for message in inbox():
        if message.to != ["late@example.org"]:
            follow(client, petition_page, "confirm", links(message.body)["confirm"])


@pytest.fixture
def keys(tmp_path):
    passphrase = tmp_path / "passphrase"
    passphrase.write_text(TEST_KEY_PASSPHRASE)
    return {"key": write_private_key(tmp_path / "key.json"), "passphrase_file": passphrase}


def download(client, petition, path):
    admin_user(client, "follow_collection", of=[petition])
    response = client.post(reverse("collection:petition_bundle", args=[petition.pk]))
    assert response.status_code == 200
    path.write_bytes(b"".join(response.streaming_content))
    return path


def contents(folder):
    """{file name: its rows}: the CSV files' as written, the workbook's cell values."""
    found = {}
    for path in sorted(folder.iterdir()):
        if path.suffix == ".xlsx":
            found[path.name] = list(load_workbook(path).active.values)
        else:
            with path.open(newline="") as file:
                found[path.name] = list(csv.reader(file))
    return found


def test_the_bundle_exports_the_same_files_as_the_database(client, petition, signed, keys,
                                                           tmp_path):  # fmt: skip
    bundle = download(client, petition, tmp_path / "petition.bundle.jsonl")
    call_command("export_petition_signatures", bundle=bundle, output=tmp_path / "offline", **keys)
    call_command("export_petition_signatures", petition=petition.pk, output=tmp_path / "db",
                 **keys)  # fmt: skip
    offline = contents(tmp_path / "offline")
    assert offline == contents(tmp_path / "db")
    assert set(offline) == {"signatures.csv", "signatures.xlsx", "public.csv", "updates.csv",
                            "updates-friends-of-air.csv"}  # fmt: skip
    header, *rows = offline["signatures.csv"]
    assert sorted(row[header.index("given_names")] for row in rows) == ["Ilinka", "Quiet"]
    assert "'=HYPERLINK(1)" in rows[0] + rows[1]  # never a formula
    assert offline["public.csv"][1][:2] == ["Ilinka", "Dragomirova"]
    assert sorted(offline["updates.csv"][1:]) == [["ilinka@example.org"], ["quiet@example.org"]]
    assert offline["updates-friends-of-air.csv"][1:] == [["quiet@example.org"]]
    assert b"Ilinka" not in bundle.read_bytes()  # ciphertexts only


@pytest.mark.parametrize("cut", ["the closing line", "within a line"])
def test_a_bundle_cut_short_is_refused_and_nothing_is_written(client, petition, signed, keys,
                                                              tmp_path, cut):  # fmt: skip
    bundle = download(client, petition, tmp_path / "petition.bundle.jsonl")
    whole = bundle.read_bytes()
    lines = whole.splitlines(keepends=True)
    bundle.write_bytes(
        b"".join(lines[:-1]) if cut == "the closing line" else whole[: len(whole) // 2]
    )
    with pytest.raises(
        CommandError, match="ends early: it was not downloaded completely"
    ) as failure:
        call_command("export_petition_signatures", bundle=bundle, output=tmp_path / "out", **keys)
    assert failure.value.returncode == 2
    assert not (tmp_path / "out").exists()


def test_an_initiatives_bundle_is_not_a_petitions(petition, keys, tmp_path):
    bundle = tmp_path / "statements.bundle.jsonl"
    bundle.write_bytes(b'{"format":"eci-statement-bundle","version":2}\n')
    with pytest.raises(CommandError, match="not a petition's export bundle") as failure:
        call_command("export_petition_signatures", bundle=bundle, output=tmp_path / "out", **keys)
    assert failure.value.returncode == 2


def test_the_download_is_logged_with_counts_only(client, caplog, inbox, petition_page, petition,
                                                 tmp_path):  # fmt: skip
    caplog.set_level(logging.DEBUG)
    sign(client, petition_page, given_names="Quxzolwyn", email="plimvox@example.org",
         comment="Trazzelmoor", updates="on")  # fmt: skip
    send_due()
    follow(client, petition_page, "confirm", links(inbox()[-1].body)["confirm"])
    download(client, petition, tmp_path / "petition.bundle.jsonl")
    entry = ModelLogEntry.objects.get(action="eci.petition_bundle_downloaded")
    assert entry.data == {"total": 1, "updates": 1}
    assert_nowhere(["Quxzolwyn", "plimvox", "Trazzelmoor"], caplog.text + entry.message)
