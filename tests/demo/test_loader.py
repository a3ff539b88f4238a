"""The demo loader builds linked translations and is idempotent."""

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import Translation

from home.models import SiteIdentity
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


def test_three_demonstration_initiatives_one_per_way_of_collecting():
    initiatives = Initiative.objects.filter(is_demonstration=True)
    assert {(i.collection, i.status) for i in initiatives} == {
        ("on_site", "collecting"),
        ("external", "collecting"),
        ("on_site", "closed"),
    }


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
    assert "Figures from the Commission's system as of 4 December 2026, 14:05" in page
    history = client.get(f"/counts/{initiative.registration_number}/readings.csv")
    assert len(history.content.decode().splitlines()) == readings + 1
