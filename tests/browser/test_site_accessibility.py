"""Every page type in every demo language: no WCAG 2.1 A/AA violation, usable at 360 px."""

import pytest

from .conftest import axe_violations

pytestmark = pytest.mark.browser

PAGES = [
    "/{lang}/",
    "/{lang}/initiatives/",
    "/{lang}/initiatives/clean-air-around-every-school/",
    "/{lang}/initiatives/public-data-open-by-default/",
    "/{lang}/initiatives/try-signing/",
    "/{lang}/organise/prepare-online-collection-system/",
    "/{lang}/news/",
    "/{lang}/about/",
    "/{lang}/contact/",
    "/{lang}/search/?q=initiative",
    "/{lang}/sitemap/",
    "/{lang}/no-such-page/",
]


@pytest.mark.parametrize("lang", ["en", "bg", "ro"])
def test_pages_have_no_wcag_violations(site_server, page, lang):
    problems = {}
    for path in PAGES:
        page.goto(site_server["url"] + path.format(lang=lang))
        assert page.get_attribute("html", "lang") == lang
        violations = axe_violations(page)
        if violations:
            problems[path] = violations
    assert problems == {}


def test_pages_fit_a_360_pixel_screen(site_server, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    for path in PAGES:
        page.goto(site_server["url"] + path.format(lang="bg"))
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} scrolls sideways ({width}px)"
    context.close()


def test_skip_link_and_keyboard_navigation(site_server, page):
    page.goto(site_server["url"] + "/en/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_language_switcher_keeps_the_page(site_server, page):
    page.goto(site_server["url"] + "/en/organise/prepare-online-collection-system/")
    page.keyboard.press("Tab")  # the switcher opens from the keyboard
    page.focus("nav.language-switcher summary")
    page.keyboard.press("Enter")
    page.click("nav.language-switcher >> text=български")
    assert page.url.endswith("/bg/organise/prepare-online-collection-system/")
    assert page.get_attribute("html", "lang") == "bg"
    assert "Създаване на система за събиране на изявления онлайн" in page.inner_text("h1")


def test_an_interface_only_language_keeps_its_interface_across_links(site_server, page):
    page.goto(site_server["url"] + "/mt/initiatives/try-signing/sign/")
    assert page.get_attribute("html", "lang") == "mt"
    assert page.is_visible(".notice--language")
    page.click("text=Kompli")  # Continue, without choosing: a translated error, still in Maltese
    assert "/mt/" in page.url and page.get_attribute("html", "lang") == "mt"
    assert page.is_visible("#error-summary, .error-summary")
