"""Paper batches recorded from the collection dashboard (issue 24): by an organiser of that
initiative with the permission, member states in the organiser's language's order, counted at
once, a revision of the record; refused to the organiser of another initiative."""

import datetime

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from initiatives.figures import figures_by_initiative
from initiatives.models import PaperBatch
from tests.factories import InitiativeFactory

from .helpers import admin_user
from .test_scoped_to_organisers import refused

pytestmark = pytest.mark.django_db


def batch_url(initiative):
    return reverse("collection:paper_batch", args=[initiative.pk])


def paper_total(initiative):
    figures = figures_by_initiative([initiative], exact=True)[0].get(initiative.pk, {})
    return sum(figure.paper for figure in figures.values())


@pytest.fixture
def organiser(client, initiative):
    return admin_user(client, "follow_collection", "record_paper_statements", of=[initiative])


def test_an_organiser_records_a_batch_from_the_dashboard(client, organiser, initiative):
    dashboard = client.get(reverse("collection:dashboard", args=[initiative.pk]))
    assert batch_url(initiative) in dashboard.content.decode()
    day = initiative.collection_start + datetime.timedelta(days=1)
    response = client.post(
        batch_url(initiative), {"country": "RO", "collected_on": day.isoformat(), "count": "120"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("collection:dashboard", args=[initiative.pk])
    batch = PaperBatch.objects.get(initiative=initiative)
    assert (batch.country, batch.collected_on, batch.count) == ("RO", day, 120)
    assert paper_total(initiative) == 120  # counted as the public pages count it
    latest = initiative.revisions.order_by("created_at").last()  # the record's History
    assert latest.user == organiser
    assert latest.content["paper_batches"][0]["count"] == 120


def test_the_member_states_come_in_the_organisers_language_order(client, organiser, initiative):
    profile = UserProfile.get_for_user(organiser)
    profile.preferred_language = "de"
    profile.save()
    html = client.get(batch_url(initiative)).content.decode()
    # German: Niederlande before Österreich (AT by code comes first), Zypern last.
    assert html.index("Niederlande") < html.index("Österreich") < html.index("Zypern")
    assert html.index("Belgien") < html.index("Niederlande")


def test_a_day_outside_the_collection_keeps_what_was_typed(client, organiser, initiative):
    day = initiative.collection_start - datetime.timedelta(days=1)
    response = client.post(
        batch_url(initiative), {"country": "BG", "collected_on": day.isoformat(), "count": "75"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "signed during the collection period" in html
    assert 'value="75"' in html
    assert not PaperBatch.objects.exists()


def test_the_organiser_of_another_initiative_is_refused(client, initiative):
    other = InitiativeFactory()
    admin_user(client, "follow_collection", "record_paper_statements", of=[other])
    day = initiative.collection_start.isoformat()
    assert refused(client.get(batch_url(initiative)))  # Wagtail's refusal: to the admin home
    assert refused(
        client.post(batch_url(initiative), {"country": "RO", "collected_on": day, "count": 9})
    )
    assert not PaperBatch.objects.exists()


def test_without_the_permission_there_is_no_button_and_no_form(client, initiative):
    admin_user(client, "follow_collection", of=[initiative])
    dashboard = client.get(reverse("collection:dashboard", args=[initiative.pk]))
    assert batch_url(initiative) not in dashboard.content.decode()
    assert refused(client.get(batch_url(initiative)))
