"""The demo loader builds linked translations and is idempotent."""

import datetime
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import Translation

from demo.content import DEMO_KEY_PASSPHRASE
from home.models import SiteIdentity
from initiatives.checks import check_collection_routes
from initiatives.models import Initiative, InitiativePage, Topic
from petitions.models import Petition, PetitionPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "translations": Translation.objects.count(),
        "initiatives": Initiative.objects.count(),
        "topics": Topic.objects.count(),
        "identities": SiteIdentity.objects.count(),
        "petitions": Petition.objects.count(),
    }


def test_second_run_changes_nothing(capsys):
    before = counts()
    call_command("load_demo")
    assert counts() == before
    assert "0 objects created" in capsys.readouterr().out


def test_translations_are_linked_to_their_source_through_wagtail_localize():
    english = InitiativePage.objects.get(
        slug="clean-air-around-every-school", locale__language_code="en"
    )
    for code in ("bg", "ro"):
        translated = english.get_translation(Locale.objects.get(language_code=code))
        assert translated.translation_key == english.translation_key
        assert translated.initiative_id == english.initiative_id  # one registered record
        assert Translation.objects.filter(
            source__object_id=english.translation_key, target_locale__language_code=code
        ).exists()


def test_the_demonstration_initiatives_each_take_the_laws_route():
    routes = {
        i.registration_number: (i.collection, i.status, i.test_collection)
        for i in Initiative.objects.filter(is_demonstration=True)
    }
    assert routes == {
        "DEMO(2026)000001": ("central", "collecting", ""),
        "DEMO(2025)000002": ("central", "collecting", ""),
        "DEMO(2022)000003": ("on_site", "closed", ""),  # its own certified system
        "DEMO(2026)000004": ("on_site", "collecting", "demonstration"),
    }
    assert check_collection_routes(databases=["default"]) == []  # nothing off the route


def test_the_central_demo_calls_to_sign_on_the_central_system(client):
    html = client.get("/bg/initiatives/clean-air-around-every-school/").content.decode()
    counted = "/bg/initiatives/clean-air-around-every-school/sign/central-system/"
    assert f'href="{counted}"' in html
    assert client.get(counted)["Location"] == "https://eci.ec.europa.eu/001/public/?lg=bg"


def test_the_own_system_demo_publishes_its_certificate_and_exports_its_statements(client, tmp_path):
    initiative = Initiative.objects.get(registration_number="DEMO(2022)000003")
    certificate = initiative.certificate_of_conformity
    assert certificate.file.read().startswith(b"%PDF-1.4")
    html = client.get("/en/initiatives/safe-cross-border-commuting/sign/").content.decode()
    assert certificate.url in html and "collection of statements of support is closed" in html
    key = Path(settings.DEMO_KEY_DIR) / "demo2022000003.key.json"
    passphrase = tmp_path / "passphrase"
    passphrase.write_text(DEMO_KEY_PASSPHRASE)
    output = tmp_path / "export"
    call_command(
        "export_statements", "--initiative", initiative.registration_number, "--key", str(key),
        "--passphrase-file", str(passphrase), output=output, verbosity=0, workers=1,
    )  # fmt: skip
    assert sorted(path.name for path in output.glob("*.xml")) == ["bg.xml", "de.xml", "ro.xml"]
    assert "Export of DEMO(2022)000003: 5 statement(s)." in (output / "summary.txt").read_text()


def test_an_earlier_demo_is_moved_onto_the_laws_route():
    Initiative.objects.filter(registration_number="DEMO(2026)000001").update(collection="on_site")
    Initiative.objects.filter(registration_number="DEMO(2022)000003").update(
        registration_number="DEMO(2024)000003", registration_date=datetime.date(2024, 2, 5)
    )
    call_command("load_demo", stdout=io.StringIO())
    assert Initiative.objects.get(registration_number="DEMO(2026)000001").collection == "central"
    moved = Initiative.objects.get(registration_number="DEMO(2022)000003")
    assert moved.registration_date == datetime.date(2022, 6, 15)
    assert check_collection_routes(databases=["default"]) == []


def test_the_collecting_demo_has_paper_batches_that_show_in_its_counts(client):
    initiative = Initiative.objects.get(registration_number="DEMO(2026)000001")
    assert initiative.paper_batches.count() == 2
    counts = client.get(f"/counts/{initiative.registration_number}.json").json()
    assert counts["total"]["paper"] == 235
    call_command("load_demo")  # the batches are added once
    assert initiative.paper_batches.count() == 2


def test_a_petition_collects_on_the_site_in_english_bulgarian_and_romanian(client):
    (petition,) = Petition.objects.all()
    pages = PetitionPage.objects.live().filter(petition=petition)
    assert sorted(page.locale.language_code for page in pages) == ["bg", "en", "ro"]
    for page in pages:
        html = client.get(page.url + page.reverse_subpage("sign")).content.decode()
        assert 'name="email"' in html and 'name="city"' in html


def test_the_demo_ships_a_history_of_readings_of_the_central_system(client, capsys):
    """Offline, the job fails politely and the pages show the last shipped reading with its
    time (the record is put on the central system here until the demo's route by law does)."""
    initiative = Initiative.objects.get(registration_number="DEMO(2026)000001")
    readings = initiative.central_readings.count()
    assert readings > 100
    call_command("load_demo")  # each reading is added once
    assert initiative.central_readings.count() == readings
    initiative.collection = Initiative.Collection.CENTRAL
    initiative.external_system_url = "http://127.0.0.1:9/001/public/"  # nothing listens: offline
    initiative.save()
    call_command("read_central_system", "--now")
    assert "not read" in capsys.readouterr().out
    assert initiative.central_readings.count() == readings
    last = initiative.central_readings.order_by("read_at").last()
    counts = client.get(f"/counts/{initiative.registration_number}.json").json()
    assert counts["total"]["external"] == last.total
    assert counts["read_at"] == "2026-12-04T13:05:00Z"
    page = client.get(initiative.pages.get(locale__language_code="en").url).content.decode()
    assert "Figures from the Commission's system, updated: 4 December 2026, 14:05" in page
    history = client.get(f"/counts/{initiative.registration_number}/readings.csv")
    assert len(history.content.decode().splitlines()) == readings + 1
