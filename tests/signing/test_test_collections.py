"""A test collection says so on every page, in the reader's language (initiative page, signing
steps, receipt, widget, embed page, listing), and in its open counts; a real initiative's pages
do not."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import signing_tree

from .helpers import bulgarian, form_url, sign, step_url

pytestmark = pytest.mark.django_db
NOTICE = 'class="notice notice--test"'
GERMAN = "Dies ist eine Testsammlung (Schulung), keine echte Initiative"


def pages_of(client, signing_page):
    """The initiative page, every signing step and the receipt, the widget and the embed page."""
    receipt = sign(client, signing_page, "BG", **bulgarian())
    assert receipt.status_code == 302
    urls = [
        signing_page.get_parent().url,
        step_url(signing_page, "choose_country"),
        form_url(signing_page, "BG"),
        receipt["Location"],
        step_url(signing_page, "lookup"),
        step_url(signing_page, "widget"),
        step_url(signing_page, "embed"),
        signing_page.get_parent().get_parent().url,  # the index
    ]
    return {url: client.get(url).content.decode() for url in urls}


def test_every_page_of_a_test_collection_says_so_in_the_readers_language(client):
    signing_page = signing_tree()  # the factories' collection here: a test, for training
    with translation.override("de"):  # an interface language: every page keeps its prefix
        for url, html in pages_of(client, signing_page).items():
            assert url.startswith("/de/")
            if url.endswith("/initiatives/"):
                assert '<span class="badge badge--test">Testsammlung</span>' in html
            else:
                assert NOTICE in html and GERMAN in html, url


def test_a_real_initiatives_pages_say_nothing_of_a_test(client):
    signing_page = signing_tree(own_system=True)  # registered in 2022, closed since
    html = client.get(signing_page.get_parent().url).content.decode()
    assert NOTICE not in html and "badge--test" not in html
    signing = client.get(step_url(signing_page, "choose_country")).content.decode()
    assert "notice--test" not in signing
    # An own system publishes its certificate of conformity on its signing page.
    certificate = signing_page.initiative_page().initiative.certificate_of_conformity
    assert f'<a href="{certificate.url}">Certificate of conformity' in signing


def test_a_test_collections_open_counts_say_it_is_a_test(client):
    test = signing_tree().initiative()
    counts = client.get(reverse("open-counts-json", args=[test.registration_number])).json()
    assert counts["test_collection"] == "training"
    response = client.get(reverse("open-counts-countries-csv", args=[test.registration_number]))
    assert 'filename="test-' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {row["test_collection"] for row in rows} == {"training"}


def test_a_real_initiatives_open_counts_say_it_is_none(client):
    real = signing_tree(own_system=True).initiative()
    counts = client.get(reverse("open-counts-json", args=[real.registration_number])).json()
    assert counts["test_collection"] is None
    response = client.get(reverse("open-counts-countries-csv", args=[real.registration_number]))
    assert 'filename="test-' not in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {row["test_collection"] for row in rows} == {""}
