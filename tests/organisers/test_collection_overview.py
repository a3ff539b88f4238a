"""The organisers' overview: the Collection list counts what the public pages count, and the
admin home has the panels that matter (issue 24)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from initiatives.models import PaperBatch

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client):
    client.force_login(get_user_model().objects.create_superuser("o", "", "correct horse battery"))
    return client


def test_the_collection_list_counts_paper_statements_as_the_public_pages_do(
    superuser_client, initiative_page
):
    PaperBatch.objects.create(
        initiative=initiative_page.initiative, country="BG",
        collected_on=timezone.localdate(), count=235,
    )  # fmt: skip
    html = superuser_client.get(reverse("collection:index")).content.decode()
    assert "<td>235</td>" in html
    assert "235" in superuser_client.get(initiative_page.url).content.decode()


def test_the_admin_home_shows_collections_deadlines_and_translation_state(
    superuser_client, initiative_page
):
    html = superuser_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Collections in progress" in html
    assert str(initiative_page.initiative) in html
    assert "Collection closes" in html  # its next deadline
    assert "Translation state" in html


def test_member_states_are_listed_in_the_users_language_order(superuser_client, initiative):
    from bs4 import BeautifulSoup
    from django.utils import translation

    from initiatives.countries import countries_in_reading_order
    from organisers.paper import PaperCountryForm

    PaperBatch.objects.create(
        initiative=initiative, country="AT", collected_on=timezone.localdate(), count=1
    )
    with translation.override("sv"):
        swedish = [code for code, _name in countries_in_reading_order()]
        keyed_in = [code for code, _name in PaperCountryForm().fields["country"].choices]
    assert swedish[-1] == "AT"  # Österrike, after Z in Swedish; first by code
    assert keyed_in == swedish
    url = reverse("wagtailsnippets_initiatives_initiative:edit", args=[initiative.pk])
    html = superuser_client.get(url, HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    select = BeautifulSoup(html, "html.parser").find("select", {"name": "paper_batches-0-country"})
    assert [option["value"] for option in select.find_all("option") if option["value"]] == swedish
