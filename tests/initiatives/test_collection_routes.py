"""The law's route (initiatives.collection_routes): a record registered from 2023 collects online
only on the Commission's central system; one registered by 2022 may collect on its own system
within its collection period and with its certificate; a test collection anywhere on the site."""

import datetime

import pytest
from django.core import checks
from django.urls import reverse
from django.utils.html import escape

from initiatives import collection_routes
from initiatives.checks import check_collection_routes
from initiatives.models import Initiative
from tests.factories import InitiativeFactory

from ..admin_forms import edit_form_data
from .test_admin import SNIPPETS

pytestmark = pytest.mark.django_db
D = datetime.date


def test_a_record_registered_from_2023_cannot_collect_on_this_site(editor):  # noqa: F811
    initiative = InitiativeFactory(real=True, registration_date=D(2023, 1, 1))
    assert initiative.signing_state_on(initiative.collection_start) == "central"
    edit_url = reverse(f"{SNIPPETS}:edit", args=[initiative.pk])
    data = edit_form_data(editor, edit_url)
    refused = editor.post(edit_url, data)
    assert refused.status_code == 200
    html = refused.content.decode()
    assert escape(str(collection_routes.central_system_message())) in html
    assert "registered from 1 January 2023" in html and "2019/788, recital 23" in html
    # Nor on another system of its own: the central system is its only online route.
    external = data | {"collection": "external", "external_system_url": "https://own.example"}
    html = editor.post(edit_url, external).content.decode()
    assert escape(str(collection_routes.central_system_message())) in html
    # The central system, with its address, is the route it may take.
    central = data | {
        "collection": "central",
        "external_system_url": "https://eci.ec.europa.eu/045/public/",
    }
    assert editor.post(edit_url, central).status_code == 302
    initiative.refresh_from_db()
    assert initiative.collection == Initiative.Collection.CENTRAL


def test_a_record_registered_in_2022_collects_on_its_own_system_within_its_period():
    initiative = InitiativeFactory(
        own_system=True, status=Initiative.Status.COLLECTING, collection_end=D(2023, 9, 1)
    )
    assert initiative.signing_state_on(D(2022, 8, 31)) == "not_yet_open"
    assert initiative.signing_state_on(D(2022, 9, 1)) == "open"
    assert initiative.signing_state_on(D(2023, 9, 1)) == "open"
    assert initiative.signing_state_on(D(2023, 9, 2)) == "closed"
    # Without its certificate of conformity it takes nothing.
    initiative.certificate_of_conformity = None
    assert initiative.signing_state_on(D(2023, 3, 1)) == "not_yet_open"
    # A collection end beyond the law's period closes on the law's last day.
    initiative.certificate_of_conformity_id = 1
    initiative.collection_end = D(2023, 12, 31)
    assert initiative.signing_state_on(D(2023, 9, 1)) == "open"
    assert initiative.signing_state_on(D(2023, 9, 2)) == "closed"


def test_the_admin_holds_a_2022_record_to_its_period_and_its_certificate(editor):  # noqa: F811
    initiative = InitiativeFactory(own_system=True, status=Initiative.Status.COLLECTING)
    edit_url = reverse(f"{SNIPPETS}:edit", args=[initiative.pk])
    data = edit_form_data(editor, edit_url)
    assert editor.post(edit_url, data).status_code == 302  # its period, with its certificate
    late = data | {"collection_start": "2022-12-02", "collection_end": "2023-12-02"}
    html = editor.post(edit_url, late).content.decode()
    assert "after the registration (Regulation (EU) 2019/788, Article 8(1))" in html
    assert "Latest possible start: 1 December 2022." in html
    long = data | {"collection_end": "2023-09-02"}
    html = editor.post(edit_url, long).content.decode()
    assert "later than the law allows (Regulation (EU) 2019/788, Article 8(1))" in html
    assert "Latest possible end: 1 September 2023." in html
    uncertified = data | {"certificate_of_conformity": ""}
    html = editor.post(edit_url, uncertified).content.decode()
    assert "needs the certificate of conformity" in html and "Annex IV" in html
    # Before it collects, the certificate may come later.
    assert editor.post(edit_url, uncertified | {"status": "registered"}).status_code == 302


def test_a_test_collection_collects_on_this_site_whatever_its_dates(editor):  # noqa: F811
    initiative = InitiativeFactory()  # a test collection (training), registered this year
    assert initiative.is_collecting() and initiative.certificate_of_conformity is None
    edit_url = reverse(f"{SNIPPETS}:edit", args=[initiative.pk])
    data = edit_form_data(editor, edit_url)
    assert editor.post(edit_url, data).status_code == 302
    html = editor.post(edit_url, data | {"collection": "central"}).content.decode()
    assert "A test collection collects on this site" in html


@pytest.mark.parametrize(
    ("start", "latest_end", "example"),
    [
        # Ongoing on 11 March 2020: six months more (Regulation (EU) 2020/1042, Art. 2(1)), then
        # three months for each Commission decision it was ongoing for.
        (D(2020, 2, 1), D(2022, 5, 1), "ongoing on 11 March 2020"),
        # The Commission's decision of June 2021 names the new end dates: 'Start Unconditional
        # Basic Incomes (UBI) throughout the EU' (started 25 September 2020): 25 June 2022;
        # 'VOTERS WITHOUT BORDERS' (started between 11 March and 11 September 2020): 11 June
        # 2022; 'Right to Cure' (started 30 November 2020): 1 August 2022.
        (D(2020, 9, 25), D(2022, 6, 25), "UBI"),
        (D(2020, 6, 11), D(2022, 6, 11), "started in the second subparagraph's window"),
        (D(2020, 11, 30), D(2022, 8, 1), "Right to Cure"),
        (D(2022, 9, 1), D(2023, 9, 1), "no extension"),
    ],
)
def test_the_extensions_of_regulation_2020_1042_are_applied_in_date_order(
    start, latest_end, example
):
    record = InitiativeFactory.build(
        own_system=True, registration_date=start - datetime.timedelta(days=30),
        collection_start=start,
    )  # fmt: skip
    period = collection_routes.own_system_period(record)
    assert period.latest_end == latest_end, example
    assert ("2020/1042" in period.rules) == (start.year == 2020)


def test_under_211_2011_the_period_runs_from_the_registration():
    record = InitiativeFactory.build(
        own_system=True, registration_date=D(2017, 4, 3), collection_start=D(2017, 4, 3)
    )
    period = collection_routes.own_system_period(record)
    assert period.latest_end == D(2018, 4, 3) and period.latest_start is None
    assert "211/2011, Article 5(5)" in period.rules


def test_the_system_check_lists_the_records_that_break_the_law():
    wrong = InitiativeFactory(real=True, registration_number="ECI(2026)000009")
    InitiativeFactory()  # a test collection
    InitiativeFactory(own_system=True)  # registered in 2022, certified
    InitiativeFactory(central=True)
    found = check_collection_routes(databases=["default"])
    assert [message.id for message in found] == ["eci.W010"]
    assert found[0].obj == wrong and "ECI(2026)000009" in found[0].msg
    assert isinstance(found[0], checks.Warning)
    assert check_collection_routes(databases=None) == []


def test_the_central_address_carries_the_readers_language():
    url = collection_routes.central_signing_url("https://eci.ec.europa.eu/045/public/?lg=en", "bg")
    assert url == "https://eci.ec.europa.eu/045/public/?lg=bg"
    assert collection_routes.central_signing_url("", "bg") == ""


def test_the_refusal_is_in_the_editors_language(editor):  # noqa: F811
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(editor.get(reverse("wagtailadmin_home")).wsgi_request.user)
    profile.preferred_language = "de"
    profile.save()
    initiative = InitiativeFactory(real=True)
    edit_url = reverse(f"{SNIPPETS}:edit", args=[initiative.pk])
    html = editor.post(edit_url, edit_form_data(editor, edit_url)).content.decode()
    assert (
        "sammelt Unterstützungsbekundungen online nur über das zentrale Online-Sammelsystem" in html
    )
