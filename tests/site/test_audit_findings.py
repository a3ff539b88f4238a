"""The audit's findings (issue 12) about the production settings and `check --deploy`: the
rate limit's set-up (finding 2) and where the dedupe key lives (finding 3).

Each test was run once against the unfixed code and failed there (moved from tests/on_demo/).
"""

import pytest

# --- Finding 2: a set-up that defeats the rate limit is warned about ----------------------------


def secret_file(text, mode=0o600):
    import os
    import tempfile

    descriptor, path = tempfile.mkstemp(prefix="eci-dedupe-key-")
    with os.fdopen(descriptor, "w") as handle:
        handle.write(text + "\n")
    os.chmod(path, mode)
    return path


RATE_ENV = {
    "DJANGO_SETTINGS_MODULE": "eci_site.settings.production",
    "SECRET_KEY": "k3y-for-checks-only-" + "x1y2z3" * 8,
    "SIGNING_DEDUPE_SECRET_FILE": secret_file("dedupe-for-checks-only-" + "a1b2" * 8),
    "ALLOWED_HOSTS": "initiatives.example.org",
    "WAGTAILADMIN_BASE_URL": "https://initiatives.example.org",
    "DATABASE_URL": "sqlite:////tmp/eci-rate-check.sqlite3",
    "REDIS_URL": "redis://127.0.0.1:1/0",  # never connected to by the checks
    "SIGNING_TRUSTED_PROXIES": "127.0.0.1",
}


def deploy_check(**overrides):
    import os
    import subprocess
    import sys

    env = {**os.environ, **RATE_ENV, **overrides}
    env = {name: value for name, value in env.items() if value is not None}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    return result.stdout + result.stderr


@pytest.mark.parametrize(
    ("overrides", "warning"),
    [
        # W001 (a per-process cache): production now refuses to start without REDIS_URL
        # (tests/site/test_deploy.py), so the settings never reach the check.
        ({"SIGNING_TRUSTED_PROXIES": ""}, "eci.W002"),
        ({"SIGNING_TRUSTED_PROXIES": "0.0.0.0/0"}, "eci.W003"),
        ({"SIGNING_CLIENT_IP_HEADER": "HTTP_X_FORWARDED_FOR"}, "eci.W004"),
    ],
)
def test_finding_2_check_deploy_warns_on_a_set_up_that_defeats_the_rate_limit(overrides, warning):
    assert warning in deploy_check(**overrides)


def test_finding_2_check_deploy_is_quiet_on_the_documented_set_up():
    assert "eci." not in deploy_check()


# --- Finding 3: the dedupe key in a file of its own, warned about when it sits with the database


def test_finding_3_production_reads_the_dedupe_key_from_its_own_file():
    import subprocess
    import sys

    key = "a-key-in-a-file-of-its-own-" + "q" * 20
    env = {**RATE_ENV, "SIGNING_DEDUPE_SECRET_FILE": secret_file(key)}
    code = f"from django.conf import settings; print(settings.SIGNING_DEDUPE_SECRET == {key!r})"
    import os

    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        env={**os.environ, **env}, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.stdout.strip().splitlines()[-1] == "True", result.stderr


@pytest.mark.parametrize(
    ("overrides", "warning"),
    [
        ({"SIGNING_DEDUPE_SECRET_FILE": "", "SIGNING_DEDUPE_SECRET": "e" * 40}, "eci.W005"),
        ({"SIGNING_DEDUPE_SECRET_FILE": secret_file("w" * 40, mode=0o644)}, "eci.W006"),
    ],
)
def test_finding_3_check_deploy_warns_when_the_dedupe_key_sits_with_the_database(
    overrides, warning
):
    assert warning in deploy_check(**overrides)
