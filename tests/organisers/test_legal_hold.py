"""Withdrawal and legal hold: destruction brought forward, or stopped while proceedings run."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from wagtail.models import ModelLogEntry

from initiatives.deadlines import deletion_deadline, legal_hold
from initiatives.models import Initiative
from organisers.audit import DESTROYED_ON_DEMAND
from organisers.retention import StatementsHeld, destroy_statements
from signing.models import Statement

from ..admin_forms import edit_form_data
from .helpers import SIGNERS, sign_all
from .test_collection_admin import admin_user, urls

pytestmark = pytest.mark.django_db
D = datetime.date


def record(**fields):
    base = {"registration_date": D(2021, 3, 1), "collection_start": D(2021, 5, 1)}
    return Initiative(**{**base, **fields})


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, D(2023, 2, 1)),  # 21 months after the start
        ({"withdrawn_on": D(2021, 9, 15)}, D(2021, 10, 15)),  # one month after a withdrawal
        ({"withdrawn_on": D(2023, 1, 20)}, D(2023, 2, 1)),  # the earlier one wins
        # Regulation 211/2011: a withdrawal changes nothing (18 months after registration)
        ({"registration_date": D(2019, 3, 31), "collection_start": D(2019, 5, 1),
          "withdrawn_on": D(2019, 6, 1)}, D(2020, 9, 30)),
        # held: until one month after the proceedings end, if that is later
        ({"legal_hold_reason": "Case T-1/23", "legal_hold_until": D(2023, 6, 30)},
         D(2023, 7, 30)),
        ({"legal_hold_reason": "Case T-1/23", "legal_hold_until": D(2022, 1, 10)},
         D(2023, 2, 1)),
        # held, end unknown: no deadline
        ({"legal_hold_reason": "Case T-1/23"}, None),
        # 211/2011: one week after the proceedings end
        ({"registration_date": D(2019, 3, 31), "collection_start": D(2019, 5, 1),
          "legal_hold_reason": "Case", "legal_hold_until": D(2021, 1, 1)}, D(2021, 1, 8)),
        # a reason of spaces holds nothing
        ({"legal_hold_reason": "   "}, D(2023, 2, 1)),
    ],
)  # fmt: skip
def test_the_deadline_follows_withdrawal_and_hold(fields, expected):
    assert deletion_deadline(record(**fields)) == expected


def test_an_end_date_without_proceedings_is_refused(initiative):
    initiative.legal_hold_until = D(2027, 1, 1)
    with pytest.raises(ValidationError) as error:
        initiative.clean()
    assert "legal_hold_reason" in error.value.message_dict


def due(initiative):
    """Make the initiative's regular deadline pass: submitted to the Commission long ago."""
    Initiative.objects.filter(pk=initiative.pk).update(submitted_to_commission_on=D(2026, 3, 10))


def test_the_nightly_command_keeps_what_is_held(client, initiative, signing_page, capsys):
    sign_all(client, signing_page)
    due(initiative)
    Initiative.objects.filter(pk=initiative.pk).update(legal_hold_reason="Case C-9/26")
    call_command("destroy_expired_statements", "--date", "2026-05-01")
    assert Statement.objects.filter(initiative=initiative).count() == len(SIGNERS)
    out = capsys.readouterr().out
    assert "held for proceedings (Case C-9/26)" in out and "nothing destroyed" in out
    # the proceedings end on 1 June: kept until 1 July
    Initiative.objects.filter(pk=initiative.pk).update(legal_hold_until=D(2026, 6, 1))
    call_command("destroy_expired_statements", "--date", "2026-06-30")
    assert Statement.objects.filter(initiative=initiative).count() == len(SIGNERS)
    assert "kept until 2026-07-01" in capsys.readouterr().out
    call_command("destroy_expired_statements", "--date", "2026-07-01")
    assert Statement.objects.filter(initiative=initiative).count() == len(SIGNERS)  # still held
    # lifted: destroyed on the next run
    Initiative.objects.filter(pk=initiative.pk).update(legal_hold_reason="")
    call_command("destroy_expired_statements", "--date", "2026-07-01")
    assert not Statement.objects.filter(initiative=initiative).exists()


def test_destruction_on_request_says_the_statements_are_held(client, initiative, signing_page):
    sign_all(client, signing_page)
    admin_user(client, "follow_collection", "destroy_statements", of=[initiative])
    Initiative.objects.filter(pk=initiative.pk).update(
        legal_hold_reason="Case C-9/26", legal_hold_until=D(2027, 2, 1)
    )
    dashboard = client.get(urls(initiative)["dashboard"]).content.decode()
    assert "Held for administrative or judicial proceedings: Case C-9/26." in dashboard
    assert "End of the hold: 1 March 2027." in dashboard  # a month after the proceedings
    assert urls(initiative)["destroy"] not in dashboard  # no button
    page = client.get(urls(initiative)["destroy"]).content.decode()
    assert "are held for proceedings and cannot be destroyed" in page
    assert 'name="reason"' not in page
    response = client.post(
        urls(initiative)["destroy"],
        {"registration_number": initiative.registration_number, "reason": "tidy up"},
    )
    assert response.status_code == 302
    assert Statement.objects.filter(initiative=initiative).count() == len(SIGNERS)
    assert not ModelLogEntry.objects.filter(action="eci.statements_destroyed_on_demand").exists()
    followed = client.get(response["Location"]).content.decode()
    assert "are held for proceedings and cannot be destroyed" in followed


def test_setting_and_lifting_a_hold_is_in_the_audit_log(client, initiative, signing_page):
    superuser = get_user_model().objects.create_superuser("admin", "", "y" * 20)
    client.force_login(superuser)
    url = f"/admin/snippets/initiatives/initiative/edit/{initiative.pk}/"
    data = edit_form_data(client, url)
    data.update(legal_hold_reason="Case C-9/26 before the Court", legal_hold_until="2027-02-01")
    assert client.post(url, data).status_code == 302
    entry = ModelLogEntry.objects.get(action="eci.legal_hold_set")
    assert entry.user == superuser
    assert entry.data == {"reason": "Case C-9/26 before the Court", "until": "2027-02-01"}
    assert client.post(url, edit_form_data(client, url)).status_code == 302  # unchanged: no entry
    assert ModelLogEntry.objects.filter(action__startswith="eci.legal_hold").count() == 1
    data = edit_form_data(client, url)
    data.update(legal_hold_reason="", legal_hold_until="")
    assert client.post(url, data).status_code == 302
    lifted = ModelLogEntry.objects.get(action="eci.legal_hold_lifted")
    assert lifted.data["reason"] == "Case C-9/26 before the Court"
    history = client.get(f"/admin/snippets/initiatives/initiative/history/{initiative.pk}/")
    html = history.content.decode()
    assert "Legal hold set or changed" in html and "Legal hold lifted" in html
    initiative.refresh_from_db()
    assert legal_hold(initiative) is None


def test_a_hold_recorded_a_moment_ago_stops_a_destruction_already_under_way(
    client, initiative, signing_page
):

    sign_all(client, signing_page)
    stale = Initiative.objects.get(pk=initiative.pk)  # read before the hold
    Initiative.objects.filter(pk=initiative.pk).update(legal_hold_reason="Case C-9/26")
    with pytest.raises(StatementsHeld):
        destroy_statements(stale, action=DESTROYED_ON_DEMAND, reason="r")
    assert Statement.objects.filter(initiative=initiative).count() == len(SIGNERS)
