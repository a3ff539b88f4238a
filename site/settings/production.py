"""Production: everything comes from the environment, and insecure defaults refuse to start.

See docs/operations.md, "Settings", for the list of variables.
"""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import BASE_DIR, VAR_DIR, env_list, frontend_cache_backend, with_engine_options


def required(name):
    value = os.environ.get(name, "")
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set in production.")
    return value


DEBUG = False
SECRET_KEY = required("SECRET_KEY")
if (
    len(SECRET_KEY) < 50
    or len(set(SECRET_KEY)) < 5
    or SECRET_KEY.startswith(("dev-", "test-", "django-insecure"))
):
    raise ImproperlyConfigured("SECRET_KEY is too short or is a development key.")


def dedupe_secret():
    """The duplicate-detection key, and where it came from: a file of its own (readable by the
    site's user only, kept apart from DATABASE_URL and backups of the database), or, for
    development and benchmarks, the environment (check --deploy then warns: eci.W005)."""
    path = os.environ.get("SIGNING_DEDUPE_SECRET_FILE", "")
    if not path:
        if not os.environ.get("SIGNING_DEDUPE_SECRET"):
            raise ImproperlyConfigured(
                "SIGNING_DEDUPE_SECRET_FILE (the path of the duplicate-detection key) must be set"
                " in production."
            )
        return os.environ["SIGNING_DEDUPE_SECRET"], "environment"
    try:
        with open(path, encoding="utf-8") as secret_file:
            return secret_file.read().strip(), path
    except (OSError, UnicodeDecodeError) as error:
        raise ImproperlyConfigured(
            f"SIGNING_DEDUPE_SECRET_FILE: cannot read {path} ({type(error).__name__})."
        ) from None


SIGNING_DEDUPE_SECRET, SIGNING_DEDUPE_SECRET_SOURCE = dedupe_secret()
if len(SIGNING_DEDUPE_SECRET) < 32:
    raise ImproperlyConfigured(
        "The dedupe key (SIGNING_DEDUPE_SECRET) must be 32 characters at least."
    )
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the host names the site answers to.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
# The site's public address: the exports for the authorities and the admin's mails name pages
# by it (organisers/records.py), never by Wagtail's Site record, which says localhost until
# someone edits it. No default: a wrong address in an export is worse than a refusal to start.
WAGTAILADMIN_BASE_URL = required("WAGTAILADMIN_BASE_URL").rstrip("/")
if not WAGTAILADMIN_BASE_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured(
        "WAGTAILADMIN_BASE_URL must be the site's public address, e.g. https://initiatives.example.org"
    )

DATABASES = {
    "default": with_engine_options(
        dj_database_url.config(
            default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
            conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
            conn_health_checks=True,
        )
    )
}

# One truth for all processes: pages, routes, the content version and the counts snapshot live
# in one shared cache, so that a publication, an unpublication or a closed collection is seen by
# every worker at once. A per-process cache is allowed only when the site says it runs as one.
SINGLE_PROCESS = os.environ.get("SINGLE_PROCESS", "false").lower() == "true"
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            # Django's Redis backend, degrading to no cache while Redis is unreachable.
            "BACKEND": "core.cache_backend.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": RELEASE,  # noqa: F405
            "OPTIONS": {
                "socket_connect_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.25")),
                "socket_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.25")),
            },
        }
    }
elif not SINGLE_PROCESS:
    raise ImproperlyConfigured(
        "Set REDIS_URL: several processes need one shared cache (or SINGLE_PROCESS=true for a "
        "site served by exactly one process, e.g. gunicorn --workers 1)."
    )
else:
    # One process serves, but another runs the periodic jobs (manage.py run_periodic_jobs): a
    # page it publishes on schedule must reach the server at once, so the cache they share is
    # on disk, not in one process's memory.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
            "KEY_PREFIX": RELEASE,  # noqa: F405
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }

# A CDN in front, purged on publication like the server's own page cache (docs/operations.md).
FRONTEND_CACHE = os.environ.get("FRONTEND_CACHE", "")
if FRONTEND_CACHE:
    INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.frontend_cache"]  # noqa: F405
    WAGTAILFRONTENDCACHE = {"default": frontend_cache_backend(FRONTEND_CACHE)}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "false").lower() == "true"
# Mail is sent after the request (outbox/), but a stuck SMTP server must not hold a sender.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405

STATIC_ROOT = os.environ.get("STATIC_ROOT", str(BASE_DIR / "static_collected"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# TLS is terminated in front of the application server (docs/deployment.md): trust its header.
# HTTPS_ONLY=false serves plain HTTP on a loopback address, for the browser tests and
# benchmarks only: never on a public address.
HTTPS_ONLY = os.environ.get("HTTPS_ONLY", "true").lower() == "true"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS_ONLY
# A load balancer's or container engine's health check asks the app server itself, over HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000")) if HTTPS_ONLY else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = HTTPS_ONLY
CSRF_COOKIE_SECURE = HTTPS_ONLY
