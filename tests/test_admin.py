"""Editors can reach every editing screen the site relies on."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from initiatives.models import Initiative
from signing.models import SigningPage

from .admin_forms import edit_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", "", "correct horse battery")
    client.force_login(user)
    return client


def test_initiative_records_are_edited_as_snippets(editor):
    assert editor.get("/admin/snippets/initiatives/initiative/").status_code == 200
    assert editor.get("/admin/snippets/initiatives/initiative/add/").status_code == 200
    initiative = Initiative.objects.get(registration_number="DEMO(2026)000001")
    html = editor.get(f"/admin/snippets/initiatives/initiative/edit/{initiative.pk}/")
    assert html.status_code == 200
    assert initiative.key_fingerprint in html.content.decode()  # stays visible


@pytest.mark.parametrize(
    "slug", ["home", "initiatives", "clean-air-around-every-school", "sign", "contact", "news"]
)
def test_page_edit_screens_open(editor, slug):
    page = Page.objects.filter(slug=slug, locale__language_code="en").first()
    assert editor.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def test_a_second_signing_page_cannot_be_added(editor):
    parent = Page.objects.get(slug="clean-air-around-every-school", locale__language_code="en")
    assert SigningPage.objects.child_of(parent).exists()
    response = editor.get(f"/admin/pages/add/signing/signingpage/{parent.pk}/")
    assert response.status_code in (302, 403)


def test_initiatives_are_listed_with_their_columns_filters_search_and_export(editor):
    listing = reverse("wagtailsnippets_initiatives_initiative:list")
    html = editor.get(listing).content.decode()
    for heading in ("Registration number", "Status", "Collection window", "Statements are"):
        assert heading.lower() in html.lower()
    collecting = editor.get(listing, {"status": "collecting"}).content.decode()
    assert "DEMO(2026)000001" in collecting and "DEMO(2024)000003" not in collecting
    found = editor.get(listing, {"q": "DEMO(2025)"}).content.decode()
    assert "DEMO(2025)000002" in found and "DEMO(2026)000001" not in found
    export = editor.get(listing, {"export": "csv"})
    rows = b"".join(export.streaming_content).decode().splitlines()
    assert rows[0].startswith("Registration number,Working name,Status,Registration date")
    assert len(rows) == 1 + Initiative.objects.count()


def test_an_initiative_has_an_inspect_view_history_and_comparable_revisions(editor):
    initiative = Initiative.objects.get(registration_number="DEMO(2026)000001")
    namespace = "wagtailsnippets_initiatives_initiative"
    inspect = editor.get(reverse(f"{namespace}:inspect", args=[initiative.pk])).content.decode()
    assert initiative.key_fingerprint in inspect and "DEMO(2026)000001" in inspect
    edit_url = reverse(f"{namespace}:edit", args=[initiative.pk])
    data = edit_form_data(editor, edit_url) | {"name": "Clean air, renamed"}
    assert editor.post(edit_url, data).status_code == 302
    initiative.refresh_from_db()
    assert initiative.name == "Clean air, renamed"
    revisions = initiative.revisions.order_by("created_at")
    assert revisions.count() >= 1
    latest = revisions.last()
    assert latest.content["name"] == "Clean air, renamed"
    history = editor.get(reverse(f"{namespace}:history", args=[initiative.pk]))
    assert history.status_code == 200
    first = initiative.save_revision()  # compare needs two
    compare = editor.get(
        reverse(f"{namespace}:revisions_compare", args=[initiative.pk, first.pk, latest.pk])
    )
    assert compare.status_code == 200


def test_the_site_identity_keeps_drafts_off_the_site_until_published(editor, client):
    from home.models import SiteIdentity

    identity = SiteIdentity.objects.get(locale__language_code="en")
    identity.site_name = "A draft name"
    revision = identity.save_revision()  # a draft: the live row keeps its published values
    assert "A draft name" not in Client().get("/en/").content.decode()
    namespace = "wagtailsnippets_home_siteidentity"
    data = edit_form_data(editor, reverse(f"{namespace}:edit", args=[identity.pk]))
    preview_url = reverse(f"{namespace}:preview_on_edit", args=[identity.pk])
    assert editor.post(preview_url, data | {"site_name": "A previewed name"}).json()["is_valid"]
    assert "A previewed name" in editor.get(preview_url).content.decode()
    assert "A previewed name" not in Client().get("/en/").content.decode()
    revision.publish()
    assert "A draft name" in Client().get("/en/").content.decode()
