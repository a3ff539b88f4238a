"""Supporters who ask for the organisers' updates: an unticked opt-in, stored apart, encrypted."""

import datetime
import re
import time

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from core import crypto
from signing import updates_token
from signing.models import MailingListEntry, UsedUpdatesToken
from signing.services import NoUpdatesToken, record_mailing_address
from tests.factories import organisers_key, translate_tree

from .helpers import (
    bulgarian,
    form_url,
    identifier_of,
    receipt_url,
    sign,
    solve_captcha,
    step_url,
)

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


NOT_AFTER_SIGNING = "Updates can be asked for once per statement of support"
OPTED_IN = "Your address was stored for the organisers"


def opt_in(client, signing_page, address="quxzol@example.org"):
    return client.post(updates_url(signing_page), {"email": address, "consent": "on"})


def test_an_opt_in_without_a_signature_stores_nothing_and_keeps_what_was_typed(
    client, signing_page
):
    """A bot posting addresses to the updates route, with no signature behind them."""
    initiative_id = signing_page.initiative().pk
    for cookie in (None, "forged", updates_token.new_token(initiative_id + 1)):
        if cookie is not None:
            client.cookies[updates_token.cookie_name(initiative_id)] = cookie
        html = opt_in(client, signing_page).content.decode()
        assert NOT_AFTER_SIGNING in html and 'value="quxzol@example.org"' in html
    assert not MailingListEntry.objects.exists()


def test_one_signature_gives_one_opt_in(client, signing_page):
    response = sign(client, signing_page, "BG", **bulgarian())
    name = updates_token.cookie_name(signing_page.initiative().pk)
    token = response.cookies[name]
    # The whole site: the updates route of every language (a signer may switch language on
    # the receipt) receives it.
    assert token["httponly"] and token["path"] == "/"
    assert token.value not in response["Location"]  # in no URL, no access log
    assert OPTED_IN in opt_in(client, signing_page).content.decode()
    client.cookies[name] = token.value  # kept, and sent again
    assert NOT_AFTER_SIGNING in opt_in(client, signing_page, "other@example.org").content.decode()
    assert MailingListEntry.objects.count() == 1
    used = UsedUpdatesToken.objects.get()
    assert {field.name for field in UsedUpdatesToken._meta.concrete_fields} == {
        "digest", "used_on",
    }  # fmt: skip
    assert token.value not in used.digest


def test_a_token_is_used_up_in_the_transaction_that_stores_the_address(initiative):
    """Two requests with one token: whichever stores first, the other stores nothing."""
    record_mailing_address(initiative, "quxzol@example.org", "a" * 64)
    with pytest.raises(NoUpdatesToken):
        record_mailing_address(initiative, "other@example.org", "a" * 64)
    assert MailingListEntry.objects.count() == 1


def test_an_expired_token_stores_nothing(client, signing_page, monkeypatch):
    sign(client, signing_page, "BG", **bulgarian())
    later = time.time() + updates_token.TOKEN_SECONDS + 1
    monkeypatch.setattr(time, "time", lambda: later)
    assert NOT_AFTER_SIGNING in opt_in(client, signing_page).content.decode()
    assert not MailingListEntry.objects.exists()


def test_opt_ins_have_a_rate_limit_bucket_of_their_own(client, settings, signing_page):
    """A burst of opt-ins must not use up a signer's submissions (nor the reverse)."""
    settings.SIGNING_RATE_LIMIT = "2/300"
    for _ in range(2):
        assert opt_in(client, signing_page).status_code == 200
    assert opt_in(client, signing_page).status_code == 429
    assert sign(client, signing_page, "BG", **bulgarian()).status_code == 302


def test_in_a_partners_frame_the_token_is_a_partitioned_cookie(client, signing_page):
    url = form_url(signing_page, "BG") + "?embed=1"
    page = client.get(url)
    response = client.post(
        url, {"declaration": "on", "privacy": "on", **solve_captcha(page.content.decode()),
              **bulgarian()},
    )  # fmt: skip
    name = updates_token.cookie_name(signing_page.initiative().pk)
    token = response.cookies[name]
    assert token["samesite"] == "None; Partitioned" and token["secure"]
    client.cookies[name] = token.value
    stored = client.post(
        updates_url(signing_page) + "?embed=1", {"email": "quxzol@example.org", "consent": "on"}
    )
    # The spent token is dropped from the partner's partitioned jar, where it was set.
    deletion = stored.cookies[name]
    assert deletion.value == "" and deletion["samesite"] == "None; Partitioned"


def physical_order(ids, model=MailingListEntry):
    """The identifiers among `ids` in the order the database keeps their rows."""
    table = model._meta.db_table
    position = "ctid" if connection.vendor == "postgresql" else "rowid"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM {table} ORDER BY {position}")  # noqa: S608
        stored = [model._meta.pk.to_python(row[0]) for row in cursor.fetchall()]
    return [identifier for identifier in stored if identifier in ids]


def transaction_ids(day):
    """How many transaction ids the rows of `day` carry (PostgreSQL's xmin)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(DISTINCT xmin::text) FROM {MailingListEntry._meta.db_table}"  # noqa: S608
            " WHERE added_on = %s",
            [day],
        )
        return cursor.fetchone()[0]


def test_the_daily_shuffle_leaves_no_order_of_arrival(initiative, monkeypatch):
    """The rows of a day no longer follow the order the opt-ins came in, each a moment after
    its signer's statement (review finding 6 of issue 15)."""
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    with monkeypatch.context() as patched:
        patched.setattr(timezone, "localdate", lambda: yesterday)
        arrived = [
            record_mailing_address(initiative, f"s{n}@example.org", f"{n:064x}").pk
            for n in range(20)
        ]
    today = record_mailing_address(initiative, "today@example.org", "f" * 64)
    contents = set(MailingListEntry.objects.values_list("id", "added_on", "ciphertext"))
    assert physical_order(set(arrived)) == arrived
    postgres = connection.vendor == "postgresql"
    assert not postgres or transaction_ids(yesterday) == len(arrived)
    call_command("shuffle_mailing_list")
    assert set(MailingListEntry.objects.values_list("id", "added_on", "ciphertext")) == contents
    shuffled = physical_order(set(arrived))
    assert sorted(shuffled) == sorted(arrived) and shuffled != arrived
    assert not postgres or transaction_ids(yesterday) == 1  # one for the day, not one each
    # Today's are left as they are (until tomorrow): the rewritten rows come after them.
    assert physical_order({today.pk, *arrived})[0] == today.pk
