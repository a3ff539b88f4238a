"""Caches keyed by what they depend on: the release in every key (core/release.py), the host and
scheme in the keys of pages built once (signing.blank_form.built_once), and every model cached
pages read declared (core.content_version; the list: tests/demo/test_cached_pages_read.py)."""

import os
import re

import pytest
from django.core.cache import caches
from django.test import override_settings

from core import release
from core.content_version import versioned_cache
from tests.factories import InitiativePageFactory, TopicFactory
from tests.signing.helpers import form_url

pytestmark = pytest.mark.django_db

FOREIGN = "localhost:6666"


def test_a_foreign_host_never_enters_a_page(client, signing_page):
    """A request with another Host (one ALLOWED_HOSTS lets through: the port is not checked)
    builds the form for that host alone; the next signer's page names the site's own."""
    url = form_url(signing_page, "BG")
    foreign = client.get(url, HTTP_HOST=FOREIGN).content.decode()
    assert FOREIGN in foreign  # the page's own absolute links name the host it was asked for
    page = client.get(url).content.decode()
    assert FOREIGN not in page


def test_a_topic_change_is_seen_at_once(client, initiative_page):
    topic = TopicFactory(name="Clean air")
    page = InitiativePageFactory(
        parent=initiative_page.get_parent(), title="Quiet streets", topics=[topic]
    )
    assert "Clean air" in client.get(page.url).content.decode()
    topic.name = "Clean air and water"
    topic.save()
    assert "Clean air and water" in client.get(page.url).content.decode()


def test_the_release_digest_changes_with_any_template(tmp_path):
    (tmp_path / "templates").mkdir()
    template = tmp_path / "templates" / "page.html"
    template.write_text("<p>one</p>")
    (tmp_path / "var").mkdir()
    before = release.release_id(tmp_path)
    (tmp_path / "var" / "db.sqlite3").write_text("data is not the release")
    assert release.release_id(tmp_path) == before
    template.write_text("<p>two</p>")
    assert release.release_id(tmp_path) != before


def test_a_template_change_is_served_at_once_after_a_restart(
    client, signing_page, settings, tmp_path
):
    """The blank form is built once and kept; a restart on a changed template computes another
    release, and the page is built anew from the new template (no old entry is read)."""
    # Every key starts with the release, computed from the files at start-up.
    assert settings.CACHES["default"]["KEY_PREFIX"] == settings.RELEASE
    assert re.fullmatch(r"[0-9a-f]{12}", settings.RELEASE) or os.environ.get("RELEASE")
    url = form_url(signing_page, "BG")
    assert "New wording" not in client.get(url).content.decode()
    changed = tmp_path / "signing"
    changed.mkdir()
    original = (settings.BASE_DIR / "templates" / "signing" / "statement_form.html").read_text()
    (changed / "statement_form.html").write_text(
        original.replace(
            "{% block signing_content %}", "{% block signing_content %}<p>New wording</p>", 1
        )
    )
    templates = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    with override_settings(TEMPLATES=templates):
        # The same release: the page kept is the old one.
        assert "New wording" not in client.get(url).content.decode()
        # A restart: another release in every key, and this process's copies gone with it.
        restarted = {"default": {**settings.CACHES["default"], "KEY_PREFIX": "next-release"}}
        with override_settings(CACHES=restarted):
            versioned_cache.forget()
            assert "New wording" in client.get(url).content.decode()
            caches["default"].clear()
