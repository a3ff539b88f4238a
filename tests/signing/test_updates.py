"""Supporters who ask for the organisers' updates: an unticked opt-in, stored apart, encrypted."""

import re

import pytest
from django.test import Client
from django.utils import timezone

from core import crypto
from signing.models import MailingListEntry
from tests.factories import organisers_key, translate_tree

from .helpers import bulgarian, identifier_of, receipt_url, sign, step_url

pytestmark = pytest.mark.django_db


def updates_url(signing_page):
    return step_url(signing_page, "updates")


def test_the_receipt_offers_an_unticked_opt_in_sent_without_the_statement(client, signing_page):
    identifier = identifier_of(sign(client, signing_page, "BG", **bulgarian()))
    html = client.get(receipt_url(signing_page, identifier)).content.decode()
    assert f'action="{updates_url(signing_page)}"' in html
    assert 'type="checkbox" name="consent"' in html and "checked" not in html
    assert identifier not in html.split('id="updates-title"')[1].split("</form>")[0]


def test_without_the_opt_in_nothing_is_stored(client, signing_page):
    sign(client, signing_page, "BG", **bulgarian())
    response = client.post(updates_url(signing_page), {"email": "quxzol@example.org"})
    html = response.content.decode()
    assert "Tick the box to receive the updates. Without it nothing is stored." in html
    assert 'value="quxzol@example.org"' in html  # nothing typed is lost
    assert "no-store" in response["Cache-Control"]
    assert not MailingListEntry.objects.exists()


def test_a_malformed_address_gets_a_translated_message_and_is_kept(client, signing_page):
    bulgarian_page = translate_tree(signing_page, "bg")["bg"]
    response = client.post(updates_url(bulgarian_page), {"email": "quxzol@", "consent": "on"})
    html = response.content.decode()
    assert "name@example.org" in html and "Enter an e-mail address" not in html
    assert 'value="quxzol@"' in html
    assert not MailingListEntry.objects.exists()


def test_an_opted_in_address_is_stored_encrypted_with_nothing_that_links_it(
    client, initiative, signing_page
):
    sign(client, signing_page, "BG", **bulgarian())
    response = client.post(
        updates_url(signing_page), {"email": "quxzol@example.org", "consent": "on"}
    )
    assert "Your address was stored for the organisers" in response.content.decode()
    entry = MailingListEntry.objects.get()
    assert {field.name for field in MailingListEntry._meta.concrete_fields} == {
        "id", "initiative", "added_on", "key_fingerprint", "ciphertext",
    }  # fmt: skip
    assert entry.added_on == timezone.localdate()  # the day, not the time
    info = crypto.mailing_list_context(initiative.registration_number)
    assert crypto.decrypt(organisers_key(), entry.ciphertext, info) == b"quxzol@example.org"


def test_each_signers_receipt_carries_their_own_csrf_token(signing_page):
    """The receipt is built once a day (signing.receipt_page); its opt-in form must still carry
    the token of the signer reading it, or every later signer's opt-in would be refused (and
    the first signer's token handed to all of them)."""
    tokens = []
    for document_number in ("0341150010", "7501020018"):
        signer = Client()
        identifier = identifier_of(
            sign(signer, signing_page, "BG", **bulgarian(document_number=document_number))
        )
        receipt = signer.get(receipt_url(signing_page, identifier))
        assert receipt["Referrer-Policy"] == "origin"  # the opt-in's request names no receipt
        html = receipt.content.decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="(\w+)"', html).group(1)
        tokens.append(token)
        signer.handler.enforce_csrf_checks = True  # as for a browser: the opt-in's own check
        response = signer.post(
            updates_url(signing_page),
            {"email": "quxzol@example.org", "consent": "on", "csrfmiddlewaretoken": token},
        )
        assert response.status_code == 200
    assert tokens[0] != tokens[1]
    assert MailingListEntry.objects.count() == 2
