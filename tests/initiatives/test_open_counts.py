"""Open counts (issue 15): JSON and CSV of an initiative's figures, from the pages' snapshot."""

import csv
import datetime
import io
import time

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from initiatives.models import ExternalCount, PaperBatch
from tests.factories import (
    InitiativeFactory,
    InitiativeIndexPageFactory,
    InitiativePageFactory,
    PartnerFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    """The clock of the counts snapshot and of the page cache, moved by hand."""
    now = [time.time()]
    monkeypatch.setattr(time, "time", lambda: now[0])
    return now


def counts_url(initiative, name="open-counts-json"):
    return reverse(name, args=[initiative.registration_number])


def test_counts_json_changes_within_the_promised_freshness(client, initiative_page, clock):
    initiative = initiative_page.initiative
    first = client.get(counts_url(initiative))
    assert first.status_code == 200
    assert first["Access-Control-Allow-Origin"] == "*"
    assert first["Cache-Control"].startswith("public")
    assert "Set-Cookie" not in first
    assert first.json()["total"]["online"] == 0
    StatementFactory(initiative=initiative, country="BG")
    again = client.get(counts_url(initiative))  # within the freshness: the page cache's copy
    assert again["X-Page-Cache"] == "hit" and again.json() == first.json()
    clock[0] += settings.PUBLIC_COUNTS_SECONDS
    counts = client.get(counts_url(initiative)).json()
    assert counts["total"] == {"online": 1, "paper": 0, "external": 0, "total": 1}
    bulgaria = next(row for row in counts["countries"] if row["country"] == "BG")
    assert bulgaria["online"] == 1
    assert counts["days"] == [{"date": timezone.localdate().isoformat(), "online": 1, "paper": 0}]
    taken_at = datetime.datetime.fromisoformat(counts["taken_at"])
    assert abs(taken_at.timestamp() - clock[0]) < 1


def test_counts_csv_has_the_same_figures_as_the_json(client, initiative_page):
    initiative = initiative_page.initiative
    StatementFactory(initiative=initiative, country="BG")
    PaperBatch.objects.create(
        initiative=initiative, country="RO", collected_on=datetime.date(2026, 1, 5), count=40
    )
    counts = client.get(counts_url(initiative)).json()
    response = client.get(counts_url(initiative, "open-counts-countries-csv"))
    assert response["Content-Type"].startswith("text/csv")
    assert response["Access-Control-Allow-Origin"] == "*"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    for row, country in zip(rows, counts["countries"], strict=False):
        # The factories' initiative collecting here is a test collection, and says so.
        assert row == {key: str(value) for key, value in country.items()} | {
            "test_collection": "training"
        }
    assert rows[-1]["country"] == "total"
    assert rows[-1]["total"] == str(counts["total"]["total"]) == "41"
    assert rows[-1]["paper"] == "40"
    days = client.get(counts_url(initiative, "open-counts-days-csv")).content.decode()
    day_rows = list(csv.DictReader(io.StringIO(days)))
    assert day_rows[0] == {
        "date": "2026-01-05",
        "online": "0",
        "paper": "40",
        "test_collection": "training",
    }
    assert [row["date"] for row in day_rows] == [row["date"] for row in counts["days"]]
    assert sum(int(row["online"]) for row in day_rows) == 1


def test_external_counts_are_open_too(client, home_page):
    initiative = InitiativeFactory(external=True)
    InitiativePageFactory(
        parent=InitiativeIndexPageFactory(parent=home_page), initiative=initiative
    )
    ExternalCount.objects.create(initiative=initiative, country="DE", count=70)
    counts = client.get(counts_url(initiative)).json()
    assert counts["total"] == {"online": 0, "paper": 0, "external": 70, "total": 70}


def test_no_counts_without_a_live_page(client):
    initiative = InitiativeFactory()
    assert client.get(counts_url(initiative)).status_code == 404
    assert client.get(reverse("open-counts-json", args=["nothing("])).status_code == 404


def test_counts_per_partner_are_open_only_where_the_initiative_allows_it(client, initiative_page):
    initiative = initiative_page.initiative
    PartnerFactory(initiative=initiative, code="friends", name="Friends of the air")
    StatementFactory.create_batch(2, initiative=initiative, partner="friends")
    assert "partners" not in client.get(counts_url(initiative)).json()
    initiative.partner_counts_public = True
    initiative.save()  # a new content version: the cached counts are gone
    counts = client.get(counts_url(initiative)).json()
    assert counts["partners"] == [
        {"code": "friends", "name": "Friends of the air", "online": 2, "click_throughs": 0}
    ]


def test_counts_per_partner_are_counted_at_most_once_per_freshness(client, initiative_page):
    """A query string skips the page cache (and a CDN keeps each apart): the per-partner count
    behind the JSON must still not run for every request."""
    initiative = initiative_page.initiative
    PartnerFactory(initiative=initiative, code="friends", name="Friends of the air")
    initiative.partner_counts_public = True
    initiative.save()
    with CaptureQueriesContext(connection) as queries:
        for attempt in range(3):
            assert client.get(counts_url(initiative), {"r": attempt}).status_code == 200
    grouped = [q["sql"] for q in queries.captured_queries if '"partner"' in q["sql"]]
    assert len(grouped) == 2  # once: the statements and the click-throughs per partner


def test_no_counts_while_the_initiative_page_is_restricted(client, initiative_page):
    PageViewRestriction.objects.create(
        page=initiative_page, restriction_type=PageViewRestriction.PASSWORD, password="before"
    )
    assert client.get(counts_url(initiative_page.initiative)).status_code == 404


def test_counts_per_partner_as_csv_only_where_the_initiative_allows_it(client, initiative_page):
    initiative = initiative_page.initiative
    PartnerFactory(initiative=initiative, code="friends", name="Friends of the air")
    PartnerFactory(initiative=initiative, code="walkers", name="Walkers, united")
    StatementFactory.create_batch(2, initiative=initiative, partner="friends")
    url = counts_url(initiative, "open-counts-partners-csv")
    assert client.get(url).status_code == 404
    assert "partners.csv" not in client.get(initiative_page.url).content.decode()
    initiative.partner_counts_public = True
    initiative.save()
    response = client.get(url)
    assert response["Content-Type"].startswith("text/csv")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"].startswith("public")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows == [
        ["code", "name", "online", "click_throughs", "test_collection"],
        ["friends", "Friends of the air", "2", "0", "training"],
        ["walkers", "Walkers, united", "0", "0", "training"],
    ]  # fmt: skip
    partners = client.get(counts_url(initiative)).json()["partners"]
    assert [[p["code"], p["name"], str(p["online"]), "0", "training"] for p in partners] == rows[1:]
    html = client.get(initiative_page.url).content.decode()
    assert f'<link rel="alternate" type="text/csv" href="{url}"' in html
    assert f'<a href="{url}" type="text/csv">' in html


def test_a_partners_name_never_reaches_a_spreadsheet_as_a_formula(client, initiative_page):
    """Partner names are editors' free text, published in a CSV that anyone opens."""
    initiative = initiative_page.initiative
    initiative.partner_counts_public = True
    initiative.save()
    PartnerFactory(initiative=initiative, code="sneaky", name='=HYPERLINK("https://x.test")')
    response = client.get(counts_url(initiative, "open-counts-partners-csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[1] == ["sneaky", '\'=HYPERLINK("https://x.test")', "0", "0", "training"]
    # The JSON carries the name as it is: a program reading it runs nothing.
    assert client.get(counts_url(initiative)).json()["partners"][0]["name"].startswith("=")
