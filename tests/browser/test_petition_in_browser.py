"""A petition on a 390-px phone, in English and Bulgarian: the demo petition's page, its form,
the mail through the site's real SMTP path, the link, the confirmation and the count."""

import re
import time
from urllib.parse import urlsplit

import pytest

from .conftest import axe_violations
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
    # The page cache renews counts pages within PUBLIC_COUNTS_SECONDS; the open counts say it
    # at once when asked past the cache (a query string is never cached).
    counts = phone.request.get(
        site_server["url"] + PETITION.format(lang=lang) + "counts/?fresh=1"
    ).json()
    assert counts["total"] >= counted_before + 1
