"""The call to sign of an initiative on the Commission's central system: it leads there in the
reader's language, through a redirect that counts one click-through per partner (a number:
no cookie, nothing about the person, never cached), shown on the dashboard and in the open
counts where they are published."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from initiatives.counters import click_throughs
from tests.factories import PartnerFactory, signing_tree

from ..organisers.helpers import admin_user
from .helpers import step_url

pytestmark = pytest.mark.django_db
CENTRAL = "https://eci.ec.europa.eu/045/public/"


@pytest.fixture
def central_page():
    signing_page = signing_tree(central=True, external_system_url=CENTRAL)
    PartnerFactory(initiative=signing_page.initiative(), code="friends", origin="https://a.eu")
    return signing_page


def follow(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert not response.cookies  # nothing set, nothing about the person
    return response["Location"]


def test_the_initiative_page_calls_to_sign_on_the_central_system_in_the_readers_language(
    client, central_page
):
    with translation.override("de"):  # an interface language: the page keeps its prefix
        page_url = central_page.get_parent().url
        counted = step_url(central_page, "to_central_system")
    html = client.get(page_url).content.decode()
    assert f'href="{counted}"' in html and "Im zentralen System der Kommission" in html
    assert follow(client, counted) == f"{CENTRAL}?lg=de"
    assert click_throughs(central_page.initiative().pk) == {"": 1}


def test_a_partners_widget_and_embed_lead_to_the_central_system_counted_for_it(
    client, central_page
):
    initiative_id = central_page.initiative().pk
    widget = client.get(central_page.url + central_page.reverse_subpage("widget", args=["friends"]))
    link = central_page.url + central_page.reverse_subpage("to_central_system", args=["friends"])
    assert f'href="{link}"' in widget.content.decode()
    embed = client.get(step_url(central_page, "embed"), {"partner": "friends"}).content.decode()
    assert f"http://localhost{link}" in embed  # the frame's fallback link
    flow = client.get(
        step_url(central_page, "choose_country"), {"embed": "1", "partner": "friends"}
    )
    assert re.search(rf'href="{re.escape(link)}"[^>]* target="_blank"', flow.content.decode())
    assert follow(client, link) == f"{CENTRAL}?lg=en"
    assert follow(client, link) == f"{CENTRAL}?lg=en"
    unknown = central_page.url + central_page.reverse_subpage("to_central_system", args=["nobody"])
    follow(client, unknown)  # counted for the site itself: no row for an invented code
    assert client.head(link).status_code == 302  # a link checker sends nobody there
    assert click_throughs(initiative_id) == {"friends": 2, "": 1}


def test_the_click_throughs_show_on_the_dashboard_and_in_the_published_counts(client, central_page):
    initiative = central_page.initiative_page().initiative
    follow(
        client,
        central_page.url + central_page.reverse_subpage("to_central_system", args=["friends"]),
    )
    follow(client, step_url(central_page, "to_central_system"))
    initiative.partner_counts_public = True
    initiative.save()
    counts = client.get(reverse("open-counts-json", args=[initiative.registration_number])).json()
    assert counts["partners"][0]["click_throughs"] == 1
    admin_user(client, "follow_collection")
    html = client.get(reverse("collection:dashboard", args=[initiative.pk])).content.decode()
    assert re.search(r"<td><code>friends</code></td>\s*<td>0</td>\s*<td>1</td>", html)
    assert "central system from the site's own pages: 1 (" in html


def test_an_initiative_collected_here_counts_nothing_and_leads_to_its_signing_page(client):
    signing_page = signing_tree()  # a test collection, on this site
    assert follow(client, step_url(signing_page, "to_central_system")) == signing_page.url
    assert click_throughs(signing_page.initiative().pk) == {}
