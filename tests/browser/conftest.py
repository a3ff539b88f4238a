"""The browser suite: Debian's chromium, driven by Playwright, against the site served by gunicorn.

The server runs on its own SQLite database, built by the same commands a new user runs (migrate,
load_demo), so these tests see the site exactly as a citizen would.
"""

import itertools
import secrets
import sqlite3
from pathlib import Path

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django_otp.oath import totp
from stdnum.bg import egn

from tests.harness import ROOT, RedisServer, served_site, site_database
from tests.mail import SMTPServer

CHROMIUM = "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


# One served site takes one statement per person for the whole session: a signer typed twice, in
# two files, is refused as a duplicate in whichever runs second. Tests that need a new signer
# draw a valid ЕГН (Bulgarian personal number) here, each one born on a day no other test uses.
_BIRTH_DAYS = itertools.count(1)


def new_egn():
    """A valid ЕГН no other test of this session has signed with (born in 1990, days apart)."""
    day = next(_BIRTH_DAYS)
    month, day_of_month = divmod(day - 1, 28)
    number = f"90{month + 1:02d}{day_of_month + 1:02d}000"
    return number + egn.calc_check_digit(number)


def with_wrong_check_digit(number):
    """The number as a signer mistyping its last digit would send it: invalid."""
    return number[:-1] + str((int(number[-1]) + 1) % 10)


@pytest.fixture(scope="session")
def mail_server():
    """Where the served site sends its mail: a real SMTP server in this process."""
    with SMTPServer() as server:
        yield server


@pytest.fixture(scope="session")
def site_server(mail_server):
    # Production requires a shared cache: a private Redis. gthread workers: with sync workers,
    # the connections chromium opens ahead and leaves unused held both workers, and a partner's
    # page (two frames of the site) waited 30 s for the next step (tests/harness.py, Gunicorn).
    mail = {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": mail_server.host,
        "EMAIL_PORT": str(mail_server.port),
    }
    with RedisServer() as redis, served_site(redis, threads=4, **mail) as (env, [site]):
        yield {"url": site.url(""), "database": site_database(env), "env": env}


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run `bash .ci/browser` (make test-browser).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    # bypass_csp lets the tests inject axe-core; the site itself never runs inline scripts.
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def axe_violations(page):
    """WCAG 2.0/2.1 level A and AA violations on the page, as reported by axe-core."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}
        })"""
    )
    return [
        f"{violation['id']}: {[node['target'] for node in violation['nodes']][:3]}"
        for violation in result["violations"]
    ]


def add_user(site_server, username, superuser=True):
    """A user of the served site, written into its database; {"username", "password", "id"}."""
    password = secrets.token_urlsafe(16)
    hashed = PBKDF2PasswordHasher().encode(password, secrets.token_hex(8))
    with sqlite3.connect(site_server["database"]) as db:
        cursor = db.execute(
            "INSERT INTO auth_user (password, is_superuser, username, first_name, last_name, "
            "email, is_staff, is_active, date_joined) "
            "VALUES (?, ?, ?, '', '', ?, 1, 1, CURRENT_TIMESTAMP)",
            (hashed, int(superuser), username, f"{username}@localhost"),
        )
        # A TOTP device of its own: accounts that reach statements or publish give a second
        # factor (core/admin_door.py).
        key = secrets.token_hex(20)
        db.execute(
            "INSERT INTO otp_totp_totpdevice (user_id, name, confirmed, key, step, t0, digits, "
            "tolerance, drift, last_t, throttling_failure_count) "
            "VALUES (?, 'phone', 1, ?, 30, 0, 6, 1, 0, -1, 0)",
            (cursor.lastrowid, key),
        )
    return {"username": username, "password": password, "id": cursor.lastrowid, "totp": key}


def log_in(page, site_server, user):
    """Through the login form, and the second factor's when the account needs one."""
    # django-otp takes each time step's code once: a second log-in within the same 30 s would
    # be refused. The device forgets the step it last took, as a new time step would.
    with sqlite3.connect(site_server["database"]) as db:
        db.execute("UPDATE otp_totp_totpdevice SET last_t = -1 WHERE user_id = ?", (user["id"],))
    page.goto(site_server["url"] + "/admin/login/")
    page.fill("input[name=username]", user["username"])
    page.fill("input[name=password]", user["password"])
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: url.endswith("/admin/") or "/admin/2fa/auth" in url)
    if "/admin/2fa/auth" in page.url:
        page.fill("input[name=otp_token]", f"{totp(bytes.fromhex(user['totp'])):06d}")
        page.click("button[type=submit]")
        page.wait_for_url("**/admin/")
