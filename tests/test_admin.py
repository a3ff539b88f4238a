"""Editors can reach every editing screen the site relies on."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from initiatives.models import Initiative
from signing.models import SigningPage

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
