"""A petition on a 390-px phone, in English and Bulgarian: the demo petition's page, its form,
the mail through the site's real SMTP path, the link, the confirmation and the count; and its
form in a partner's frame on another site, counted for the partner once confirmed."""

import html
import re
import sqlite3
import time
import urllib.request
from urllib.parse import urlsplit

import pytest

from tests.harness import manage

from .conftest import axe_violations
from .test_embedding_in_browser import partner_html, serve_partner_page
from .test_signing_in_browser import captcha_answer

pytestmark = pytest.mark.browser

PETITION = "/{lang}/petitions/safe-cycling-to-every-school/"
PHONE = {"width": 390, "height": 844}
LINK = re.compile(r"https?://\S+?(/\w\w/petitions/\S+/confirm/[A-Za-z0-9_-]{43}/)")


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, bypass_csp=True)
    yield context.new_page()
    context.close()


def mail_to(mail_server, address, seconds=30):
    """The message the site sent to `address`: the outbox sends it after the request's commit,
    in a thread of its own, so it is waited for (up to `seconds`, a bound, not a measurement)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for recipients, text in mail_server.inbox.messages:
            if address in recipients:
                return text
        time.sleep(0.1)
    raise AssertionError(f"no mail to {address}")


def counted_total(phone, url, at_least, seconds=30):
    """The open counts' total once it reaches `at_least`: a petition's figures are counted at
    most once per third of PUBLIC_COUNTS_SECONDS (petitions.figures), so a confirmation shows
    within that; waited for up to `seconds`, a bound, not a measurement."""
    deadline = time.monotonic() + seconds
    while True:
        total = phone.request.get(url).json()["total"]
        if total >= at_least or time.monotonic() > deadline:
            return total
        time.sleep(0.2)


def assert_fits_and_is_accessible(phone, step, lang):
    assert phone.get_attribute("html", "lang") == lang, step
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], step
    assert axe_violations(phone) == [], step


@pytest.mark.parametrize(("lang", "city"), [("en", "Sofia"), ("bg", "София")])
def test_a_petition_is_signed_and_confirmed_on_a_phone(site_server, mail_server, phone, lang, city):
    address = f"petition-{lang}@example.org"
    phone.goto(site_server["url"] + PETITION.format(lang=lang))
    counted_before = int(re.sub(r"\D", "", phone.inner_text(".progress-line").split()[0]))
    assert_fits_and_is_accessible(phone, "petition page", lang)
    phone.tap(".support-box a.button")
    phone.wait_for_url(re.compile(r"/sign/(#.*)?$"))
    assert_fits_and_is_accessible(phone, "form", lang)
    phone.fill("#id_given_names", "Мария" if lang == "bg" else "Maria")
    phone.fill("#id_family_names", "Петрова" if lang == "bg" else "Petrova")
    phone.select_option("#id_country", "BG")
    phone.fill("#id_city", city)
    phone.fill("#id_email", address)
    phone.tap("label[for=id_privacy]")
    phone.fill("#id_captcha_1", captcha_answer(site_server, phone))
    phone.tap("form.form button[type=submit]")
    phone.wait_for_url(re.compile(r"/sent/(#.*)?$"))
    assert_fits_and_is_accessible(phone, "check your e-mail", lang)

    (path,) = LINK.findall(mail_to(mail_server, address))
    assert urlsplit(path).path.startswith(f"/{lang}/")  # the link is in the signer's language
    phone.goto(site_server["url"] + path)
    assert_fits_and_is_accessible(phone, "confirm", lang)
    phone.tap("form.form button[type=submit]")
    phone.locator(".share-links").wait_for()  # "thank you", with the share links
    assert_fits_and_is_accessible(phone, "confirmed", lang)
    # Asked past the page cache (a query string is never cached): the figures count it.
    counts_url = site_server["url"] + PETITION.format(lang=lang) + "counts/?fresh=1"
    assert counted_total(phone, counts_url, counted_before + 1) >= counted_before + 1


PARTNER_CODE = "friends-of-air"


@pytest.fixture(scope="module")
def petition_partner(site_server):
    """The demo petition's partner on 127.0.0.2 (its page frames the petition's form, as the
    petition's embed page gives it), and a site that is not listed on 127.0.0.3."""
    listed_origin, listed = serve_partner_page("127.0.0.2", "")
    script = (
        "from petitions.models import PetitionPage, PetitionPartner\n"
        "page = PetitionPage.objects.filter(slug='safe-cycling-to-every-school').first()\n"
        "PetitionPartner.objects.create(petition_id=page.petition_id, name='Friends of the air',"
        f" code='{PARTNER_CODE}', origin='{listed_origin}')\n"
    )
    manage(site_server["env"], "shell", "-c", script)
    embed = site_server["url"] + PETITION.format(lang="en") + f"embed/?partner={PARTNER_CODE}"
    page = urllib.request.urlopen(embed, timeout=10).read().decode()  # noqa: S310
    flow = html.unescape(
        re.search(r'<textarea id="flow-code"[^>]*>(.*?)</textarea>', page, re.S)[1]
    )
    listed.RequestHandlerClass.body = partner_html(flow).encode()
    other_origin, other = serve_partner_page("127.0.0.3", partner_html(flow))
    yield {"origin": listed_origin, "other": other_origin, "flow": flow}
    listed.shutdown()
    other.shutdown()


def test_a_petition_signed_in_a_partners_frame_counts_for_the_partner_once_confirmed(
    site_server, mail_server, browser, petition_partner
):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(petition_partner["origin"] + "/campaign")
    form = page.frame_locator("iframe[src*='embed=1']")
    form.locator("#id_given_names").fill("Elena")
    form.locator("#id_family_names").fill("Popescu")
    form.locator("#id_country").select_option("RO")
    form.locator("#id_city").fill("Cluj")
    form.locator("#id_email").fill("petition-partner@example.org")
    form.locator("#id_privacy").check()
    form.get_by_label("Friends of the air, the organisation that brought me").check()
    key = form.locator("input[name=captcha_0]").get_attribute("value")
    with sqlite3.connect(site_server["database"]) as database:
        (answer,) = database.execute(
            "SELECT response FROM captcha_captchastore WHERE hashkey = ?", (key,)
        ).fetchone()
    form.locator("#id_captcha_1").fill(answer)
    form.locator("form.form button[type=submit]").press("Enter")
    form.get_by_role("heading", name="Check your e-mail").wait_for()
    assert page.url == petition_partner["origin"] + "/campaign"  # the partner's page stayed
    # The mailed link opens in a window of its own, out of the frame.
    (path,) = LINK.findall(mail_to(mail_server, "petition-partner@example.org"))
    own = context.new_page()
    own.goto(site_server["url"] + path)
    own.locator("form.form button[type=submit]").click()
    own.locator(".share-links").wait_for()
    with sqlite3.connect(site_server["database"]) as database:
        signatures = database.execute(
            "SELECT count(*) FROM petitions_signature WHERE partner = ? AND confirmed_on "
            "IS NOT NULL", (PARTNER_CODE,)
        ).fetchone()  # fmt: skip
        listed = database.execute(
            "SELECT count(*) FROM petitions_updatesaddress WHERE partner = ? AND signature_id "
            "IS NULL", (PARTNER_CODE,)
        ).fetchone()  # fmt: skip
    assert signatures == (1,) and listed == (1,)
    context.close()


def test_a_site_not_among_the_petitions_partners_cannot_frame_its_form(petition_partner):
    src = html.unescape(re.search(r'src="([^"]+)"', petition_partner["flow"])[1])
    headers = urllib.request.urlopen(src, timeout=10).headers  # noqa: S310
    ancestors = headers["Content-Security-Policy"].split("frame-ancestors")[1]
    assert petition_partner["origin"] in ancestors and petition_partner["other"] not in ancestors
