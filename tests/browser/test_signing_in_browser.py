"""Signing as a citizen would: in chromium, against gunicorn, ending on the receipt."""

import re
import sqlite3

import pytest

from .conftest import axe_violations, new_egn, with_wrong_check_digit

pytestmark = pytest.mark.browser

INITIATIVE = "/{lang}/initiatives/try-signing/"


def captcha_answer(site_server, page):
    """Read the challenge's answer from the server's database, as only a test can."""
    key = page.get_attribute("input[name=captcha_0]", "value")
    with sqlite3.connect(site_server["database"]) as database:
        (answer,) = database.execute(
            "SELECT response FROM captcha_captchastore WHERE hashkey = ?", (key,)
        ).fetchone()
    return answer


def start(page, site_server, lang, country_label):
    page.goto(site_server["url"] + INITIATIVE.format(lang=lang))
    page.click(f".sign-by-nationality a:text-is('{country_label}')")
    assert not axe_violations(page)


def finish(page, site_server):
    page.check("#id_declaration")
    page.check("#id_privacy")
    page.fill("#id_captcha_1", captcha_answer(site_server, page))
    page.click(".statement-form button[type=submit]")
    page.wait_for_url(re.compile(r"/sign/receipt/[0-9a-f-]{36}/#receipt$"))
    assert not axe_violations(page)
    return page.inner_text("code.identifier")


def test_bulgarian_citizen_signs_in_bulgarian_with_an_egn(site_server, page):
    number = new_egn()
    start(page, site_server, "bg", "България")
    assert page.get_attribute("html", "lang") == "bg"
    assert "Единен граждански номер (ЕГН)" in page.inner_text("form.statement-form")
    assert not axe_violations(page)
    page.fill("#id_first_names", "Мария")
    page.fill("#id_family_names", "Петрова")
    page.fill("#id_document_number", with_wrong_check_digit(number))
    page.check("#id_declaration")
    page.fill("#id_captcha_1", captcha_answer(site_server, page))
    page.click(".statement-form button[type=submit]")
    assert page.evaluate("document.activeElement.id") == "error-summary"  # in view, focused
    summary = page.inner_text(".error-summary")
    assert "Този номер не е валиден" in summary
    assert page.input_value("#id_first_names") == "Мария"  # kept
    assert page.input_value("#id_captcha_1") == ""  # the CAPTCHA answer is not
    assert not axe_violations(page)
    page.fill("#id_document_number", number)
    identifier = finish(page, site_server)
    assert "България" in page.inner_text(".receipt")
    page.goto(site_server["url"] + INITIATIVE.format(lang="bg") + "sign/lookup/")
    page.fill("#id_identifier", identifier)
    page.click("form.form button[type=submit]")
    assert "България" in page.inner_text("[role=status]")
    assert not axe_violations(page)


def test_german_citizen_signs_in_english_with_an_address(site_server, page):
    start(page, site_server, "en", "Germany")
    page.fill("#id_first_names", "Jürgen")
    page.fill("#id_family_names", "Müller")
    page.fill("#id_street", "Hauptstraße")
    page.fill("#id_street_number", "12a")
    page.fill("#id_postal_code", "10115")
    page.fill("#id_city", "Berlin")
    page.select_option("#id_residence_country", "DE")
    page.fill("#id_date_of_birth", "31/12/1990")
    finish(page, site_server)
    assert "Germany" in page.inner_text(".receipt")


def test_signing_form_fits_a_phone(site_server, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, bypass_csp=True)
    page = context.new_page()
    for country in ("bg", "de", "at"):
        page.goto(site_server["url"] + INITIATIVE.format(lang="ro") + f"sign/{country}/")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        assert not axe_violations(page)
    context.close()


def test_the_captcha_plays_its_audio_in_the_page_in_the_page_s_language(site_server, page):
    page.goto(site_server["url"] + INITIATIVE.format(lang="ro") + "sign/bg/")
    audio = page.get_attribute(".captcha-audio audio[controls]", "src")
    assert audio.startswith("/captcha/audio/ro/")
    response = page.request.get(site_server["url"] + audio)
    assert response.status == 200
    assert response.headers["content-type"] == "audio/wav"
    # The browser itself decodes it: a clip it can play, of several seconds.
    seconds = page.evaluate(
        """async (src) => {
            const media = document.querySelector('.captcha-audio audio');
            media.preload = 'auto';
            media.load();
            await new Promise((done, fail) => {
                media.addEventListener('loadedmetadata', done, {once: true});
                media.addEventListener('error', fail, {once: true});
            });
            return media.duration;
        }""",
        audio,
    )
    assert 4 < seconds < 20
