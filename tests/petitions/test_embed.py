"""What a petition's partners put on their sites: the count widget and the embed page."""

import html

import pytest

from tests.factories.petitions import PetitionPartnerFactory

from .test_partners import frame_ancestors

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(petition_page):
    return PetitionPartnerFactory(
        petition=petition_page.petition, code="friends-of-air", origin="https://partner.example"
    )


def route(page, name, *args):
    return page.url + page.reverse_subpage(name, args=args)


def test_the_widget_shows_the_count_and_leads_to_the_form_with_the_partners_code(
    client, petition_page, partner
):
    widget = client.get(route(petition_page, "widget", "friends-of-air"))
    body = widget.content.decode()
    assert petition_page.title in body and "0 of 1,000 signatures" in body
    assert f'href="{route(petition_page, "sign")}?partner=friends-of-air"' in body
    assert frame_ancestors(widget) == "frame-ancestors 'self' https://partner.example"
    unknown = client.get(route(petition_page, "widget", "nobody"))
    assert unknown.status_code == 302 and unknown["Location"] == route(petition_page, "widget")
    plain = client.get(route(petition_page, "widget")).content.decode()
    assert f'href="{route(petition_page, "sign")}"' in plain


def test_the_embed_page_gives_both_snippets_with_a_link_as_fallback(client, petition_page, partner):
    body = client.get(route(petition_page, "embed"), {"partner": "friends-of-air"}).content
    snippets = html.unescape(body.decode())
    assert "Embed this petition on your site" in snippets
    assert "widget/friends-of-air/" in snippets
    assert "sign/?embed=1&amp;partner=friends-of-air" in snippets  # escaped once in the snippet
    assert f"Sign the petition “{petition_page.title}”" in snippets
    unknown = client.get(route(petition_page, "embed"), {"partner": "nobody"}).content.decode()
    assert "This is not a partner code of this petition." in unknown
    assert "partner=nobody" not in unknown.replace('value="nobody"', "")


def test_the_petition_page_links_to_the_embed_page(client, petition_page):
    assert route(petition_page, "embed") in client.get(petition_page.url).content.decode()
