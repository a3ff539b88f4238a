"""Entries under the content version, copied in the process (core.content_version.VersionedCache):
a signing step reads only the version from the shared cache, and still sees every change."""

import contextlib
from unittest import mock

import pytest
from django.core.cache import cache

from core.content_version import VERSION_KEY, current_version, versioned_cache
from tests.factories import StatementFactory
from tests.signing.helpers import form_url, receipt_url

pytestmark = pytest.mark.django_db

READS = ("get", "get_many", "has_key")


def shared_reads(client, url):
    """The status of GET url, and the reads of the shared cache it made (one for each call: the
    test settings' local-memory cache answers get_many with its own get)."""
    reads, depth = [], [0]

    def counted(method):
        def read(*args, **kwargs):
            if not depth[0]:
                reads.append(method.__name__)
            depth[0] += 1
            try:
                return method(*args, **kwargs)
            finally:
                depth[0] -= 1

        return read

    with contextlib.ExitStack() as stack:
        for name in READS:
            stack.enter_context(mock.patch.object(cache, name, counted(getattr(cache, name))))
        status = client.get(url).status_code
    return status, len(reads)


def test_a_signing_form_and_a_receipt_read_only_the_version(client, initiative, signing_page):
    """Once this process has served them, the route, the view restrictions, the signing state
    and the blank form's or receipt's page are its own copies: one read, the version."""
    first, second = StatementFactory.create_batch(2, initiative=initiative, country="BG")
    for url in (form_url(signing_page, "BG"), receipt_url(signing_page, first.id)):
        assert shared_reads(client, url)[0] == 200
    assert shared_reads(client, form_url(signing_page, "BG")) == (200, 1)
    assert shared_reads(client, receipt_url(signing_page, second.id)) == (200, 1)


def test_a_version_set_by_another_process_is_seen_at_once(client, initiative, signing_page):
    """Another process's change sets a new version in the shared cache only: the copies kept
    here under the old one are never served again."""
    url = form_url(signing_page, "BG")
    assert client.get(url).status_code == 200
    type(signing_page).objects.filter(pk=signing_page.pk).update(live=False)
    cache.set(VERSION_KEY, "set-by-another-process", None)
    assert client.get(url).status_code == 404


def test_each_read_gets_its_own_object():
    """A request may change what it read (Wagtail attaches things to a page); the next one must
    not see it."""
    key = f"test-entry:{current_version()}"
    versioned_cache.set(key, {"routes": []}, 60)
    versioned_cache.get(key, 60)["routes"].append("changed")
    assert versioned_cache.get(key, 60) == {"routes": []}
