"""Counts from the Commission's central system (issue 21): the periodic job reads the fake,
keeps every good reading, and pages, open counts, the widget and the dashboard show the last
good one with its time, whatever the services answer."""

import csv
import datetime
import io
import time

import pytest
from django.conf import settings
from django.core.management import call_command
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation

from initiatives.central_system import read_central_system
from initiatives.models import CentralReading, CentralSystemState, Initiative, PaperBatch
from initiatives.progress import attach_progress
from tests.factories import (
    InitiativeFactory,
    InitiativeIndexPageFactory,
    InitiativePageFactory,
    SigningPageFactory,
)
from tests.fakes.commission import CommissionFake, register_details

from ..organisers.helpers import admin_user

pytestmark = pytest.mark.django_db
NUMBER = "ECI(2025)000006"
PROGRESSION = "/045/public/api/report/progression"
MAP = "/045/public/api/report/map"
REGISTER = "/core/api/register/details/2025/000006"


@pytest.fixture
def fake(settings):
    with CommissionFake() as fake:
        settings.COMMISSION_REGISTER_URL = fake.url + "/core/api/register/"
        settings.COMMISSION_TIMEOUT_SECONDS = 0.3
        yield fake


def collect(fake, total, countries, register=None):
    """The central system answers `total` and the map `countries`; the register its own
    per-country figures (by default the same)."""
    fake.collections["045"] = {"signatureCount": total, "goal": 1_000_000, "map": countries}
    entries = {code.upper(): count for code, count in (register or countries).items()}
    fake.register["2025/000006"] = register_details(
        2025, "000006", versions={"en": {"title": "Clean air"}}, sos_entries=entries
    )


@pytest.fixture
def central(fake, home_page):
    initiative = InitiativeFactory(
        registration_number=NUMBER,
        collection=Initiative.Collection.CENTRAL,
        external_system_url=fake.collection_url("045"),
        public_key="",
    )
    index = InitiativeIndexPageFactory(parent=home_page)
    page = InitiativePageFactory(parent=index, initiative=initiative, title="Clean air")
    SigningPageFactory(parent=page)
    return initiative


@pytest.fixture
def clock(monkeypatch):
    """The clock of the counts snapshot and of the page cache, moved by hand."""
    now = [time.time()]
    monkeypatch.setattr(time, "time", lambda: now[0])
    return now


def at(minutes):
    """A moment of the job's, `minutes` after a fixed time today (local)."""
    start = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time(9)))
    return start + datetime.timedelta(minutes=minutes)


def read(minutes):
    """Run the job as at `minutes`, every initiative due."""
    return read_central_system(now=at(minutes), due_only=False)


def page_url(initiative):
    return initiative.pages.get().url


def widget_url(initiative):
    signing = initiative.pages.get().get_children().get().specific
    return signing.url + signing.reverse_subpage("widget")


def counts(client, initiative, name="open-counts-json"):
    return client.get(reverse(name, args=[initiative.registration_number]))


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode())))


def shown_time(moment):
    return timezone.localtime(moment).strftime("%H:%M")


def test_a_reading_appears_on_the_page_the_counts_and_the_widget(client, central, fake, clock):
    collect(fake, 1234, {"fr": 1000, "el": 234})
    before = client.get(page_url(central))  # the page cache keeps it for a third
    assert "1,234" not in before.content.decode()
    [(_initiative, reading)] = read(0)
    assert reading.countries == {"FR": 1000, "GR": 234}  # the site's code for Greece
    clock[0] += settings.PUBLIC_COUNTS_SECONDS // 3 + 1  # well within one period (5 minutes)
    page = client.get(page_url(central)).content.decode()
    assert "1,234 of 1,000,000 statements of support" in page
    assert f"Figures from the Commission's system, updated: {shown_time(at(0))}" in page
    body = counts(client, central).json()
    assert body["collection"] == "central"
    assert body["total"] == {"online": 0, "paper": 0, "external": 1234, "total": 1234}
    greece = next(row for row in body["countries"] if row["country"] == "GR")
    assert greece["external"] == 234
    assert body["read_at"] == at(0).astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")
    rows = {row[0]: row for row in csv_rows(counts(client, central, "open-counts-countries-csv"))}
    assert rows["FR"][1:5] == ["0", "0", "1000", "1000"]
    assert rows["total"][1:5] == ["0", "0", "1234", "1234"]
    widget = client.get(widget_url(central)).content.decode()
    assert "1,234 of 1,000,000" in widget
    assert "Figures from the Commission's system, updated:" in widget


def test_paper_batches_add_to_the_reading(client, central, fake):
    collect(fake, 100, {"de": 100})
    PaperBatch.objects.create(initiative=central, country="DE", collected_on=at(0).date(), count=7)
    read(0)
    body = counts(client, central).json()
    assert body["total"] == {"online": 0, "paper": 7, "external": 100, "total": 107}


def test_a_reading_of_another_day_is_shown_with_its_date(client, central, fake):
    collect(fake, 10, {"de": 10})
    read_central_system(now=at(0) - datetime.timedelta(days=3), due_only=False)
    day = timezone.localtime(at(0) - datetime.timedelta(days=3))
    page = client.get(page_url(central)).content.decode()
    assert f"updated: {day.day} {day:%B} {day.year}, {day:%H:%M}" in page


def test_the_time_is_written_as_the_readers_language_writes_it(central, fake):
    collect(fake, 10, {"de": 10})
    read_central_system(now=at(0) - datetime.timedelta(days=3), due_only=False)
    page = central.pages.get()
    attach_progress([page])
    day = timezone.localtime(at(0) - datetime.timedelta(days=3))
    with translation.override("de"):
        shown = render_to_string(
            "includes/progress_summary.html", {"progress": page.progress, "id": "x"}
        )
        written = formats.date_format(day, "DATETIME_FORMAT")  # "4. Dezember 2026 09:00"
    assert f"Zahlen aus dem System der Kommission, Stand: {written}" in " ".join(shown.split())


def test_the_map_refused_the_register_gives_the_member_states(client, central, fake):
    collect(fake, 50, {"it": 50})
    fake.fail(MAP, "forbidden")
    [(_initiative, reading)] = read(0)
    assert reading.source == CentralReading.Source.REGISTER
    assert reading.countries == {"IT": 50}


def test_the_register_is_not_asked_when_the_map_adds_up(central, fake):
    collect(fake, 50, {"it": 50})
    read(0)
    assert [path for path, _headers in fake.requests] == [PROGRESSION, MAP]


def test_the_services_are_told_which_site_reads_them(central, fake, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://initiatives.example.eu"
    collect(fake, 5, {"at": 5})
    fake.fail(MAP, "forbidden")
    read(0)
    agents = {headers["User-Agent"] for _path, headers in fake.requests}
    assert agents == {"Citizens' Initiatives (https://initiatives.example.eu)"}
    assert {headers["Accept"] for _path, headers in fake.requests} == {"application/json"}


FAILURES = {
    "403 with an HTML page": (lambda fake: fake.fail(PROGRESSION, "forbidden"), "HTTP status 403"),
    "a timeout": (lambda fake: fake.fail(PROGRESSION, "timeout"), "the time limit (0.3 s)"),
    "bad JSON": (lambda fake: fake.fail(PROGRESSION, "bad_json"), "other than the documented"),
    "a server error": (lambda fake: fake.fail(PROGRESSION, "server_error"), "HTTP status 500"),
    "a total that falls": (
        lambda fake: collect(fake, 90, {"de": 90}),
        "The total fell from 100 to 90",
    ),
    "member states that do not add up": (
        lambda fake: collect(fake, 130, {"de": 120}),
        "add up to 120, not to the total of 130",
    ),
}


@pytest.mark.parametrize("failure", FAILURES)
def test_a_failure_keeps_the_last_reading_and_the_dashboard_says_so(
    client, central, fake, clock, failure
):
    collect(fake, 100, {"de": 100})
    read(0)
    make_it_fail, said = FAILURES[failure]
    make_it_fail(fake)
    [(_initiative, outcome)] = read(5)
    assert not isinstance(outcome, CentralReading)
    assert CentralReading.objects.count() == 1
    clock[0] += settings.PUBLIC_COUNTS_SECONDS
    page = client.get(page_url(central))
    assert page.status_code == 200
    assert "100 of 1,000,000" in page.content.decode()
    assert f"updated: {shown_time(at(0))}" in page.content.decode()
    assert counts(client, central).json()["total"]["external"] == 100
    read(10)  # still failing: since the first failure
    admin_user(client, "follow_collection", of=[central])
    dashboard = client.get(reverse("collection:index")).content.decode()
    assert "Reading failed: " in dashboard and said in dashboard.replace("&#x27;", "'")
    assert f"Failing since: {timezone.localtime(at(5)):%-d %B %Y, %H:%M}" in dashboard


def test_the_dashboard_gives_the_failure_and_its_time_after_labels_in_german(client, central, fake):
    """Issue 23: the time after a label, not after "since", which needs a case in fi, lv, pl…"""
    collect(fake, 100, {"de": 100})
    fake.fail(PROGRESSION, "server_error")
    read(0)
    admin_user(client, "follow_collection", of=[central])
    html = client.get(reverse("collection:index"), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    with translation.override("de"):
        since = formats.date_format(timezone.localtime(at(0)), "DATETIME_FORMAT")
    assert "Abfrage fehlgeschlagen: Antwort mit HTTP-Status 500" in html
    assert f"Erste fehlgeschlagene Abfrage: {since}" in html


def test_the_next_good_reading_clears_the_failure(client, central, fake):
    collect(fake, 100, {"de": 100})
    fake.fail(PROGRESSION, "server_error")
    read(0)
    assert CentralSystemState.objects.get().failure == "http_status"
    fake.fail(PROGRESSION, None)
    read(5)
    state = CentralSystemState.objects.get()
    assert (state.failure, state.failing_since, state.failures) == ("", None, 0)
    admin_user(client, "follow_collection", of=[central])
    assert "Read correctly" in client.get(reverse("collection:index")).content.decode()


def test_the_history_of_readings_as_csv(client, central, fake):
    collect(fake, 10, {"de": 10})
    read(0)
    collect(fake, 25, {"de": 15, "gr": 10})
    read(5)
    response = counts(client, central, "open-counts-readings-csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    header, *rows = csv_rows(response)
    assert header[:3] == ["read_at", "total", "AT"]
    assert len(header) == 2 + 27
    de, gr = header.index("DE"), header.index("GR")
    assert [(row[1], row[de], row[gr]) for row in rows] == [("10", "10", "0"), ("25", "15", "10")]
    assert rows[0][0] == at(0).astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")


def test_no_history_csv_for_an_initiative_on_this_site(client, initiative_page):
    assert counts(client, initiative_page.initiative, "open-counts-readings-csv").status_code == 404


def test_the_chart_shows_the_growth_between_readings(client, central, fake):
    collect(fake, 100, {"de": 100})
    read_central_system(now=at(0) - datetime.timedelta(days=2), due_only=False)
    collect(fake, 160, {"de": 160})
    read_central_system(now=at(0) - datetime.timedelta(days=1), due_only=False)
    collect(fake, 200, {"de": 200})
    read(0)
    days = counts(client, central).json()["days"]
    assert [(day["date"], day["online"]) for day in days] == [
        ((at(0) - datetime.timedelta(days=2)).date().isoformat(), 0),
        ((at(0) - datetime.timedelta(days=1)).date().isoformat(), 60),
        (at(0).date().isoformat(), 40),
    ]


def test_one_process_at_a_time(central, fake):
    collect(fake, 5, {"de": 5})
    CentralSystemState.objects.create(initiative=central, leased_until=at(1))
    assert read(0) == []  # another process holds it
    assert fake.requests == []
    assert len(read(2)) == 1  # its claim ran out (the process died): read again


def test_the_job_keeps_its_period_and_backs_off_after_failures(central, fake, settings):
    collect(fake, 5, {"de": 5})
    assert len(read_central_system(now=at(0))) == 1
    assert read_central_system(now=at(4)) == []  # within the period: the services are spared
    fake.fail(PROGRESSION, "server_error")
    assert len(read_central_system(now=at(5))) == 1  # fails: next try after 5 minutes
    assert read_central_system(now=at(9)) == []
    assert len(read_central_system(now=at(10))) == 1  # fails again: after 10 minutes
    assert read_central_system(now=at(19)) == []
    assert len(read_central_system(now=at(20))) == 1
    state = CentralSystemState.objects.get()
    assert state.next_reading_at == at(40)
    assert state.failing_since == at(5)


def test_the_command_fails_politely_without_the_service(central, fake, capsys):
    central.external_system_url = "http://127.0.0.1:9/045/public/"  # nothing listens there
    central.save()
    call_command("read_central_system", "--now")
    assert "not read" in capsys.readouterr().out
    assert CentralSystemState.objects.get().failure == "unreachable"


def test_no_visitor_waits_on_the_service(client, central, fake):
    collect(fake, 5, {"de": 5})
    fake.fail(PROGRESSION, "timeout")
    for url in (page_url(central), widget_url(central)):
        assert client.get(url).status_code == 200
    assert counts(client, central).status_code == 200
    assert fake.requests == []


def test_only_collections_under_way_or_closed_lately_are_read(central, fake):
    collect(fake, 5, {"de": 5})
    today = timezone.localdate()
    for start, end, read_it in (
        (today + datetime.timedelta(days=1), None, False),  # not started
        (today - datetime.timedelta(days=400), today - datetime.timedelta(days=31), False),
        (today - datetime.timedelta(days=400), today - datetime.timedelta(days=29), True),
        (None, None, True),  # dates not entered yet: read rather than miss the figures
    ):
        Initiative.objects.filter(pk=central.pk).update(collection_start=start, collection_end=end)
        assert len(read_central_system(due_only=False)) == read_it, (start, end)
