"""The law's route in chromium, against the demo as `make run` builds it: the central-system
initiative's call to sign leads into the Commission's central system in the reader's language
(counted, without a cookie), and the test collection runs the whole signing path on this site,
saying on every step that it is a test."""

import sqlite3

import pytest

from .conftest import axe_violations, new_egn
from .test_signing_in_browser import captcha_answer

pytestmark = pytest.mark.browser

CENTRAL = "https://eci.ec.europa.eu/001/public/"


def click_throughs(site_server):
    with sqlite3.connect(site_server["database"]) as database:
        (total,) = database.execute(
            "SELECT coalesce(sum(c.count), 0) FROM initiatives_clickthroughcounter c"
            " JOIN initiatives_initiative i ON i.id = c.initiative_id"
            " WHERE i.registration_number = 'DEMO(2026)000001' AND c.partner = ''"
        ).fetchone()
    return total


@pytest.mark.parametrize("width", [360, 1280])
def test_the_demo_initiative_calls_to_sign_on_the_central_system_in_the_readers_language(
    site_server, browser, width, tmp_path
):
    context = browser.new_context(bypass_csp=True, viewport={"width": width, "height": 900})
    page = context.new_page()
    # No machine here reaches the Commission: its signing page is answered in the browser.
    reached = []

    def central_system(route):
        reached.append(route.request.url)
        route.fulfill(body="The central system's signing page")

    page.route(CENTRAL + "**", central_system)
    page.goto(site_server["url"] + "/de/initiatives/clean-air-around-every-school/")
    call = page.get_by_role("link", name="Im zentralen System der Kommission unterzeichnen")
    assert "Europäischen Kommission" in page.inner_text(".support-box")
    assert not axe_violations(page)
    # Kept in docs/screenshots/law-route-*.png when looked at.
    page.screenshot(path=str(tmp_path / f"law-route-call-to-sign-{width}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    before = click_throughs(site_server)
    call.click()
    page.wait_for_url(CENTRAL + "?lg=de")
    assert reached == [CENTRAL + "?lg=de"]
    assert click_throughs(site_server) == before + 1
    assert context.cookies() == []  # neither the site nor the redirect set one
    context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_the_test_collection_runs_the_whole_signing_path_and_says_so(
    site_server, browser, width, tmp_path
):
    context = browser.new_context(bypass_csp=True, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site_server["url"] + "/fr/initiatives/try-signing/")
    notice = "Ceci est une collecte de test (Démonstration), pas une véritable initiative"
    assert notice in page.inner_text(".notice--test")
    page.click(".sign-by-nationality a:text-is('Bulgarie')")
    assert notice in page.inner_text(".notice--test")
    assert not axe_violations(page)
    page.fill("#id_first_names", "Мария" if width == 360 else "Иван")
    page.fill("#id_family_names", "Петрова" if width == 360 else "Стоянов")
    page.fill("#id_document_number", new_egn())
    page.check("#id_declaration")
    page.check("#id_privacy")
    page.fill("#id_captcha_1", captcha_answer(site_server, page))
    page.click(".statement-form button[type=submit]")
    page.wait_for_url("**/sign/receipt/**")
    assert notice in page.inner_text(".notice--test")  # the receipt too
    assert "Bulgarie" in page.inner_text(".receipt")
    assert not axe_violations(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(tmp_path / f"law-route-test-receipt-{width}.png"), full_page=True)
    context.close()
