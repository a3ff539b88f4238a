"""Paper statements (issue 15): batches recorded by the organisers per member state and day,
edited in the initiative record with its revisions, counted in the progress and labelled."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from initiatives.models import PaperBatch
from tests.factories import StatementFactory

from ..admin_forms import edit_form_data

pytestmark = pytest.mark.django_db
SNIPPETS = "wagtailsnippets_initiatives_initiative"
BATCHES = "paper_batches"
# Within the factory initiative's collection period, which started 30 days ago.
A_DAY_COLLECTING = timezone.localdate() - datetime.timedelta(days=1)


def editor(client, *codenames, of=()):
    """An editor who may change initiatives, with the given further permissions, one of the
    organisers of the initiatives `of`."""
    user = get_user_model().objects.create_user("editor", password="x" * 20)
    for initiative in of:
        user.groups.add(initiative.organisers_group)
    group = Group.objects.create(name="Initiative editors")
    for codename in ("access_admin", "change_initiative", *codenames):
        group.permissions.add(Permission.objects.get(codename=codename))
    user.groups.add(group)
    client.force_login(user)
    return client


def with_new_batch(data, country, day, count):
    total = int(data[f"{BATCHES}-TOTAL_FORMS"])
    data |= {
        f"{BATCHES}-TOTAL_FORMS": str(total + 1),
        f"{BATCHES}-{total}-country": country,
        f"{BATCHES}-{total}-collected_on": day,
        f"{BATCHES}-{total}-count": str(count),
        f"{BATCHES}-{total}-ORDER": str(total + 1),
        f"{BATCHES}-{total}-id": "",
        f"{BATCHES}-{total}-DELETE": "",
    }
    return data


def test_an_organiser_with_the_permission_records_batches_with_a_revision(client, initiative):
    organiser = editor(client, "record_paper_statements", of=[initiative])
    edit_url = reverse(f"{SNIPPETS}:edit", args=[initiative.pk])
    data = with_new_batch(
        edit_form_data(organiser, edit_url), "RO", A_DAY_COLLECTING.isoformat(), 250
    )
    assert organiser.post(edit_url, data).status_code == 302
    batch = PaperBatch.objects.get(initiative=initiative)
    recorded = (batch.country, batch.collected_on, batch.count)
    assert recorded == ("RO", A_DAY_COLLECTING, 250)
    latest = initiative.revisions.order_by("created_at").last()
    assert latest.content[BATCHES][0]["count"] == 250


def test_an_editor_without_the_permission_neither_sees_nor_loses_the_batches(client, initiative):
    PaperBatch.objects.create(
        initiative=initiative, country="BG", collected_on=datetime.date(2026, 3, 1), count=40
    )
    other = editor(client)
    edit_url = reverse(f"{SNIPPETS}:edit", args=[initiative.pk])
    assert f"{BATCHES}-TOTAL_FORMS" not in other.get(edit_url).content.decode()
    data = edit_form_data(other, edit_url) | {"name": "Renamed"}
    data = with_new_batch(
        data | {f"{BATCHES}-TOTAL_FORMS": "0"}, "DE", A_DAY_COLLECTING.isoformat(), 999
    )
    assert other.post(edit_url, data).status_code == 302
    initiative.refresh_from_db()
    assert initiative.name == "Renamed"
    assert list(PaperBatch.objects.values_list("country", "count")) == [("BG", 40)]


def test_paper_statements_enter_the_progress_bars_labelled_as_paper(client, initiative_page):
    initiative = initiative_page.initiative
    StatementFactory(initiative=initiative, country="BG")
    PaperBatch.objects.create(
        initiative=initiative, country="BG", collected_on=datetime.date(2026, 3, 1), count=40
    )
    html = client.get(initiative_page.url).content.decode()
    assert 'max="1000000" value="41"' in html  # the total, online and paper
    assert 'max="12240" value="41"' in html  # Bulgaria's bar (its minimum under the 720 table)
    assert html.count("of which 40 on paper") == 2  # the total and Bulgaria's row
