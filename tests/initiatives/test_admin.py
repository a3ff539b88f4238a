"""Editors edit the registered initiatives as snippets; the key's fingerprint stays visible."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db
SNIPPETS = "wagtailsnippets_initiatives_initiative"


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", "", "correct horse battery")
    client.force_login(user)
    return client


def test_initiative_records_are_edited_as_snippets(editor):
    initiative = InitiativeFactory()
    assert editor.get(reverse(f"{SNIPPETS}:list")).status_code == 200
    assert editor.get(reverse(f"{SNIPPETS}:add")).status_code == 200
    html = editor.get(reverse(f"{SNIPPETS}:edit", args=[initiative.pk]))
    assert html.status_code == 200
    assert initiative.key_fingerprint
    assert initiative.key_fingerprint in html.content.decode()  # stays visible
