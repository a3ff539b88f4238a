"""A partner's page on another origin frames the signing flow; a site not on the list cannot.

The site runs on http://127.0.0.1 (gunicorn, tests/browser/conftest.py); partners' pages are
served by a small http.server on other loopback addresses, which are other sites to the
browser: the frame is cross-site, as on a real partner's site.
"""

import html
import http.server
import re
import sqlite3
import threading
import urllib.request

import pytest

from tests.harness import free_port, manage

from .conftest import axe_violations, new_egn
from .test_signing_in_browser import INITIATIVE

pytestmark = pytest.mark.browser

CODE = "friends-of-air"


class PartnerPage(http.server.BaseHTTPRequestHandler):
    body = b""

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args):
        pass


def serve_partner_page(host, body):
    """A partner's site on `host` serving `body` at every path; returns (origin, server)."""
    handler = type("Page", (PartnerPage,), {"body": body.encode()})
    port = free_port()
    server = http.server.ThreadingHTTPServer((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://{host}:{port}", server


def add_partner(site_server, origin):
    """What an editor does in the initiative's admin, through the ORM (the content version
    moves on, in the server's Redis)."""
    script = (
        "from initiatives.models import Initiative, Partner\n"
        "initiative = Initiative.objects.filter(\n"
        "    pages__slug='try-signing').distinct().get()\n"
        f"Partner.objects.create(initiative=initiative, name='Friends of the air', code='{CODE}',"
        f" origin='{origin}')\n"
    )
    manage(site_server["env"], "shell", "-c", script)


def snippets(site_server):
    """The two snippets of the embed page, as a partner copies them."""
    url = site_server["url"] + INITIATIVE.format(lang="en") + f"sign/embed/?partner={CODE}"
    page = urllib.request.urlopen(url, timeout=10).read().decode()  # noqa: S310
    found = re.findall(r'<textarea id="(widget|flow)-code"[^>]*>(.*?)</textarea>', page, re.S)
    return {name: html.unescape(code) for name, code in found}


def partner_html(*snippets):
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<title>Friends of the air</title>"
        "<style>iframe{display:block;border:1px solid #c9d1dc;margin:0 0 1rem}</style></head>"
        "<body style='font-family:sans-serif;margin:0 auto;max-width:60rem;padding:1rem'>"
        "<h1>Friends of the air</h1><p>Our campaign for clean air around schools. "
        "Support the European citizens' initiative here:</p>" + "".join(snippets) + "</body></html>"
    )


@pytest.fixture(scope="module")
def partner(site_server):
    """A listed partner on 127.0.0.2, and a site that is not listed on 127.0.0.3."""
    listed_origin, listed = serve_partner_page("127.0.0.2", "")
    add_partner(site_server, listed_origin)
    codes = snippets(site_server)
    listed.RequestHandlerClass.body = partner_html(codes["widget"], codes["flow"]).encode()
    other_origin, other = serve_partner_page("127.0.0.3", partner_html(codes["flow"]))
    yield {"origin": listed_origin, "other": other_origin, "codes": codes}
    listed.shutdown()
    other.shutdown()


def statements_for(site_server, code):
    with sqlite3.connect(site_server["database"]) as database:
        (count,) = database.execute(
            "SELECT count(*) FROM signing_statement WHERE partner = ?", (code,)
        ).fetchone()
    return count


def open_the_flow(browser, partner):
    """The partner's page in a new browser context: (context, page, the signing flow's frame)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(partner["origin"] + "/campaign")
    return context, page, page.frame_locator("iframe[src*='embed=1']")


def choose(flow, country):
    flow.get_by_label(country).press("Space")
    flow.locator("form.form button[type=submit]").press("Enter")


def test_a_signature_in_a_partners_frame_counts_for_that_partner(site_server, partner, browser):
    """On the way the signer chooses the nationality again (review finding 7: that dropped the
    partner code); driven by the keyboard, as a signer without a mouse would."""
    context, page, flow = open_the_flow(browser, partner)
    choose(flow, "Germany")
    flow.get_by_role("link", name="Another nationality? Choose again").press("Enter")
    choose(flow, "Bulgaria")
    flow.locator("#id_first_names").fill("Мария")
    flow.locator("#id_family_names").fill("Георгиева")
    flow.locator("#id_document_number").fill(new_egn())
    flow.locator("#id_declaration").press("Space")
    flow.locator("#id_privacy").press("Space")
    key = flow.locator("input[name=captcha_0]").get_attribute("value")
    with sqlite3.connect(site_server["database"]) as database:
        (answer,) = database.execute(
            "SELECT response FROM captcha_captchastore WHERE hashkey = ?", (key,)
        ).fetchone()
    flow.locator("#id_captcha_1").fill(answer)
    flow.locator(".statement-form button[type=submit]").press("Enter")
    assert "Bulgaria" in flow.locator(".receipt").inner_text()
    assert page.url == partner["origin"] + "/campaign"  # the partner's page never left
    assert statements_for(site_server, CODE) == 1
    context.close()


def test_a_csrf_failure_in_a_partners_frame_shows_in_the_frame_with_what_was_typed(
    site_server, partner, browser
):
    """Review finding 4: the cookie lost (refused, or expired) between the form and sending it."""
    context, _, flow = open_the_flow(browser, partner)
    choose(flow, "Bulgaria")
    flow.locator("#id_first_names").fill("Елена")
    context.clear_cookies()
    flow.locator(".statement-form button[type=submit]").press("Enter")
    flow.get_by_text("Nothing you sent has been stored.").wait_for()
    assert flow.locator("#id_first_names").input_value() == "Елена"
    context.close()


def test_a_site_not_on_the_list_cannot_frame_the_flow(site_server, partner, browser):
    src = re.search(r'src="([^"]+)"', partner["codes"]["flow"]).group(1)
    headers = urllib.request.urlopen(html.unescape(src), timeout=10).headers  # noqa: S310
    ancestors = headers["Content-Security-Policy"].split("frame-ancestors")[1]
    assert partner["origin"] in ancestors and partner["other"] not in ancestors
    context = browser.new_context()
    page = context.new_page()
    refused = []
    page.on("console", lambda message: refused.append(message.text))
    page.goto(partner["other"] + "/campaign")
    page.wait_for_timeout(1000)
    frame = page.frames[1]
    assert frame.url != html.unescape(src) or not frame.query_selector("form")
    assert not frame.query_selector("form.form")
    assert any("frame-ancestors" in text for text in refused)
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_embeds_show_on_a_partners_page_at_every_width(
    site_server, partner, browser, width, tmp_path
):
    # bypass_csp lets the test inject axe-core into the site's pages.
    context = browser.new_context(viewport={"width": width, "height": 2000}, bypass_csp=True)
    page = context.new_page()
    page.goto(partner["origin"] + "/campaign")
    page.frame_locator("iframe[src*='widget']").locator("progress").wait_for()
    page.frame_locator("iframe[src*='embed=1']").locator("form.form").wait_for()
    # Kept in docs/screenshots/embed-partner-*.png when looked at (docs/open-data.md, embeds).
    page.screenshot(path=str(tmp_path / f"embed-partner-{width}.png"))
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    for address in (partner["codes"]["widget"], partner["codes"]["flow"]):
        page.goto(html.unescape(re.search(r'src="([^"]+)"', address).group(1)))
        assert not axe_violations(page)
    page.goto(site_server["url"] + INITIATIVE.format(lang="en") + f"sign/embed/?partner={CODE}")
    assert not axe_violations(page)
    page.screenshot(path=str(tmp_path / f"embed-page-{width}.png"), full_page=True)
    context.close()
