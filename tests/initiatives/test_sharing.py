"""Sharing (issue 15): plain share links on the initiative page and the receipt, and Open Graph
/ Twitter card metadata per language on every page."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from tests.factories import StatementFactory, translate_tree
from tests.signing.helpers import receipt_url

pytestmark = pytest.mark.django_db
NETWORKS = {
    "www.facebook.com", "x.com", "www.linkedin.com", "wa.me", "t.me", "bsky.app", "s2f.kytta.dev"
}  # fmt: skip


def share_links(html):
    soup = BeautifulSoup(html, "html.parser")
    return [a["href"] for a in soup.select(".share-links a")], soup


def meta(soup, name):
    return [tag["content"] for tag in soup.find_all("meta", property=name)]


def test_the_initiative_page_has_plain_share_links_and_no_third_party_script(
    client, initiative_page
):
    response = client.get(initiative_page.url)
    links, soup = share_links(response.content)
    address = response.wsgi_request.build_absolute_uri(initiative_page.url)
    assert links[0].startswith("mailto:?")
    assert {urlsplit(link).netloc for link in links[1:]} == NETWORKS
    for link in links:
        query = " ".join(sum(parse_qs(urlsplit(link).query).values(), []))
        assert address in query
    assert not [s for s in soup.find_all(["script", "img", "iframe"]) if "//" in str(s)]


def test_the_receipt_shares_the_initiative_not_the_receipt(client, signing_page):
    statement = StatementFactory(initiative=signing_page.get_parent().specific.initiative)
    html = client.get(receipt_url(signing_page, statement.id)).content.decode()
    links, _soup = share_links(html)
    assert len(links) == 1 + len(NETWORKS)
    assert all(str(statement.id) not in link for link in links)
    assert all("clean-air" in link for link in links)


def test_open_graph_metadata_in_each_language(client, initiative_page):
    bulgarian = translate_tree(initiative_page, "bg")["bg"]
    response = client.get(initiative_page.url)
    soup = BeautifulSoup(response.content, "html.parser")
    assert meta(soup, "og:title") == ["Clean air"]
    assert meta(soup, "og:locale") == ["en_IE"]
    assert meta(soup, "og:locale:alternate") == ["bg_BG"]
    assert meta(soup, "og:url") == [response.wsgi_request.build_absolute_uri(initiative_page.url)]
    assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"
    with translation.override("bg"):
        url = bulgarian.url
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    assert meta(soup, "og:locale") == ["bg_BG"]
    assert meta(soup, "og:title") == [bulgarian.title]
    assert meta(soup, "og:locale:alternate") == ["en_IE"]
