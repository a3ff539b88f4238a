"""Every model a cached page reads says how its changes reach the caches: declared once, by
its app, as content (a change sets a new content version: core.content_version.
invalidate_on_change) or as counts (fresh within PUBLIC_COUNTS_SECONDS: core.content_version.
read_as_counts). A page that starts reading a model nobody declared fails here."""

import re

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from core import content_version
from signing.models import SigningPage

from .test_pages import CONTENT_LANGUAGES, live_pages

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]

TABLE = re.compile(r'(?:FROM|JOIN)\s+"?(\w+)"?', re.IGNORECASE)


def models_read(client, urls):
    tables = {model._meta.db_table: model for model in apps.get_models()}
    read = set()
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        for query in queries:
            read |= {tables[name] for name in TABLE.findall(query["sql"]) if name in tables}
    return read


def public_urls():
    """Every live page in every language, and the signing form built once (a Part A and a
    Part B member state) of each signing page."""
    urls = []
    for language in CONTENT_LANGUAGES:
        pages = list(live_pages(language))
        urls += [page.get_url() for page in pages]
        urls += [
            page.get_url() + page.reverse_subpage("statement_form", kwargs={"country": country})
            for page in pages
            if isinstance(page, SigningPage)
            for country in ("de", "bg")
        ]
    return urls


def test_every_model_a_cached_page_reads_is_declared(client):
    read = models_read(client, public_urls())
    undeclared = {
        model._meta.label
        for model in read
        if not content_version.declared(model) and not issubclass(model, Page)
    }
    assert undeclared == set()
