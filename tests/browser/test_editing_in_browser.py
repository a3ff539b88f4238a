"""The editors' admin in a real browser: what the test client cannot see (framing) (issue 24)."""

import sqlite3

import pytest

from tests.harness import ROOT

from .conftest import add_user, log_in

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "docs" / "screenshots"


@pytest.fixture(scope="module")
def superuser(site_server):
    return add_user(site_server, "browser-editor")


def page_id(site_server, url_path):
    with sqlite3.connect(site_server["database"]) as db:
        return db.execute(
            "SELECT id FROM wagtailcore_page WHERE url_path = ?", (url_path,)
        ).fetchone()[0]


PREVIEW_TEXT = """() => {
    const frame = document.querySelector('#w-preview-iframe');
    try { return frame.contentDocument.body.innerText; } catch (error) { return ''; }
}"""


def preview_shows(page, text):
    """Open the preview panel and wait until its frame shows `text`; return the frame's text.
    A frame the browser refuses to show has no document the admin can read."""
    page.click('[data-side-panel-toggle="preview"]')
    page.wait_for_function(f"() => ({PREVIEW_TEXT})().includes({text!r})", timeout=15000)
    return page.evaluate(PREVIEW_TEXT)


@pytest.mark.parametrize("width", [1280, 390])
def test_the_live_preview_panel_shows_the_page_being_edited(browser, site_server, superuser, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    refused = []
    page.on("console", lambda m: "frame" in m.text.lower() and refused.append(m.text))
    log_in(page, site_server, superuser)
    pk = page_id(site_server, "/home/initiatives/clean-air-around-every-school/")
    page.goto(f"{site_server['url']}/admin/pages/{pk}/edit/")
    page.fill("#id_title", "Clean air around every school, previewed")
    assert "Find an initiative" in preview_shows(page, "every school, previewed")  # the site chrome
    assert refused == []
    page.screenshot(path=f"{SCREENSHOTS}/admin-preview-panel-{width}.png")
    context.close()


def test_the_site_identity_preview_shows_the_header(browser, site_server, superuser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    log_in(page, site_server, superuser)
    with sqlite3.connect(site_server["database"]) as db:
        (pk,) = db.execute(
            "SELECT identity.id FROM home_siteidentity identity JOIN wagtailcore_locale locale"
            " ON locale.id = identity.locale_id WHERE locale.language_code = 'en'"
        ).fetchone()
    page.goto(f"{site_server['url']}/admin/snippets/home/siteidentity/edit/{pk}/")
    page.fill("#id_site_name", "A previewed site name")
    preview_shows(page, "A previewed site name")
    context.close()
