"""An initiative translated into a new content language, end to end in chromium (issue 24).

An editor imports an initiative from the Commission's register (a local fake), gives its page a
summary while watching the preview panel, publishes it and adds its signing page; a coordinator
starts Finnish in Settings → Locales and the Finnish page exists at once (a mirror, marked as
English); a Finnish translator translates it with machine translation from a fake DeepL on
127.0.0.1, cannot publish and submits it for review (Wagtail's workflow "Translation review
(fi)"); a Finnish reviewer approves it from the dashboard, which publishes it; the public Finnish
page shows the translation and its signing link, which leads to the central system in Finnish.
Screenshots of the translation editor at 1280 and 390 px, and of the organisers' dashboard, go
to docs/screenshots/."""

import json
import re
import sqlite3
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.fakes.commission import CommissionFake, register_details
from tests.harness import ROOT, RedisServer, served_site, site_database

from .conftest import add_user, log_in

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "docs" / "screenshots"
NUMBER = "ECI(2025)000031"
SLUG = "safe-cycling-to-every-school"
SUMMARY = "We invite the Commission to propose protected cycle lanes around every school."


class FakeDeepL(BaseHTTPRequestHandler):
    def do_POST(self):
        form = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        target = form["target_lang"][0]
        body = json.dumps(
            {"translations": [{"text": f"[{target}] {text}"} for text in form["text"]]}
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def deepl():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeDeepL)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/v2/translate"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def register():
    """The Commission's register with one initiative collecting on the central system."""
    with CommissionFake() as fake:
        fake.register["2025/000031"] = register_details(
            2025, "000031",
            versions={"en": {
                "title": "Safe cycling to every school",
                "objectives": "<p>We ask the Commission to propose protected cycle lanes.</p>",
                "supportLink": "https://eci.ec.europa.eu/061/public/",
            }},
            registrationDate="03/03/2025", startCollectionDate="01/06/2025",
            deadline="31/05/2026", status="ONGOING",
        )  # fmt: skip
        yield fake


@pytest.fixture(scope="module")
def finnish_site(deepl, register):
    """The demo with Finnish allowed as a content language but not started, DeepL on, and the
    register's fake."""
    overrides = {
        "CONTENT_LANGUAGES": "en,bg,ro,fi",
        "MACHINE_TRANSLATION": "deepl",
        "DEEPL_AUTH_KEY": "fake-key",
        "DEEPL_ENDPOINT": deepl,
        "COMMISSION_REGISTER_URL": register.url + "/core/api/register/",
        # Wagtail's autosave, which could save the new page as a draft while the test clicks
        # Publish (the add form, posted as loaded, would then find its slug taken). A person
        # types slower than the test.
        "WAGTAIL_AUTOSAVE_INTERVAL": "0",
    }
    with RedisServer() as redis, served_site(redis, threads=4, **overrides) as (env, [site]):
        yield {"url": site.url(""), "database": site_database(env)}


def query(site, sql, *args):
    with sqlite3.connect(site["database"]) as db:
        return db.execute(sql, args).fetchall()


def join_group(site, user, group_name):
    (group_id,) = query(site, "SELECT id FROM auth_group WHERE name = ?", group_name)[0]
    query(site, "INSERT INTO auth_user_groups (user_id, group_id) VALUES (?, ?)", user["id"],
          group_id)  # fmt: skip


def initiative_page_id(site, language):
    (pk,) = query(
        site, "SELECT p.id FROM wagtailcore_page p JOIN wagtailcore_locale l ON l.id = p.locale_id"
        " JOIN django_content_type t ON t.id = p.content_type_id WHERE p.slug = ?"
        " AND l.language_code = ? AND t.model = 'initiativepage'", SLUG, language,
    )[0]  # fmt: skip
    return pk


def fetch(site, path):
    with urllib.request.urlopen(site["url"] + path, timeout=20) as response:  # noqa: S310
        return response.status, response.read().decode()


def signed_in(browser, site, user, width=1280):
    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    log_in(page, site, user)
    return page


def titled(page, title):
    """A new page's title, and the slug Wagtail makes of it: made a moment after the title field
    loses focus (a debounced sync), so a Publish clicked at once sent no slug and was refused
    ("This field is required", on the Promote tab), found in two CI runs."""
    page.fill("#id_title", title)
    page.press("#id_title", "Tab")
    page.wait_for_function("document.querySelector('#id_slug').value !== ''")


def publish(page):
    """Wagtail's editor: Publish, in the footer's menu under the main button; done once the
    listing says so (a form sent back with an error is a navigation too)."""
    page.click("footer .w-dropdown__toggle")
    with page.expect_navigation():  # to the listing, once published
        page.click("footer button[name=action-publish]")
    page.locator(".messages li.success").first.wait_for()


def test_a_new_language_is_translated_reviewed_and_published(browser, finnish_site):
    site = finnish_site

    # An editor imports the initiative from the register: its record and English page.
    editor = signed_in(browser, site, add_user(site, "editor"))
    editor.goto(site["url"] + "/admin/snippets/initiatives/initiative/import/")
    editor.fill("input[name=number]", NUMBER)
    editor.get_by_role("button", name="Read the register").click()
    editor.get_by_role("button", name="Save the import").click()
    editor.wait_for_selector(f"text={NUMBER} was imported from the register.")

    # They write the page's summary, see it in the preview panel (a real frame), publish it.
    english_id = initiative_page_id(site, "en")
    editor.goto(f"{site['url']}/admin/pages/{english_id}/edit/")
    editor.fill("#id_subject_matter", SUMMARY)
    editor.click('[data-side-panel-toggle="preview"]')
    preview = editor.frame_locator("#w-preview-iframe")
    preview.locator("text=" + SUMMARY).wait_for()
    assert preview.locator("h1").inner_text() == "Safe cycling to every school"
    publish(editor)
    # And its signing page, under it: the counted link into the central system.
    editor.goto(f"{site['url']}/admin/pages/add/signing/signingpage/{english_id}/")
    titled(editor, "Sign")
    publish(editor)
    editor.context.close()
    status, html = fetch(site, f"/en/initiatives/{SLUG}/")
    assert SUMMARY in html
    assert f'href="/en/initiatives/{SLUG}/sign/central-system/"' in html

    # A coordinator starts Finnish: the whole tree exists at once, shown in English and said so.
    coordinator = add_user(site, "coordinator", superuser=False)
    join_group(site, coordinator, "Translation coordinators")
    page = signed_in(browser, site, coordinator)
    page.goto(site["url"] + "/admin/locales/new/")
    page.select_option("select[name=language_code]", "fi")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/admin/locales/")
    page.context.close()
    status, html = fetch(site, f"/fi/initiatives/{SLUG}/")
    assert status == 200
    assert 'class="notice notice--language"' in html
    assert re.search(r'<h1 lang="en">\s*Safe cycling to every school', html)

    # A Finnish translator translates the page and its signing page, with DeepL.
    translator = add_user(site, "translator-fi", superuser=False)
    join_group(site, translator, "Translators (fi)")
    finnish_id = initiative_page_id(site, "fi")
    page = signed_in(browser, site, translator)
    page.goto(f"{site['url']}/admin/pages/{finnish_id}/edit/")
    page.get_by_role("link", name="Translate this page").click()
    page.get_by_label("Include subtree").check()
    page.get_by_role("button", name="Submit").click()
    page.get_by_role("button", name="Translate with DeepL").click()
    page.wait_for_selector(f"text=[FI] {SUMMARY}")
    # They may not publish; converting back to a mirror (which publishes) is not their main
    # button either (translators/review.py).
    footer = page.locator("footer")
    assert "Publish" not in footer.inner_text()
    assert "Convert to alias page" not in footer.inner_text()
    page.reload()  # the editor as the translator finds it again, without the message
    page.wait_for_selector(f"text=[FI] {SUMMARY}")
    page.screenshot(path=str(SCREENSHOTS / "admin-translation-editor-1280.png"))
    status, html = fetch(site, f"/fi/initiatives/{SLUG}/")
    assert f"[FI] {SUMMARY}" not in html  # not public before its review
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_selector("text=This translation is waiting for its review")
    page.context.close()
    page = signed_in(browser, site, translator, width=390)
    page.goto(f"{site['url']}/admin/pages/{finnish_id}/edit/")
    page.wait_for_selector(f"text=[FI] {SUMMARY}")
    page.screenshot(path=str(SCREENSHOTS / "admin-translation-editor-390.png"))
    page.context.close()
    status, html = fetch(site, f"/fi/initiatives/{SLUG}/")
    assert f"[FI] {SUMMARY}" not in html  # still in review

    # A Finnish reviewer approves it from the dashboard: Wagtail publishes the revision.
    reviewer = add_user(site, "reviewer-fi", superuser=False)
    join_group(site, reviewer, "Reviewers (fi)")
    page = signed_in(browser, site, reviewer)
    awaiting = page.locator("section", has_text="Awaiting your review")
    awaiting.get_by_role("button", name="Actions").click()
    awaiting.get_by_role("button", name="Approve", exact=True).click()
    page.get_by_text("Awaiting your review").wait_for(state="detached")  # back, nothing waits
    page.context.close()
    assert query(site, "SELECT status FROM wagtailcore_workflowstate") == [("approved",)]

    # The public Finnish page, found from the English one (its slug is translated too): the
    # translation, and its signing link into the central system, in Finnish.
    public = browser.new_context(viewport={"width": 390, "height": 900}).new_page()
    public.goto(f"{site['url']}/en/initiatives/{SLUG}/")
    public.goto(public.locator("link[rel=alternate][hreflang=fi]").get_attribute("href"))
    assert f"[FI] {SUMMARY}" in public.locator("main").inner_text()
    sign = public.locator("main a[href$='/central-system/']")
    assert sign.get_attribute("href").startswith(urlsplit(public.url).path)
    with public.expect_request(lambda request: "eci.ec.europa.eu" in request.url) as leaving:
        public.route("https://eci.ec.europa.eu/**", lambda route: route.abort())
        sign.click()
    assert leaving.value.url == "https://eci.ec.europa.eu/061/public/?lg=fi"
    public.context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_organisers_dashboard_fits_the_screen(browser, site_server, width):
    organiser = add_user(site_server, f"organiser-{width}")
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    log_in(page, site_server, organiser)
    page.goto(site_server["url"] + "/admin/collection/")
    with page.expect_navigation():  # the index has an h1 too
        page.locator("table a").first.click()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    page.screenshot(
        path=str(SCREENSHOTS / f"admin-organisers-dashboard-{width}.png"), full_page=True
    )
    assert overflow <= 0, f"the dashboard is {overflow} px wider than the screen"
    context.close()
