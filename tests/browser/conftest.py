"""The browser suite: Debian's chromium, driven by Playwright, against the site served by gunicorn.

The server runs on its own SQLite database, built by the same commands a new user runs (migrate,
load_demo), so these tests see the site exactly as a citizen would.
"""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.process_harness import RedisServer

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def site_server(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("site")
    redis = RedisServer(var_dir)  # production requires a shared cache
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "eci_site.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SIGNING_DEDUPE_SECRET": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{var_dir / 'db.sqlite3'}",
        "STATIC_ROOT": str(var_dir / "static"),
        "ECI_VAR_DIR": str(var_dir),
        "HTTPS_ONLY": "false",
        "REDIS_URL": redis.url,
    }
    for command in (["migrate", "--no-input"], ["collectstatic", "--no-input"], ["load_demo"]):
        subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True,
            capture_output=True,
        )  # fmt: skip
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "eci_site.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base_url + "/robots.txt", timeout=2)  # noqa: S310
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError("gunicorn did not start") from None
            time.sleep(0.3)
    yield {"url": base_url, "database": var_dir / "db.sqlite3", "env": env}
    server.terminate()
    try:
        server.wait(timeout=30)  # gunicorn's graceful stop; a loaded machine can take a while
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
    redis.stop()


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
