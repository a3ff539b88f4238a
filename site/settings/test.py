"""The test suite. SQLite in memory unless DATABASE_URL points elsewhere (PostgreSQL in CI)."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import dj_database_url

from .base import *  # noqa: F403
from .base import with_engine_options

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
SIGNING_DEDUPE_SECRET = "test-only-dedupe-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": with_engine_options(dj_database_url.config(conn_max_age=0))}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CAPTCHA_TEST_MODE = False

# Static files straight from the apps: no collectstatic outside production.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Tests switch the rate limit on where they test it.
SIGNING_RATE_LIMIT = ""
# A folder of its own for each run: runs side by side (SQLite and PostgreSQL, two checkouts)
# would otherwise overwrite each other's demo keys.
DEMO_KEY_DIR = Path(tempfile.mkdtemp(prefix="eci-test-keys-"))
# Gone with the process that made it (each process of a run makes its own).
atexit.register(shutil.rmtree, DEMO_KEY_DIR, ignore_errors=True)

# Paper forms are drawn ahead in a thread after each change to an initiative (about 0.2 s each,
# 27 per language): the tests that test it switch it on.
PAPER_FORMS_BUILD_AFTER_CHANGE = False
