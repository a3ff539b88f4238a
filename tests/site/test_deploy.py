"""Production settings: secure, read from the environment, and refusing insecure defaults."""

import os
import secrets
import subprocess
import sys
import tempfile

import pytest
from django.core.management import call_command


def secret_file(text):
    """A key file as docs/operations.md asks for: its own file, readable by its owner only."""
    descriptor, path = tempfile.mkstemp(prefix="eci-dedupe-key-")
    with os.fdopen(descriptor, "w") as handle:
        handle.write(text + "\n")
    os.chmod(path, 0o600)
    return path


PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "eci_site.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "SIGNING_DEDUPE_SECRET_FILE": secret_file(secrets.token_urlsafe(40)),
    "ALLOWED_HOSTS": "initiatives.example.org",
    "WAGTAILADMIN_BASE_URL": "https://initiatives.example.org",
    "DATABASE_URL": "sqlite:////tmp/eci-deploy-check.sqlite3",
    # The documented set-up: a shared cache and the proxy in front (the checks never connect).
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "SIGNING_TRUSTED_PROXIES": "127.0.0.1",
}


def manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "override",
    [
        {"SECRET_KEY": ""},
        {"SECRET_KEY": "dev-only-not-secret-d7f1b0c2e9a84f16"},
        {"SECRET_KEY": "x" * 64},
        {"ALLOWED_HOSTS": ""},
        {"SIGNING_DEDUPE_SECRET_FILE": secret_file("short")},
        {"SIGNING_DEDUPE_SECRET_FILE": "/nonexistent/eci-dedupe-key"},
        {"REDIS_URL": ""},  # several processes need one shared cache
        {"WAGTAILADMIN_BASE_URL": ""},  # exports would name pages at http://localhost
        {"WAGTAILADMIN_BASE_URL": "initiatives.example.org"},
    ],
)
def test_production_refuses_to_start_with_insecure_settings(override):
    result = manage("check", **{**PRODUCTION_ENV, **override})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr


@pytest.mark.django_db
def test_no_missing_migrations():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_production_runs_without_redis_only_when_it_says_it_is_one_process():
    single = manage("check", **{**PRODUCTION_ENV, "REDIS_URL": "", "SINGLE_PROCESS": "true"})
    assert single.returncode == 0, single.stderr


def test_check_deploy_warns_when_the_audio_captcha_has_no_voice():
    result = manage(
        "check", "--deploy", **PRODUCTION_ENV, CAPTCHA_ESPEAK_PATH="/nonexistent/espeak-ng"
    )
    assert "eci.W101" in result.stdout + result.stderr
