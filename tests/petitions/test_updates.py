"""The opt-in for updates: from the organisers, and from the partner the signer came through;
the address encrypted to the organisers' key, on a list only once the signature is confirmed."""

import csv
import datetime
import logging

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from outbox.sending import send_due
from petitions.models import UpdatesAddress
from petitions.services import destroy_unconfirmed
from tests.factories import TEST_KEY_PASSPHRASE, write_private_key
from tests.factories.petitions import PetitionPartnerFactory
from tests.privacy import assert_nowhere
from tests.signing.test_updates import physical_order

from .test_journey import follow, links, sign
from .test_partners import sign_through, sign_url

FRAMED = "?embed=1&partner=friends-of-air"


@pytest.fixture
def partner(petition_page):
    return PetitionPartnerFactory(
        petition=petition_page.petition, name="Friends of the Air", code="friends-of-air"
    )


def export(petition, tmp_path):
    key_file = write_private_key(tmp_path / "key.json")
    passphrase = tmp_path / "passphrase"
    passphrase.write_text(TEST_KEY_PASSPHRASE)
    out = tmp_path / "out"
    call_command("export_petition_signatures", petition=petition.pk, key=key_file,
                 passphrase_file=passphrase, output=out)  # fmt: skip
    return out


def addresses(path):
    with path.open() as file:
        return [row["email"] for row in csv.DictReader(file)]


def test_the_partners_box_is_offered_only_through_that_partner(client, petition_page, partner):
    own = client.get(sign_url(petition_page)).content.decode()
    assert 'name="updates"' in own and 'name="partner_updates"' not in own
    framed = client.get(sign_url(petition_page, FRAMED)).content.decode()
    assert "Friends of the Air, the organisation that brought me" in framed
    assert 'name="partner_updates"' in framed and "checked" not in framed
    other = client.get(sign_url(petition_page, "?partner=someone-else")).content.decode()
    assert 'name="partner_updates"' not in other
    # The form is built once per layout and partner (petitions.views.blank_form).
    linked = client.get(sign_url(petition_page, "?partner=friends-of-air")).content.decode()
    assert 'name="partner_updates"' in linked and 'class="embedded"' not in linked


def test_the_address_joins_the_lists_chosen_once_the_signature_is_confirmed(
    client, caplog, inbox, petition_page, partner, tmp_path
):
    caplog.set_level(logging.DEBUG)
    sign_through(client, petition_page, FRAMED, email="plimvox@example.org", updates="on",
                 partner_updates="on")  # fmt: skip
    pending = UpdatesAddress.objects.all()
    assert [entry.partner for entry in pending.order_by("partner")] == ["", "friends-of-air"]
    assert all(entry.signature_id and entry.added_on is None for entry in pending)
    out = export(petition_page.petition, tmp_path / "before")
    assert not (out / "updates.csv").exists()  # not on a list before confirmation
    send_due()
    follow(client, petition_page, "confirm", links(inbox()[-1].body)["confirm"])
    assert all(entry.signature_id is None and entry.added_on for entry in pending.all())
    out = export(petition_page.petition, tmp_path / "after")
    assert addresses(out / "updates.csv") == ["plimvox@example.org"]
    assert addresses(out / "updates-friends-of-air.csv") == ["plimvox@example.org"]
    cache.clear()
    assert_nowhere(["plimvox"], caplog.text)  # encrypted at rest, never logged


def test_without_a_tick_nothing_is_kept(client, inbox, petition_page, partner):
    sign_through(client, petition_page, FRAMED, partner_updates="")
    send_due()
    follow(client, petition_page, "confirm", links(inbox()[-1].body)["confirm"])
    assert not UpdatesAddress.objects.exists()


def test_an_unconfirmed_signature_takes_its_addresses_for_updates_with_it(
    client, inbox, petition_page
):
    sign(client, petition_page, updates="on")
    # Signing again before confirming, without the tick: the newest choice counts.
    sign(client, petition_page)
    assert not UpdatesAddress.objects.exists()
    sign(client, petition_page, updates="on")
    send_due()
    follow(client, petition_page, "remove", links(inbox()[-1].body)["remove"])
    assert not UpdatesAddress.objects.exists()
    sign(client, petition_page, updates="on")
    assert destroy_unconfirmed(now=timezone.now() + datetime.timedelta(days=8)) == 1
    assert not UpdatesAddress.objects.exists()


def test_the_daily_shuffle_leaves_no_order_of_arrival(petition_page):
    """Addresses join their lists in their signatures' confirmation: in the order of arrival
    they would pair with them. The day's rows are rewritten in a random order; today's wait."""
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    petition = petition_page.petition
    arrived = [
        UpdatesAddress.objects.create(petition=petition, added_on=yesterday, ciphertext=bytes([n]))
        for n in range(20)
    ]
    today = UpdatesAddress.objects.create(
        petition=petition, added_on=timezone.localdate(), ciphertext=b"today"
    )
    ids = [address.pk for address in arrived]
    contents = set(UpdatesAddress.objects.values_list("id", "added_on", "ciphertext"))
    assert physical_order(set(ids), UpdatesAddress) == ids
    call_command("shuffle_petition_updates")
    assert set(UpdatesAddress.objects.values_list("id", "added_on", "ciphertext")) == contents
    shuffled = physical_order(set(ids), UpdatesAddress)
    assert sorted(shuffled) == sorted(ids) and shuffled != ids
    assert physical_order({today.pk, *ids}, UpdatesAddress)[0] == today.pk
