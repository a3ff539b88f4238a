"""Keying in paper statements: the same form and rules, the same key, the same duplicate check."""

import datetime
import json
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from core import crypto
from initiatives.counters import counts_by_initiative
from initiatives.figures import figures_by_initiative
from initiatives.models import PaperBatch
from organisers.audit import PAPER_FORM_FLAGGED, PAPER_STATEMENT_KEYED_IN
from organisers.retention import destroy_statements
from signing.models import DestroyedStatements, FlaggedPaperForms, Statement
from tests.factories import organisers_key
from tests.signing.helpers import bulgarian, german, identifier_of, sign

from .helpers import admin_user, passphrase_file, read_export

pytestmark = pytest.mark.django_db


@pytest.fixture
def paper_initiative(initiative):
    initiative.keys_in_paper_statements = True
    initiative.save()
    return initiative


@pytest.fixture
def organiser(client, initiative):
    return admin_user(client, "key_in_paper_statements", "follow_collection", of=[initiative])


def paper_url(initiative, country):
    return reverse("collection:paper", args=[initiative.pk]) + f"?country={country}"


def key_in(client, initiative, country, **fields):
    signed_on = fields.pop("signed_on", timezone.localdate().isoformat())
    return client.post(paper_url(initiative, country), {"signed_on": signed_on, **fields})


def decrypted(initiative, statement):
    info = crypto.context(initiative.registration_number, statement.country, "1")
    return json.loads(crypto.decrypt(organisers_key(), statement.ciphertext, info))


def test_a_paper_form_of_someone_who_signed_online_is_flagged_and_not_stored(
    client, paper_initiative, signing_page
):
    assert sign(client, signing_page, "BG", **bulgarian()).status_code == 302
    client.logout()
    admin_user(client, "key_in_paper_statements", of=[paper_initiative])
    # Typed as people write it on paper: the same EGN with spaces is the same person.
    response = key_in(client, paper_initiative, "BG", **bulgarian(document_number="750102 0018"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Flagged, not stored: this person has already supported the initiative" in html
    assert 'value="Петрова"' in html  # what was typed stays, to check against the paper
    assert Statement.objects.count() == 1
    assert FlaggedPaperForms.objects.get(country="BG").count == 1
    entry = ModelLogEntry.objects.get(action=PAPER_FORM_FLAGGED)
    assert entry.data == {"countries": {"BG": 1}, "total": 1}
    assert "750102 0018" not in repr(list(ModelLogEntry.objects.values_list()))


def test_a_flagged_paper_form_leaves_the_paper_figures_of_every_count(
    client, paper_initiative, signing_page
):
    """Its signer counts online already: the batch holding the form must not count them again,
    in the public snapshot, the open counts, the progress and the dashboard."""
    assert sign(client, signing_page, "BG", **bulgarian()).status_code == 302
    PaperBatch.objects.create(
        initiative=paper_initiative, country="BG", collected_on=timezone.localdate(), count=10
    )
    PaperBatch.objects.create(
        initiative=paper_initiative, country="RO", collected_on=timezone.localdate(), count=5
    )
    admin_user(client, "key_in_paper_statements", "follow_collection", of=[paper_initiative])
    flagged = key_in(client, paper_initiative, "BG", **bulgarian())
    assert "Flagged, not stored" in flagged.content.decode()
    for exact in (True, False):
        figures = figures_by_initiative([paper_initiative], exact=exact)[0][paper_initiative.pk]
        assert (figures["BG"].online, figures["BG"].paper, figures["RO"].paper) == (1, 9, 5)
    url = reverse("open-counts-json", args=[paper_initiative.registration_number])
    counts = client.get(url).json()
    assert counts["total"] == {"online": 1, "paper": 14, "external": 0, "total": 15}
    html = client.get(reverse("collection:dashboard", args=[paper_initiative.pk])).content.decode()
    assert "of which 14 on paper" in html


def test_a_second_paper_form_of_the_same_person_is_flagged_too(
    client, paper_initiative, signing_page, organiser
):
    assert key_in(client, paper_initiative, "DE", **german()).status_code == 302
    again = key_in(client, paper_initiative, "DE", **german(first_names="JÜRGEN"))
    assert "Flagged, not stored" in again.content.decode()
    assert Statement.objects.count() == 1


def test_a_keyed_in_paper_statement_is_encrypted_and_not_counted(
    client, paper_initiative, signing_page, organiser
):
    response = key_in(client, paper_initiative, "BG", **bulgarian())
    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"]
    statement = Statement.objects.get()
    assert statement.channel == Statement.Channel.PAPER
    assert decrypted(paper_initiative, statement) == {
        "annex_revision": "1", "country": "BG", "channel": "paper", **bulgarian(),
    }  # fmt: skip
    assert counts_by_initiative([paper_initiative.pk])[paper_initiative.pk] == {}
    call_command("reconcile_counts")  # the counters agree: paper forms are not counted
    entry = ModelLogEntry.objects.get(action=PAPER_STATEMENT_KEYED_IN)
    assert entry.data == {"countries": {"BG": 1}, "total": 1}
    html = client.get(reverse("collection:dashboard", args=[paper_initiative.pk])).content.decode()
    assert "Keyed-in paper statements" in html and "Bulgaria (BG)" in html
    assert "Петрова" not in html


def test_the_same_rules_and_messages_as_online(client, paper_initiative, signing_page, organiser):
    response = key_in(client, paper_initiative, "BG", **bulgarian(document_number="7501020019"))
    html = response.content.decode()
    assert "This number is not valid: a digit is probably mistyped. Check it." in html
    assert 'name="captcha_1"' not in html and 'name="declaration"' not in html
    before = (paper_initiative.collection_start - datetime.timedelta(days=1)).isoformat()
    late = key_in(client, paper_initiative, "BG", signed_on=before, **bulgarian())
    assert "signed during the collection period" in late.content.decode()
    assert not Statement.objects.exists()


def refused(response):
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_keying_in_needs_the_permission(client, paper_initiative, signing_page):
    admin_user(client, "follow_collection", of=[paper_initiative])
    assert refused(key_in(client, paper_initiative, "BG", **bulgarian()))
    assert not Statement.objects.exists()


def test_keying_in_needs_the_initiatives_switch(client, initiative, signing_page, organiser):
    assert refused(key_in(client, initiative, "BG", **bulgarian()))
    assert not Statement.objects.exists()


def test_keyed_in_statements_are_exported_in_files_of_their_own(
    client, tmp_path, key_file, paper_initiative, signing_page, organiser
):
    online = identifier_of(sign(client, signing_page, "BG", **bulgarian()))
    key_in(client, paper_initiative, "BG", **bulgarian(document_number="0341150010"))
    paper = str(Statement.objects.get(channel=Statement.Channel.PAPER).pk)
    output = tmp_path / "export"
    call_command(
        "export_statements", "--initiative", paper_initiative.registration_number,
        "--key", str(key_file), "--passphrase-file", str(passphrase_file(tmp_path)),
        output=output, verbosity=0, workers=1, csv=True,
    )  # fmt: skip
    # The factories' initiative collecting here is a test collection: its files say so.
    assert set(read_export(output / "test-bg.xml")) == {online}
    assert set(read_export(output / "test-bg-paper.xml")) == {paper}
    assert (output / "test-bg-paper.csv").exists()
    assert "BG: 2, 1 keyed in from paper" in (output / "summary.txt").read_text()


def test_destroying_keeps_the_online_counts_only(client, paper_initiative, signing_page, organiser):
    sign(client, signing_page, "BG", **bulgarian())
    key_in(client, paper_initiative, "BG", **bulgarian(document_number="0341150010"))
    assert destroy_statements(paper_initiative, action="eci.statements_destroyed_on_demand") == {
        "BG": 2
    }
    assert DestroyedStatements.objects.get().count == 1
    call_command("reconcile_counts")


def test_the_dashboard_lists_keyed_in_forms_per_member_state_with_their_total(
    client, paper_initiative, signing_page, organiser
):
    assert sign(client, signing_page, "BG", **bulgarian()).status_code == 302
    key_in(client, paper_initiative, "BG", **bulgarian())  # flagged: signed online
    key_in(client, paper_initiative, "DE", **german())
    html = client.get(reverse("collection:dashboard", args=[paper_initiative.pk])).content.decode()
    rows = re.findall(
        r'<th scope="row">\s*([^<]+?)\s*</th>\s*<td>(\d+)</td>\s*<td>(\d+)</td>', html
    )
    assert rows == [("Bulgaria (BG)", "0", "1"), ("Germany (DE)", "1", "0"), ("Total", "1", "1")]
