"""Unknown addresses and malformed input get the site's own pages, never a 500."""

from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError, ProgrammingError
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from tests.factories import (
    ContactPageFactory,
    InitiativeIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    site_home,
    translate_tree,
)

pytestmark = pytest.mark.django_db

RETRY_LATER = "Nothing you typed has been stored. Please try again in a few minutes."


@pytest.fixture(scope="module")
def site(module_db):
    """Home (en, bg, ro) with the pages whose query strings are read: the initiative index, the
    news index and the contact form. Built once for the module: its tests only read it."""
    with module_db.unblock():
        home_page = site_home()
        homes = translate_tree(home_page, "bg", "ro")
        news = NewsIndexPageFactory(parent=home_page)
        NewsPageFactory(parent=news)
        return {
            "initiatives": InitiativeIndexPageFactory(parent=home_page),
            "news": news,
            "contact": ContactPageFactory(parent=home_page),
            "bg": homes["bg"],
        }


def url_of(name, language):
    with translation.override(language):
        return reverse(name)


def test_unknown_page_gets_the_sites_404(client, site):
    response = client.get(site["bg"].url + "no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="bg"' in html
    assert 'class="site-header"' in html


def test_unknown_language_ends_on_a_404(client, site):
    response = client.get("/xx/nothing/", follow=True)
    assert response.status_code == 404
    assert 'class="site-header"' in response.content.decode()


@pytest.mark.parametrize(
    ("where", "query"),
    [
        ("initiatives", "?status=%ff&topic[]=1&page=abc"),
        ("initiatives", "?page=-1&status=collecting&topic=" + "x" * 5000),
        ("initiatives", "?page=99999999999999999999"),
        ("news", "?page=%00"),
        (("search", "bg"), "?q=%ff%fe&page=zz"),
        (("search", "bg"), "?q=" + "ы" * 3000),
        (("search", "ro"), "?q=%00%01"),
        (("search", "en"), '?q="'),
        (("search", "en"), "?q=AND OR NOT ( * ^ :"),
        (("search", "en"), "?q=&page=2"),
        (("html-sitemap", "en"), "?anything=%"),
        (("news-rss", "en"), "?x=%ZZ"),
    ],
)
def test_malformed_query_strings_never_give_500(client, site, where, query):
    base = url_of(*where) if isinstance(where, tuple) else site[where].url
    response = client.get(base + query)
    assert response.status_code in (200, 301, 400, 404)


def test_contact_form_rejects_garbage_without_losing_input(client, site):
    response = client.post(
        site["contact"].url,
        {"your_name": "Ana", "your_email_address": "not-an-email", "captcha_0": "x"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert 'value="Ana"' in html
    assert 'value="not-an-email"' in html


@pytest.mark.parametrize("failure", [OperationalError, InterfaceError])
def test_a_database_out_of_reach_answers_503_with_retry_after(client, site, failure):
    """PostgreSQL restarting or failing over: the service, not the request, is at fault for a
    while; clients and load balancers should wait and try again, in the visitor's language."""
    client.raise_request_exception = False
    with mock.patch.object(Site, "find_for_request", side_effect=failure("connection refused")):
        response = client.get(site["bg"].url)
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "no-store" in response["Cache-Control"]
    with translation.override("bg"):
        assert translation.gettext(RETRY_LATER) in (response.content.decode())


def test_a_database_error_of_the_request_stays_a_500(client, site):
    client.raise_request_exception = False
    with mock.patch.object(Site, "find_for_request", side_effect=ProgrammingError("bad query")):
        response = client.get(site["bg"].url)
    assert response.status_code == 500
    assert "Retry-After" not in response
