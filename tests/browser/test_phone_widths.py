"""Phones of 320 and 360 px in all 24 languages: the initiative page, the choice of nationality
and a Part A form (Germany's, sent back with its errors) never scroll sideways; axe-core finds
nothing on them in light and dark mode; screenshots of the form with errors for the docs."""

import os
from pathlib import Path

import pytest

from tests.harness import ROOT
from tests.translators.test_catalogues import EU_LANGUAGES

from .conftest import axe_violations
from .test_signing_in_browser import INITIATIVE

pytestmark = pytest.mark.browser

WIDTHS = (320, 360)
SCREENSHOTS = ROOT / "docs" / "screenshots"


def pages_of(site_server, lang):
    initiative = site_server["url"] + INITIATIVE.format(lang=lang)
    return {"initiative": initiative, "nationality": initiative + "sign/",
            "form": initiative + "sign/de/"}  # fmt: skip


def with_errors(page, url):
    """The form sent back with its errors (nothing typed but a wrong postal code and date)."""
    page.goto(url)
    page.fill("#id_postal_code", "1011")
    page.fill("#id_date_of_birth", "31.13.1990")
    page.locator("form.statement-form button[type=submit]").click()
    page.wait_for_selector("#error-summary")


def overflow(page, width):
    """What sticks out beyond the viewport, if anything: the widest elements, for the message."""
    return page.evaluate(
        """(width) => document.documentElement.scrollWidth <= width ? [] :
            [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > width + 0.5)
              .slice(-4).map(e => e.tagName + '.' + e.className + ' ' +
                             Math.round(e.getBoundingClientRect().right))""",
        width,
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_of_the_signing_path_scrolls_sideways_in_any_language(site_server, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 740}, is_mobile=True)
    page = context.new_page()
    sideways = {}
    for lang in sorted(EU_LANGUAGES):
        for name, url in pages_of(site_server, lang).items():
            if name == "form":
                with_errors(page, url)
            else:
                page.goto(url)
            if found := overflow(page, width):
                sideways[f"{lang} {name}"] = found
    context.close()
    assert sideways == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_signing_path_is_axe_clean_in_light_and_dark_mode(site_server, browser, scheme):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, color_scheme=scheme, bypass_csp=True
    )
    page = context.new_page()
    problems = {}
    for lang in ("bg", "de", "fi", "sk", "en"):
        for name, url in pages_of(site_server, lang).items():
            if name == "form":
                with_errors(page, url)
            else:
                page.goto(url)
            if violations := axe_violations(page):
                problems[f"{lang} {name}"] = violations
    context.close()
    assert problems == {}


FORMS = {"bg": "bg", "de": "de", "fi": "fi", "sk": "sk"}  # language: the form shown


@pytest.mark.parametrize("lang", sorted(FORMS))
def test_screenshots_of_the_form_with_errors(site_server, browser, lang, tmp_path):
    """Phone and desktop pictures of the form with its errors, into docs/screenshots/ when
    SAVE_SCREENSHOTS is set (looked at by a person; see docs/signing.md)."""
    target = SCREENSHOTS if os.environ.get("SAVE_SCREENSHOTS") else Path(tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    url = site_server["url"] + INITIATIVE.format(lang=lang) + f"sign/{FORMS[lang]}/"
    for device, viewport in (("phone", (360, 740)), ("desktop", (1280, 900))):
        context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        page = context.new_page()
        page.goto(url)
        page.locator("form.statement-form button[type=submit]").click()
        page.wait_for_selector("#error-summary")
        page.screenshot(path=str(target / f"form-errors-{lang}-{device}.png"), full_page=True)
        context.close()
