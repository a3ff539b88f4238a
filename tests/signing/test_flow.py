"""Signing through the site: receipt, encryption round trip, duplicates, windows, privacy."""

import datetime
import json
import logging
import re
import uuid

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache

from core import crypto
from initiatives.models import Initiative, SupportCounter
from signing.models import DestroyedStatements, FlaggedPaperForms, Statement
from signing.rules import ANNEX_REVISION
from tests.factories import (
    InitiativeFactory,
    InitiativePageFactory,
    SigningPageFactory,
    organisers_key,
    translate_tree,
)
from tests.privacy import assert_nowhere

from .helpers import (
    bulgarian,
    form_url,
    german,
    identifier_of,
    lookup_url,
    receipt_url,
    sign,
    solve_captcha,
    step_url,
)

pytestmark = pytest.mark.django_db


def counted(initiative, country):
    return sum(
        SupportCounter.objects.filter(initiative=initiative, country=country).values_list(
            "count", flat=True
        )
    )


def decrypt(initiative, statement, country=None, registration_number=None):
    info = crypto.context(
        registration_number or initiative.registration_number,
        country or statement.country,
        statement.annex_revision,
    )
    plaintext = crypto.decrypt(organisers_key(), statement.ciphertext, info)
    return json.loads(plaintext)


@pytest.fixture
def bulgarian_signing_page(signing_page):
    """The signing page's tree translated into Bulgarian (through wagtail-localize)."""
    return translate_tree(signing_page, "bg")["bg"]


def test_choose_country_leads_to_that_countrys_form(client, bulgarian_signing_page, initiative):
    response = client.get(bulgarian_signing_page.url, {"country": "BG"})
    assert response.status_code == 302
    assert response.headers["Location"] == form_url(bulgarian_signing_page, "BG")
    html = client.get(form_url(bulgarian_signing_page, "BG")).content.decode()
    assert '<html lang="bg"' in html
    # the registered information, as on the official form
    assert initiative.registration_number in html
    assert "maria.ivanova@example.org" in html  # contact persons


def test_continuing_without_a_country_says_what_is_missing(client, bulgarian_signing_page):
    first_visit = client.get(bulgarian_signing_page.url).content.decode()
    assert "error-summary" not in first_visit
    html = client.get(bulgarian_signing_page.url, {"step": "country"}).content.decode()
    assert "error-summary" in html and "Изберете държавата на вашето гражданство." in html


def test_sign_as_bulgarian_citizen_gives_a_receipt(client, initiative, bulgarian_signing_page):
    response = sign(client, bulgarian_signing_page, "BG", **bulgarian())
    assert response.status_code == 302
    statement = Statement.objects.get()
    # The receipt brings itself into view, not the form's error summary (the form's fragment).
    assert (
        response.headers["Location"]
        == receipt_url(bulgarian_signing_page, statement.id) + "#receipt"
    )
    receipt = client.get(response.headers["Location"]).content.decode()
    assert str(statement.id) in receipt
    assert "България" in receipt
    assert (statement.country, statement.language) == ("BG", "bg")
    assert statement.key_fingerprint == initiative.key_fingerprint
    assert statement.suite == crypto.SUITE_NAME
    bulgarian_page = bulgarian_signing_page.get_parent()
    assert bulgarian_page.live_revision_id is not None
    assert statement.page_revision_id == bulgarian_page.live_revision_id
    assert counted(initiative, "BG") == 1


def test_round_trip_gives_exactly_what_was_typed(client, initiative, signing_page):
    typed = german(first_names="  Jürgen Maximilian ", city="Berlin-Mitte")
    assert sign(client, signing_page, "DE", **typed).status_code == 302
    statement = Statement.objects.get()
    assert decrypt(initiative, statement) == {
        "annex_revision": ANNEX_REVISION,
        "country": "DE",
        **typed,
        "first_names": "Jürgen Maximilian",  # as typed, without the surrounding spaces
        "date_of_birth": "1990-12-31",  # typed as 31/12/1990, stored in ISO form
        "residence_country_other": "",
    }


def test_ciphertext_is_bound_to_its_initiative_and_country(client, initiative, signing_page):
    sign(client, signing_page, "BG", **bulgarian())
    statement = Statement.objects.get()
    assert decrypt(initiative, statement)["document_number"] == "7501020018"
    with pytest.raises(crypto.DecryptionFailed):
        decrypt(initiative, statement, country="RO")
    with pytest.raises(crypto.DecryptionFailed):
        decrypt(initiative, statement, registration_number="TEST(2024)000003")


@pytest.mark.parametrize(
    ("country", "first", "second"),
    [
        ("BG", bulgarian(), bulgarian(document_number="750 102-0018", first_names="Мария")),
        ("DE", german(), german(first_names="JURGEN", family_names="muller ",
                               street="Hauptstrasse", city=" berlin")),
    ],
)  # fmt: skip
def test_a_second_statement_of_the_same_person_is_refused(
    client, initiative, signing_page, country, first, second
):
    assert sign(client, signing_page, country, **first).status_code == 302
    response = sign(client, signing_page, country, **second)
    assert response.status_code == 200
    assert "You have already supported this initiative" in response.content.decode()
    assert Statement.objects.count() == 1
    assert counted(initiative, country) == 1


@pytest.mark.parametrize(
    ("trait", "shown"),
    [
        ("closed", "The collection of statements of support is closed."),
        ("external", 'href="https://citizens-initiative.europa.eu/"'),  # the external system
    ],
)
def test_an_initiative_not_collecting_here_refuses_statements(
    client, initiative_page, trait, shown
):
    page = InitiativePageFactory(
        parent=initiative_page.get_parent(), initiative=InitiativeFactory(**{trait: True})
    )
    signing_page = SigningPageFactory(parent=page)
    assert shown in client.get(signing_page.url).content.decode()
    response = client.post(form_url(signing_page, "BG"), bulgarian())
    assert response.status_code == 200
    assert shown in response.content.decode()
    assert Statement.objects.count() == 0


def test_a_closed_collection_shows_at_once_though_its_state_is_cached(
    client, initiative, signing_page
):
    url = form_url(signing_page, "BG")
    assert initiative.registration_number in client.get(url).content.decode()  # now cached
    initiative.status = Initiative.Status.CLOSED
    initiative.save()
    assert "is closed" in client.get(url).content.decode()


def post_after_a_change_the_cache_missed(client, signing_page, **change):
    """Sign with the signing state cached, after a change saved where this process's cache did
    not see it (another worker's cache, an update without signals)."""
    url = form_url(signing_page, "BG")
    form = client.get(url).content.decode()
    Initiative.objects.filter(pk=signing_page.initiative().pk).update(**change)
    data = {"declaration": "on", "privacy": "on", **solve_captcha(form), **bulgarian()}
    return client.post(url, data)


def test_a_collection_closed_behind_the_cache_takes_no_statement(client, initiative, signing_page):
    response = post_after_a_change_the_cache_missed(
        client, signing_page, status=Initiative.Status.CLOSED
    )
    assert response.status_code == 200
    assert "is closed" in response.content.decode()
    assert Statement.objects.count() == 0
    assert counted(initiative, "BG") == 0


def test_a_statement_is_bound_to_the_initiative_as_stored_not_as_cached(
    client, initiative, signing_page
):
    response = post_after_a_change_the_cache_missed(
        client, signing_page, registration_number="TEST(2026)999999"
    )
    assert response.status_code == 302
    statement = Statement.objects.get()
    assert decrypt(initiative, statement, registration_number="TEST(2026)999999")
    with pytest.raises(crypto.DecryptionFailed):
        decrypt(initiative, statement)
    assert counted(initiative, "BG") == 1


def test_no_statement_without_a_public_key(client, initiative, signing_page):
    initiative.public_key = ""
    initiative.save()
    response = sign_without_form(client, signing_page, "BG")
    assert "has not started yet" in response.content.decode()
    assert Statement.objects.count() == 0


def sign_without_form(client, signing_page, country):
    return client.post(
        form_url(signing_page, country), {**bulgarian(), "declaration": "on", "privacy": "on"}
    )


def test_window_not_open_yet(client, initiative, signing_page):
    initiative.collection_start = initiative.collection_end = None
    initiative.save()
    assert "has not started yet" in client.get(form_url(signing_page, "BG")).content.decode()


def test_counts_show_on_the_initiative_page(client, initiative, signing_page):
    sign(client, signing_page, "BG", **bulgarian())
    sign(client, signing_page, "DE", **german())
    html = client.get(signing_page.get_parent().url).content.decode()
    assert "2 of 1,000,000 statements of support" in html


def test_nothing_personal_is_stored_logged_or_cached(client, caplog, initiative, signing_page):
    caplog.set_level(logging.DEBUG)
    cache.clear()
    distinctive = german(first_names="Quxzolwyn", family_names="Vrembratt", street="Zyplonweg",
                         city="Flobbenheim", date_of_birth="19/03/1987")  # fmt: skip
    # A form sent back with errors shows what was typed; the blank form's fields are cached.
    with_errors = client.post(form_url(signing_page, "DE"), distinctive).content.decode()
    assert "error-summary" in with_errors and 'value="Quxzolwyn"' in with_errors  # no declaration
    assert sign(client, signing_page, "DE", **distinctive).status_code == 302
    bulgarian_signer = bulgarian(document_number="0341150010")
    assert sign(client, signing_page, "BG", **bulgarian_signer).status_code == 302
    # The same signer asks for the organisers' updates: first without the tick, then with it.
    updates = step_url(signing_page, "updates")
    address = {"email": "plimvox.trazzel@example.org"}
    assert 'value="plimvox.trazzel@example.org"' in client.post(updates, address).content.decode()
    client.post(updates, {**address, "consent": "on"})
    assert initiative.mailing_list.count() == 1
    needles = ["Quxzolwyn", "Vrembratt", "Zyplonweg", "Flobbenheim", "1987-03-19", "19/03/1987",
               "0341150010",
               "plimvox", "trazzel"]  # fmt: skip
    assert_nowhere(needles, caplog.text)
    assert not Session.objects.exists()  # signing keeps nothing in a session


def test_views_mark_personal_data_as_sensitive(client, signing_page):
    response = sign(client, signing_page, "BG", **bulgarian())
    assert response.wsgi_request.sensitive_post_parameters == "__ALL__"


def test_receipt_lookup_tells_only_whether_and_where(client, initiative, signing_page):
    response = sign(client, signing_page, "BG", **bulgarian())
    identifier = identifier_of(response)
    lookup = lookup_url(signing_page)
    html = client.get(lookup, {"identifier": identifier}).content.decode()
    assert "This statement was received." in html and "<dd>Bulgaria</dd>" in html
    assert "Петрова" not in html and "7501020018" not in html
    unknown = client.get(lookup, {"identifier": "3f2b8c1e-5d4a-4b7e-9c0d-1a2b3c4d5e6f"})
    assert (
        "No statement of support for this initiative has this identifier"
        in unknown.content.decode()
    )
    malformed = client.get(lookup, {"identifier": "'; DROP TABLE x;--"})
    assert malformed.status_code == 200
    assert "error-summary" in malformed.content.decode()


@pytest.mark.parametrize(
    "step",
    [
        lambda page: form_url(page, "XX"),  # not a member state
        lambda page: receipt_url(page, uuid.UUID("3f2b8c1e-5d4a-4b7e-9c0d-1a2b3c4d5e6f")),
        lambda page: page.url + "receipt/zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz/",  # no route
    ],
    ids=["unknown-country", "unknown-receipt", "malformed-receipt"],
)
def test_unknown_steps_are_404(client, signing_page, step):
    assert client.get(step(signing_page)).status_code == 404


def test_a_receipt_is_shown_only_under_its_own_initiative(client, signing_page, initiative_page):
    identifier = identifier_of(sign(client, signing_page, "BG", **bulgarian()))
    other = SigningPageFactory(parent=InitiativePageFactory(parent=initiative_page.get_parent()))
    assert client.get(receipt_url(signing_page, identifier)).status_code == 200
    assert client.get(receipt_url(other, identifier)).status_code == 404


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"document_type": "passport", "document_number": "X" * 5000},
        {"document_number": "\x00\x01", "first_names": "\x00"},
        {"captcha_0": "nope", "captcha_1": "x", "declaration": "maybe"},
        {"date_of_birth": "99999-99-99", "residence_country": "ZZ"},
    ],
)
def test_malformed_submissions_are_answered_not_crashed(client, signing_page, data):
    response = client.post(form_url(signing_page, "BG"), data)
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert Statement.objects.count() == 0


def test_invalid_utf8_is_answered_not_crashed(client, signing_page):
    response = client.generic(
        "POST",
        form_url(signing_page, "BG"),
        b"first_names=%ED%A0%80&family_names=%FF%FE&document_number=%C0",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 400)
    assert Statement.objects.count() == 0


def test_rate_limit_answers_429_in_the_signers_language(client, settings, bulgarian_signing_page):
    settings.SIGNING_RATE_LIMIT = "2/60"
    cache.clear()
    url = form_url(bulgarian_signing_page, "BG")
    for _ in range(2):
        assert client.post(url, {}).status_code == 200
    response = client.post(url, {})
    assert response.status_code == 429
    assert '<html lang="bg"' in response.content.decode()
    assert re.search("Твърде много опити", response.content.decode())
    cache.clear()


def test_reconcile_counts_finds_and_repairs_a_drifted_counter(
    client, initiative, signing_page, capsys
):
    from django.core.management import CommandError, call_command

    sign(client, signing_page, "BG", **bulgarian())
    SupportCounter.objects.filter(initiative=initiative).update(count=5)
    with pytest.raises(CommandError):
        call_command("reconcile_counts")
    call_command("reconcile_counts", "--fix")
    assert counted(initiative, "BG") == 1
    call_command("reconcile_counts")
    assert "Counters and statements agree." in capsys.readouterr().out


def test_a_count_row_names_its_part(initiative):
    day = datetime.date(2026, 5, 1)
    destroyed = DestroyedStatements(initiative=initiative, country="BG", submitted_on=day, count=3)
    flagged = FlaggedPaperForms(initiative=initiative, country="DE", keyed_on=day, count=2)
    counter = SupportCounter(initiative=initiative, country="RO", shard=7, count=5)
    assert str(destroyed) == f"{initiative.pk}/BG/2026-05-01: 3"
    assert str(flagged) == f"{initiative.pk}/DE/2026-05-01: 2"
    assert str(counter) == f"{initiative.pk}/RO/7: 5"
