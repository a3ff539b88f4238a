"""The site identity keeps drafts, revisions and a preview; visitors see only what is published."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from home.models import SiteIdentity

from ..admin_forms import edit_form_data

pytestmark = pytest.mark.django_db
SNIPPETS = "wagtailsnippets_home_siteidentity"


def test_a_draft_identity_stays_off_the_site_until_published(client, home_page):
    client.force_login(get_user_model().objects.create_superuser("e", "", "correct horse battery"))
    identity = SiteIdentity.objects.get(locale=home_page.locale)
    identity.site_name = "A draft name"
    revision = identity.save_revision()  # a draft: the live row keeps its published values
    assert "A draft name" not in Client().get(home_page.url).content.decode()
    data = edit_form_data(client, reverse(f"{SNIPPETS}:edit", args=[identity.pk]))
    preview_url = reverse(f"{SNIPPETS}:preview_on_edit", args=[identity.pk])
    assert client.post(preview_url, data | {"site_name": "A previewed name"}).json()["is_valid"]
    assert "A previewed name" in client.get(preview_url).content.decode()
    assert "A previewed name" not in Client().get(home_page.url).content.decode()
    revision.publish()
    assert "A draft name" in Client().get(home_page.url).content.decode()


def test_an_identity_never_published_is_not_shown(client, home_page):
    SiteIdentity.objects.filter(locale=home_page.locale).update(live=False, site_name="Unpublished")
    assert "Unpublished" not in client.get(home_page.url).content.decode()


def test_a_second_identity_in_one_language_is_refused_with_a_message(client, home_page):
    client.force_login(get_user_model().objects.create_superuser("e", "", "correct horse battery"))
    response = client.post(
        reverse(f"{SNIPPETS}:add") + "?locale=en",
        {"site_name": "A second name", "tagline": "", "footer_text": rich_text("")},
    )
    assert response.status_code == 200
    assert "This language already has its site identity" in response.content.decode()
    assert SiteIdentity.objects.filter(locale=home_page.locale).count() == 1
