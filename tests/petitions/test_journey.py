"""A petition's journey: sign, the mail through a real SMTP server, the link, the count; a
repeated signature, removal, unconfirmed signatures destroyed, the export, and privacy."""

import csv
import datetime
import json
import logging
import re
import stat

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from core import crypto
from outbox.models import QueuedMessage
from outbox.sending import send_due
from petitions.models import Signature
from petitions.services import destroy_unconfirmed
from tests.factories import TEST_KEY_PASSPHRASE, organisers_key, write_private_key
from tests.mail import SMTPServer
from tests.privacy import assert_nowhere
from tests.signing.helpers import solve_captcha

LINK = re.compile(r"https?://\S+/(confirm|remove)/([A-Za-z0-9_-]{43})/")


@pytest.fixture
def smtp(settings):
    """A real SMTP server on loopback, and the site's mail sent to it."""
    with SMTPServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = server.host, server.port
        settings.EMAIL_TIMEOUT = 5
        yield server.inbox


def sign(client, page, **fields):
    url = page.url + page.reverse_subpage("sign")
    form = client.get(url)
    data = {
        "given_names": "Ilinka",
        "family_names": "Dragomirova",
        "country": "BG",
        "email": "ilinka@example.org",
        "privacy": "on",
        **solve_captcha(form.content.decode()),
        **fields,
    }
    return client.post(url, data)


def links(message):
    return dict(LINK.findall(message))


def follow(client, page, route, token):
    url = page.url + page.reverse_subpage(route, args=(token,))
    asked = client.get(url)
    return asked, client.post(url)


def confirmed(page):
    return Signature.objects.filter(petition=page.petition, confirmed_on__isnull=False).count()


def test_sign_then_the_mailed_link_counts_the_signature(client, smtp, petition_page):
    response = sign(client, petition_page)
    assert response.status_code == 302
    assert response["Location"].endswith("/sent/")
    assert Signature.objects.count() == 1 and confirmed(petition_page) == 0
    page = client.get(petition_page.url).content.decode()
    assert "0 of 1,000 signatures" in page and "The European Parliament" in page
    assert f'href="{petition_page.url}sign/"' in page  # the call to sign, while open

    assert send_due() == (1, 0)  # the request queued it; the outbox sends it, not the request
    ((recipients, message),) = smtp.messages
    assert recipients == ["ilinka@example.org"]
    tokens = links(message)
    confirm_url = petition_page.url + petition_page.reverse_subpage(
        "confirm", args=(tokens["confirm"],)
    )
    assert client.get(confirm_url).status_code == 200
    assert confirmed(petition_page) == 0  # a GET (a mail scanner following links) changes nothing
    assert client.post(confirm_url).status_code == 200
    assert confirmed(petition_page) == 1
    cache.clear()
    assert "1 of 1,000 signatures" in client.get(petition_page.url).content.decode()
    # The link is single-use.
    assert follow(client, petition_page, "confirm", tokens["confirm"])[0].status_code == 404


def test_an_unconfirmed_signature_does_not_count_and_is_destroyed_after_its_time(
    client, petition_page
):
    sign(client, petition_page)
    assert confirmed(petition_page) == 0
    in_six_days = timezone.now() + datetime.timedelta(days=6)
    assert destroy_unconfirmed(now=in_six_days) == 0
    assert destroy_unconfirmed(now=in_six_days + datetime.timedelta(days=1, seconds=1)) == 1
    assert not Signature.objects.exists()


def test_the_removal_link_uncounts_and_destroys_the_signature(client, inbox, petition_page):
    sign(client, petition_page)
    send_due()
    tokens = links(inbox()[-1].body)
    follow(client, petition_page, "confirm", tokens["confirm"])
    assert confirmed(petition_page) == 1
    _asked, done = follow(client, petition_page, "remove", tokens["remove"])
    assert done.status_code == 200
    assert not Signature.objects.exists()


def test_a_repeated_signature_counts_once_and_the_answer_tells_a_stranger_nothing(
    client, inbox, petition_page
):
    first = sign(client, petition_page)
    send_due()
    first_tokens = links(inbox()[-1].body)
    # Again, not yet confirmed, the address typed otherwise: a new link replaces the first.
    again = sign(
        client, petition_page, email=" Ilinka@EXAMPLE.org", family_names="Dragomirova-Ivanova"
    )
    assert again.status_code == first.status_code and again["Location"] == first["Location"]
    send_due()
    second_tokens = links(inbox()[-1].body)
    assert Signature.objects.count() == 1
    assert follow(client, petition_page, "confirm", first_tokens["confirm"])[0].status_code == 404
    follow(client, petition_page, "confirm", second_tokens["confirm"])
    assert confirmed(petition_page) == 1
    # Once confirmed, signing again changes nothing and the mail says it was already signed.
    third = sign(client, petition_page, given_names="Someone else")
    assert third["Location"] == first["Location"]
    send_due()
    assert "already signed" in inbox()[-1].subject
    assert "confirm" not in links(inbox()[-1].body)
    assert Signature.objects.count() == 1 and confirmed(petition_page) == 1
    details = json.loads(
        crypto.decrypt(
            organisers_key(),
            Signature.objects.get().ciphertext,
            crypto.petition_context(petition_page.petition.uid),
        )
    )
    assert details["family_names"] == "Dragomirova-Ivanova"  # the confirmed details stayed


def test_the_form_asks_only_what_the_petition_chose_and_keeps_what_was_typed(client, petition_page):
    petition = petition_page.petition
    petition.fields = ["given_names", "comment"]
    petition.save()
    url = petition_page.url + petition_page.reverse_subpage("sign")
    html = client.get(url).content.decode()
    assert 'name="given_names"' in html and 'name="comment"' in html
    assert 'name="family_names"' not in html and 'name="country"' not in html
    sent_back = client.post(url, {"given_names": "Ilinka", "email": "not an address"})
    assert sent_back.status_code == 400
    text = sent_back.content.decode()
    assert 'value="Ilinka"' in text and "name@example.org" in text
    assert not Signature.objects.exists()


def test_the_blank_form_is_built_once_and_each_signer_gets_a_token_and_challenge_of_their_own(
    client, petition_page
):
    """Rendering the form's fields (a country list among them) was most of a form view's time:
    the page is built once per petition page and language (signing.blank_form), and a change
    to the petition's record is seen at once."""
    url = petition_page.url + petition_page.reverse_subpage("sign")
    one, other = client.get(url), Client(SERVER_NAME="localhost").get(url)
    assert "petitions/sign.html" in [template.name for template in one.templates]
    assert other.templates == []  # the Django test client lists each template rendered
    keys = [solve_captcha(page.content.decode())["captcha_0"] for page in (one, other)]
    assert keys[0] != keys[1]  # solve_captcha found each challenge stored
    assert one.cookies["csrftoken"].value != other.cookies["csrftoken"].value
    assert "no-store" in other["Cache-Control"]
    petition = petition_page.petition
    petition.fields = ["given_names"]
    petition.save()
    assert 'name="family_names"' not in client.get(url).content.decode()


def test_the_export_decrypts_with_the_organisers_key(client, inbox, petition_page, tmp_path):
    petition = petition_page.petition
    petition.fields = ["given_names", "family_names", "country", "comment", "show_name"]
    petition.save()
    sign(client, petition_page, comment="=HYPERLINK(1)", show_name="on")
    sign(client, petition_page, email="quiet@example.org", given_names="Quiet")
    send_due()
    for message in inbox():
        follow(client, petition_page, "confirm", links(message.body)["confirm"])
    key_file = write_private_key(tmp_path / "key.json")
    passphrase = tmp_path / "passphrase"
    passphrase.write_text(TEST_KEY_PASSPHRASE)
    out = tmp_path / "out"
    call_command(
        "export_petition_signatures",
        petition=petition.pk,
        key=key_file,
        passphrase_file=passphrase,
        output=out,
    )
    with (out / "signatures.csv").open() as file:
        rows = list(csv.DictReader(file))
    assert sorted(row["given_names"] for row in rows) == ["Ilinka", "Quiet"]
    assert "email" not in rows[0]  # the address only confirmed the signature
    assert {row["comment"] for row in rows} == {"'=HYPERLINK(1)", ""}  # never a formula
    with (out / "public.csv").open() as file:
        public = list(csv.DictReader(file))
    assert [row["given_names"] for row in public] == ["Ilinka"]
    for name in ("signatures.csv", "signatures.xlsx", "public.csv"):
        assert stat.S_IMODE((out / name).stat().st_mode) == 0o600


def test_nothing_personal_is_stored_logged_or_cached(client, caplog, petition_page):
    caplog.set_level(logging.DEBUG)
    cache.clear()
    sign(client, petition_page, given_names="Quxzolwyn", email="plimvox.trazzel@example.org")
    # Until it is sent, the address is in the queued mail, and only there.
    assert QueuedMessage.objects.filter(to=["plimvox.trazzel@example.org"]).exists()
    send_due()
    needles = ["Quxzolwyn", "plimvox", "trazzel"]
    assert_nowhere(needles, caplog.text)


def test_a_closed_petition_takes_no_signature(client, petition_page):
    petition = petition_page.petition
    petition.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    petition.save()
    response = client.get(petition_page.url + petition_page.reverse_subpage("sign"))
    assert "takes no more signatures" in response.content.decode()
    assert (
        client.post(petition_page.url + petition_page.reverse_subpage("sign"), {}).status_code
        == 200
    )
    assert not Signature.objects.exists()


def test_open_counts_as_json_and_csv(client, inbox, petition_page):
    sign(client, petition_page)
    send_due()
    follow(client, petition_page, "confirm", links(inbox()[-1].body)["confirm"])
    cache.clear()
    document = client.get(petition_page.url + petition_page.reverse_subpage("counts_json")).json()
    assert document["total"] == 1 and document["countries"] == [{"country": "BG", "signatures": 1}]
    assert document["days"] == [{"date": timezone.localdate().isoformat(), "signatures": 1}]
    days = client.get(petition_page.url + petition_page.reverse_subpage("days_csv"))
    assert days["Access-Control-Allow-Origin"] == "*"
    assert days.content.decode().splitlines() == ["date,signatures", f"{timezone.localdate()},1"]


def test_a_repeated_address_is_looked_up_not_inserted_against_the_constraint(client, petition_page):
    """A failed INSERT would put the row's values into PostgreSQL's log with the error."""
    from django.db import connection

    sign(client, petition_page)
    client.cookies.clear()
    statements = []
    with connection.execute_wrapper(
        lambda execute, sql, *args: statements.append(sql) or execute(sql, *args)
    ):
        assert sign(client, petition_page).status_code == 302
    assert not [sql for sql in statements if sql.startswith('INSERT INTO "petitions_signature"')]
    assert Signature.objects.count() == 1
