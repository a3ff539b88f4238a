"""The route cache is the one module that uses Wagtail's private request attributes: these tests
fail when Wagtail stops reading them (then remove the cache or follow Wagtail), and when any
other project module starts using them."""

import ast
from pathlib import Path
from unittest import mock
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from wagtail.models import Page, Site

from core.content_version import current_version
from core.route_cache import _key

from ..signing.helpers import bulgarian, sign

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
PROJECT_APPS = ["core", "home", "initiatives", "guidance", "news", "signing", "organisers",
                "translators", "demo", "site"]  # fmt: skip


def test_wagtail_still_reads_the_site_the_route_cache_hands_it():
    request = RequestFactory().get("/en/")
    site = Site.objects.get(is_default_site=True)
    request._wagtail_site = site  # wagtail/models/sites.py, Site.find_for_request
    with mock.patch.object(Site, "_find_for_request", side_effect=AssertionError("looked up")):
        assert Site.find_for_request(request) is site


def test_wagtail_still_reads_the_route_the_route_cache_hands_it():
    request = RequestFactory().get("/en/")
    route = object()
    request._wagtail_route_for_request = route  # wagtail/models/pages.py, Page.route_for_request
    assert Page.route_for_request(request, "/en/anything/") is route


def test_no_other_project_module_touches_wagtails_private_attributes():
    users = set()
    for app in PROJECT_APPS:
        for path in (ROOT / app).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                named = (
                    node.attr if isinstance(node, ast.Attribute)
                    else node.value if isinstance(node, ast.Constant) else None
                )  # fmt: skip
                # An attribute, or its name as a string (getattr, setattr, hasattr).
                if isinstance(named, str) and named.startswith("_wagtail"):
                    users.add(str(path.relative_to(ROOT)))
    assert users == {"core/route_cache.py"}


def test_a_receipt_adds_no_cache_entry_of_its_own(client, signing_page):
    receipt = sign(client, signing_page, "BG", **bulgarian())
    assert receipt.status_code == 302
    client.get(receipt["Location"])
    components = [part for part in urlsplit(receipt["Location"]).path.split("/") if part]
    with mock.patch("core.route_cache.get_language", return_value="en"):
        request = RequestFactory().get("/", SERVER_NAME="localhost")
        version = current_version()
        assert cache.get(_key(request, version, components)) is None
        # The signing page's own URL holds the route that every step, receipts included, uses.
        assert cache.get(_key(request, version, components[:4])) is not None


def test_a_minimal_view_does_no_cache_work(client):
    with (
        mock.patch.object(cache, "get", side_effect=AssertionError("cache read")),
        mock.patch.object(cache, "get_many", side_effect=AssertionError("cache read")),
    ):
        assert client.get("/healthz").status_code == 200
