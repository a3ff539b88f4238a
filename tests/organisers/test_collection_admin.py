"""The organisers' admin: dashboard, bundle download, destruction, deadlines and the audit log."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import ModelLogEntry

from core.crypto import PrivateKey
from initiatives.chart import CHART_WIDTH, daily_chart
from initiatives.counters import counts_by_initiative
from initiatives.deadlines import deletion_deadline
from initiatives.models import Initiative
from organisers.bundle import read_bundle
from signing.models import DestroyedStatements, Statement
from tests.factories import InitiativeFactory, PartnerFactory, StatementFactory

from ..admin_forms import edit_form_data
from .helpers import SIGNERS, admin_user, sign_all

pytestmark = pytest.mark.django_db
SNIPPETS = "wagtailsnippets_initiatives_initiative"


def urls(initiative):
    return {
        "index": reverse("collection:index"),
        "dashboard": reverse("collection:dashboard", args=[initiative.pk]),
        "bundle": reverse("collection:bundle", args=[initiative.pk]),
        "destroy": reverse("collection:destroy", args=[initiative.pk]),
    }


def refused(response):
    """Wagtail answers a refused admin request by sending the user back to the admin home."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_without_the_permission_there_is_no_dashboard_and_no_bundle(
    client, initiative, signing_page
):
    admin_user(client)
    for name in ("index", "dashboard", "destroy"):
        assert refused(client.get(urls(initiative)[name]))
    assert refused(client.post(urls(initiative)["bundle"]))
    index = urls(initiative)["index"].encode()
    assert index not in client.get(reverse("wagtailadmin_home")).content  # no menu item
    assert not ModelLogEntry.objects.filter(action="eci.bundle_downloaded").exists()


def test_the_dashboard_shows_counts_and_deadlines_but_nothing_personal(
    client, initiative, signing_page
):
    sign_all(client, signing_page)
    client.logout()
    admin_user(client, "follow_collection", of=[initiative])
    assert urls(initiative)["index"].encode() in client.get(reverse("wagtailadmin_home")).content
    html = client.get(urls(initiative)["dashboard"]).content.decode()
    assert initiative.key_fingerprint in html
    assert "ML-KEM768-X25519" in html.replace("MLKEM768", "ML-KEM768")
    assert "8 of 1,000,000 statements of support" in html
    assert "Minimum reached in 0 countries of the 7 required" in html
    assert "<svg" in html and "Statements per day" in html
    assert "Submit the statements to the competent authorities" in html
    for _country, fields in SIGNERS:
        assert fields["family_names"] not in html
    assert "Destroy the statements now" not in html  # no permission to destroy
    assert refused(client.get(urls(initiative)["destroy"]))


def test_the_dashboard_counts_the_statements_per_partner(client, initiative, signing_page):
    PartnerFactory(initiative=initiative, code="friends", name="Friends of the air")
    PartnerFactory(initiative=initiative, code="quiet", name="A quiet partner")
    StatementFactory.create_batch(3, initiative=initiative, partner="friends")
    StatementFactory(initiative=initiative)
    admin_user(client, "follow_collection", of=[initiative])
    html = client.get(urls(initiative)["dashboard"]).content.decode()
    rows = re.findall(
        r'<th scope="row">([^<]+)</th>\s*<td><code>(\S+)</code></td>\s*<td>(\d+)</td>', html
    )
    assert rows == [("Friends of the air", "friends", "3"), ("A quiet partner", "quiet", "0")]


def test_a_bundle_download_is_logged_and_holds_every_statement(client, initiative, signing_page):
    identifiers = sign_all(client, signing_page)
    user = admin_user(client, "follow_collection", of=[initiative])
    assert client.get(urls(initiative)["bundle"]).status_code == 405  # only on purpose, by POST
    response = client.post(urls(initiative)["bundle"])
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    lines = b"".join(response.streaming_content).splitlines()
    record, count, statements = read_bundle(lines)
    assert record["registration_number"] == initiative.registration_number and count == len(
        identifiers
    )
    assert sorted(item[0] for item in statements) == sorted(identifiers)
    entry = ModelLogEntry.objects.get(action="eci.bundle_downloaded")
    assert entry.user_id == user.pk and entry.data["total"] == len(identifiers)


def test_destroying_on_request_needs_confirmation_keeps_counts_and_is_logged(
    client, initiative, signing_page
):
    sign_all(client, signing_page)
    admin_user(client, "follow_collection", "destroy_statements", of=[initiative])
    before = counts_by_initiative([initiative.pk])[initiative.pk]
    wrong = client.post(urls(initiative)["destroy"], {"registration_number": "DEMO", "reason": "r"})
    assert wrong.status_code == 200
    assert "This is not the registration number" in wrong.content.decode()
    assert 'value="DEMO"' in wrong.content.decode()  # what was typed is kept
    assert Statement.objects.filter(initiative=initiative).count() == len(SIGNERS)
    response = client.post(
        urls(initiative)["destroy"],
        {
            "registration_number": initiative.registration_number,
            "reason": "Withdrawn by the organisers",
        },
    )
    assert response.status_code == 302
    assert not Statement.objects.filter(initiative=initiative).exists()
    assert counts_by_initiative([initiative.pk])[initiative.pk] == before
    entry = ModelLogEntry.objects.get(action="eci.statements_destroyed_on_demand")
    assert entry.data["total"] == len(SIGNERS) and entry.data["countries"]["BG"] == 2
    assert entry.data["reason"] == "Withdrawn by the organisers"
    call_command("reconcile_counts", stdout=open("/dev/null", "w"))  # noqa: SIM115 (still agree)
    html = client.get(urls(initiative)["dashboard"]).content.decode()
    assert "<svg" in html  # the days are kept for the chart


def test_the_deadline_command_destroys_exactly_what_is_due(
    client, initiative, signing_page, capsys
):
    sign_all(client, signing_page)
    other = InitiativeFactory(closed=True, collection_start=datetime.date(2025, 9, 1))
    Statement.objects.create(
        initiative=other, country="BG", submitted_on=datetime.date(2024, 9, 1), language="en",
        annex_revision="1", key_fingerprint="0" * 64, suite="x", ciphertext=b"x",
        dedupe_hash="1" * 64,
    )  # fmt: skip
    initiative.submitted_to_commission_on = datetime.date(2026, 3, 10)
    initiative.save()
    deadline = deletion_deadline(initiative)
    assert deadline == datetime.date(2026, 4, 10)  # one month after submission
    call_command("destroy_expired_statements", "--date", "2026-04-09")
    assert Statement.objects.filter(initiative=initiative).count() == len(SIGNERS)
    call_command("destroy_expired_statements", "--date", "2026-04-10", "--dry-run")
    assert Statement.objects.filter(initiative=initiative).count() == len(SIGNERS)
    call_command("destroy_expired_statements", "--date", "2026-04-10")
    assert not Statement.objects.filter(initiative=initiative).exists()
    assert Statement.objects.filter(initiative=other).count() == 1  # not due yet
    assert sum(row.count for row in DestroyedStatements.objects.filter(initiative=initiative)) == 8
    entry = ModelLogEntry.objects.get(action="eci.statements_destroyed_on_deadline")
    assert entry.user is None and entry.data["total"] == len(SIGNERS)
    assert "destroyed 8 statement(s)" in capsys.readouterr().out


def test_the_audit_log_is_readable_by_admins_and_not_editable(client, initiative, signing_page):
    sign_all(client, signing_page)
    client.post(urls(initiative)["bundle"])  # anonymous: refused, nothing logged
    superuser = get_user_model().objects.create_superuser("admin", "", "y" * 20)
    client.force_login(superuser)
    b"".join(client.post(urls(initiative)["bundle"]).streaming_content)
    report = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Encrypted statements downloaded" in report
    history = client.get(reverse(f"{SNIPPETS}:history", args=[initiative.pk]))
    assert "Encrypted statements downloaded" in history.content.decode()
    assert ModelLogEntry.objects.filter(action="eci.bundle_downloaded").count() == 1


def test_replacing_the_key_after_the_first_statement_is_refused_with_a_reason(
    client, initiative, signing_page
):

    sign_all(client, signing_page)
    superuser = get_user_model().objects.create_superuser("admin", "", "y" * 20)
    client.force_login(superuser)
    url = reverse(f"{SNIPPETS}:edit", args=[initiative.pk])
    data = edit_form_data(client, url)
    data["public_key"] = PrivateKey.generate().public_key_text()
    response = client.post(url, data)
    assert response.status_code == 200
    assert "replacing it now would split them" in response.content.decode()
    initiative.refresh_from_db()
    assert initiative.public_key != data["public_key"]


@pytest.mark.parametrize(
    ("registered", "start", "submitted", "expected"),
    [
        (datetime.date(2021, 3, 1), datetime.date(2021, 5, 1), None, datetime.date(2023, 2, 1)),
        (datetime.date(2021, 3, 1), datetime.date(2021, 5, 1), datetime.date(2022, 6, 30),
         datetime.date(2022, 7, 30)),
        (datetime.date(2019, 3, 31), datetime.date(2019, 5, 1), None, datetime.date(2020, 9, 30)),
        (datetime.date(2024, 8, 31), None, None, None),
    ],
)  # fmt: skip
def test_the_deletion_deadline_follows_the_regime(registered, start, submitted, expected):
    initiative = Initiative(
        registration_date=registered, collection_start=start, submitted_to_commission_on=submitted
    )
    assert deletion_deadline(initiative) == expected


def test_the_dashboard_draws_empty_bars_as_empty_and_one_day_narrow(
    client, initiative, signing_page
):
    admin_user(client, "follow_collection", of=[initiative])
    html = client.get(urls(initiative)["dashboard"]).content.decode()
    # Wagtail's own style drew a 0 % bar as a full grey one; the dashboard's stylesheet draws
    # the empty track as empty.
    assert "css/dashboard.css" in html
    assert html.count('<progress class="collection-progress"') == 29  # total, countries, 27
    (bar,) = daily_chart([(datetime.date(2026, 5, 1), 3, 0)])["bars"]
    assert bar.width < CHART_WIDTH / 10


def test_the_collection_index_and_deadlines_are_tables_with_a_row_per_item(client, initiative):
    undated = InitiativeFactory(collection_start=None, collection_end=None)
    admin_user(client, "follow_collection", of=[initiative, undated])
    index = client.get(urls(initiative)["index"]).content.decode()
    dashboards = re.findall(r'<td><a href="([^"]+)">([^<]+)</a></td>', index)
    assert sorted(dashboards) == sorted(
        (urls(record)["dashboard"], str(record)) for record in (initiative, undated)
    )
    html = client.get(urls(undated)["dashboard"]).content.decode()
    assert '<td colspan="3">Set the collection dates to see the deadlines.</td>' in html
    html = client.get(urls(initiative)["dashboard"]).content.decode()
    assert "Set the collection dates" not in html
    assert re.search(r"<td>[^<]*Collection closes[^<]*</td>\s*<td>\s*\d+ (days|months?) left", html)
