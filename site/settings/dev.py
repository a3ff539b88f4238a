"""Local development: `make run`. Debug on, SQLite under var/, mails printed to the console."""

from .base import *  # noqa: F403
from .base import VAR_DIR

DEBUG = True
# A development-only key: production.py refuses to start without its own.
SECRET_KEY = "dev-only-not-secret-d7f1b0c2e9a84f16"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
SIGNING_DEDUPE_SECRET = "dev-only-dedupe-secret"  # noqa: S105
VAR_DIR.mkdir(parents=True, exist_ok=True)

# Static files straight from the apps: no collectstatic outside production.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
