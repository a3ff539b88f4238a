"""Editors edit the registered initiatives as snippets; the key's fingerprint stays visible."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from initiatives.admin_forms import REQUIRED_FOR_COLLECTING
from tests.factories import InitiativeFactory

from ..admin_forms import edit_form_data

pytestmark = pytest.mark.django_db
SNIPPETS = "wagtailsnippets_initiatives_initiative"


def test_initiative_records_are_edited_as_snippets(editor):
    initiative = InitiativeFactory()
    assert editor.get(reverse(f"{SNIPPETS}:list")).status_code == 200
    assert editor.get(reverse(f"{SNIPPETS}:add")).status_code == 200
    html = editor.get(reverse(f"{SNIPPETS}:edit", args=[initiative.pk]))
    assert html.status_code == 200
    assert initiative.key_fingerprint
    assert initiative.key_fingerprint in html.content.decode()  # stays visible


def test_initiatives_are_listed_with_their_columns_filters_search_and_export(editor):
    collecting = InitiativeFactory(registration_number="ECI(2026)000001")
    closed = InitiativeFactory(registration_number="ECI(2024)000003", closed=True)
    listing = reverse(f"{SNIPPETS}:list")
    html = editor.get(listing).content.decode()
    for heading in ("Registration number", "Status", "Collection window", "Statements are"):
        assert heading.lower() in html.lower()
    shown = editor.get(listing, {"status": "collecting"}).content.decode()
    assert collecting.registration_number in shown and closed.registration_number not in shown
    found = editor.get(listing, {"q": "ECI(2024)"}).content.decode()
    assert closed.registration_number in found and collecting.registration_number not in found
    export = editor.get(listing, {"export": "csv"})
    rows = b"".join(export.streaming_content).decode().splitlines()
    assert rows[0].startswith("Registration number,Working name,Status,Registration date")
    assert len(rows) == 3


def test_an_initiative_has_an_inspect_view_history_and_comparable_revisions(editor):
    initiative = InitiativeFactory()
    inspect = editor.get(reverse(f"{SNIPPETS}:inspect", args=[initiative.pk])).content.decode()
    assert initiative.key_fingerprint in inspect and initiative.registration_number in inspect
    edit_url = reverse(f"{SNIPPETS}:edit", args=[initiative.pk])
    data = edit_form_data(editor, edit_url) | {"name": "Clean air, renamed"}
    assert editor.post(edit_url, data).status_code == 302
    initiative.refresh_from_db()
    assert initiative.name == "Clean air, renamed"
    revisions = initiative.revisions.order_by("created_at")
    first, latest = revisions.first(), revisions.last()
    assert latest.content["name"] == "Clean air, renamed" and first.pk != latest.pk
    assert editor.get(reverse(f"{SNIPPETS}:history", args=[initiative.pk])).status_code == 200
    compare = reverse(f"{SNIPPETS}:revisions_compare", args=[initiative.pk, first.pk, latest.pk])
    assert editor.get(compare).status_code == 200


def test_an_initiative_cannot_collect_here_without_window_key_and_organisers(editor):
    initiative = InitiativeFactory()
    edit_url = reverse(f"{SNIPPETS}:edit", args=[initiative.pk])
    data = edit_form_data(editor, edit_url) | {
        "collection_start": "", "collection_end": "", "public_key": "",
    }  # fmt: skip
    for index in range(1, 7):  # only the representative stays
        data[f"organisers-{index}-DELETE"] = "1"
    refused = editor.post(edit_url, data)
    assert refused.status_code == 200
    html = refused.content.decode()
    for message in REQUIRED_FOR_COLLECTING.values():
        assert escape(str(message)) in html
    assert "at least seven organisers resident in at least seven member states" in html
    assert "one representative and one substitute" in html
    initiative.refresh_from_db()
    assert initiative.public_key and initiative.collection_start  # nothing saved
    # The same record merely registered (not yet collecting) may be incomplete.
    assert editor.post(edit_url, data | {"status": "registered"}).status_code == 302


def test_a_complete_group_of_organisers_may_collect_here(editor):
    initiative = InitiativeFactory()  # seven organisers in seven states, with both contacts
    edit_url = reverse(f"{SNIPPETS}:edit", args=[initiative.pk])
    data = edit_form_data(editor, edit_url)
    assert editor.post(edit_url, data).status_code == 302
    data["organisers-1-country"] = "BG"  # the substitute moves to the representative's state
    assert "seven member states" in editor.post(edit_url, data).content.decode()
