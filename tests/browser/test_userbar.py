"""Wagtail's userbar on the public pages: shown to a logged-in editor under the site's own CSP."""

import pytest

from .conftest import add_user, log_in

pytestmark = pytest.mark.browser

PAGES = ["/en/", "/en/initiatives/clean-air-around-every-school/", "/bg/news/"]

# Records what the browser refuses under the page's Content-Security-Policy.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


@pytest.fixture(scope="module")
def editor(site_server):
    return add_user(site_server, "userbar-editor")


def watched_page(browser):
    # No bypass_csp here: the policy the site sends is the one under test.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    errors = []
    # Script errors, and any console error about the policy; a missing favicon is not one.
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and "Content Security Policy" in message.text
            and errors.append(message.text)
        ),
    )
    return context, page, errors


def test_an_editor_sees_the_userbar_with_no_csp_violation(site_server, browser, editor):
    context, page, errors = watched_page(browser)
    log_in(page, site_server, editor)
    errors.clear()  # the admin is not under the site's policy
    for path in PAGES:
        page.goto(site_server["url"] + path)
        page.wait_for_load_state("networkidle")
        assert "unsafe-inline" not in page.evaluate(
            "async () => (await fetch(location.href)).headers.get('content-security-policy')"
        )
        trigger = page.locator("wagtail-userbar [data-wagtail-userbar-trigger]")
        assert trigger.is_visible(), path
        trigger.click()
        assert page.locator("wagtail-userbar #wagtail-userbar-items").is_visible(), path
        # Its stylesheet applied inside the userbar's shadow root (the trigger is round).
        radius = trigger.evaluate("element => getComputedStyle(element).borderRadius")
        assert radius not in ("", "0px"), path
        assert page.evaluate("window.__cspViolations") == [], path
        assert errors == [], path
    context.close()


def test_anonymous_visitors_get_no_userbar_after_an_editors_visit(site_server, browser, editor):
    # The editor's visit above (or here) fills the chrome cache; a visitor must not inherit it.
    context, page, errors = watched_page(browser)
    for path in PAGES:
        response = page.goto(site_server["url"] + path)
        assert "userbar" not in response.text(), path
        assert page.locator("wagtail-userbar").count() == 0, path
        assert page.evaluate("window.__cspViolations") == [], path
    assert errors == []
    context.close()
