"""Settings shared by every environment. Environment-specific modules import * from here."""

import datetime
import os
from pathlib import Path

from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

from core.release import release_id

BASE_DIR = Path(__file__).resolve().parents[2]
VAR_DIR = Path(os.environ.get("ECI_VAR_DIR", BASE_DIR / "var"))


def env_list(name, default):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# The project's apps, in the order their layers build on each other (see docs/architecture.md).
INSTALLED_APPS = [
    "core",
    "outbox",
    "initiatives",
    "guidance",
    "news",
    "home",
    "signing",
    "petitions",
    "organisers",
    "translators",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail_2fa",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "captcha",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.staticfiles",
    "django.forms",
]

# LocaleMiddleware sits after sessions and before CommonMiddleware so that CommonMiddleware's
# slash redirects already see the language prefix.
MIDDLEWARE = [
    # A Host outside ALLOWED_HOSTS: 400, before anything reads it (core/middleware.py).
    "core.middleware.RejectUnknownHostMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The server's page cache: stores public pages on the way out, answers from it on the way
    # in, before sessions, languages and routing (core/page_cache.py).
    "core.page_cache.UpdatePageCacheMiddleware",
    "core.page_cache.FetchFromPageCacheMiddleware",
    # Compressed once, when rendered: the page cache keeps a gzipped copy for clients that take
    # it. Pages with a CSRF token too: Django masks the token anew in every response and
    # GZipMiddleware pads each one with random bytes (BREACH); docs/deployment.md.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.route_cache.PageRouteCacheMiddleware",
    # Above CSRF: a page a partner frames gets a CSRF cookie usable there (core/middleware.py).
    "core.middleware.ContentSecurityPolicyMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The second factor of the accounts that reach statements or publish (core/admin_door.py).
    "core.admin_door.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: answers a locked-out login (core/admin_door.py).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "eci_site.urls"
WSGI_APPLICATION = "eci_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Widgets render through TEMPLATES, so templates/ can override them (the CAPTCHA's, for one).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# SQLite, the embedded default (and production's when no DATABASE_URL is given), serves several
# threads and processes (runserver, gunicorn's threads, the outbox's sender, cron's jobs). A
# transaction takes the write lock when it begins (IMMEDIATE): a deferred one that read first and
# wrote second failed with "database is locked" as soon as another had written in between.
# Write-ahead logging lets readers read while one writes.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL;",
}


def with_engine_options(database):
    """A database's settings with what its engine needs here: SQLite's options above; on
    PostgreSQL, the few statements that ask for it may be prepared (home/prepared.py) (Django
    turns preparation off for the whole connection, prepare_threshold None, which refuses it
    even where asked for; its own cursors bind on the client and never prepare)."""
    options = database.setdefault("OPTIONS", {})
    if database["ENGINE"] == "django.db.backends.postgresql":
        options["prepare_threshold"] = 5  # psycopg's default
    elif database["ENGINE"] == "django.db.backends.sqlite3":
        for name, value in SQLITE_OPTIONS.items():
            options.setdefault(name, value)
    return database


DATABASES = {
    "default": with_engine_options(
        {"ENGINE": "django.db.backends.sqlite3", "NAME": VAR_DIR / "db.sqlite3"}
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    # Django's list of 20,000 common passwords.
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- The admin door (core/admin_door.py; docs/threat-model.md) -------------------------------
# django-axes counts failed logins in the shared cache, per client address and per account
# apart: 10 in a row and that address, or that account, is refused for 15 minutes, before any
# password is hashed. The address is the rate limit's, behind the trusted proxies only.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "signing.ratelimit.client_address"
AXES_LOCKOUT_CALLABLE = "core.admin_door.locked_out"
AXES_VERBOSE = False  # its log lines name the account and the address
# Axes warns of a per-process cache: right for one process (make run, SINGLE_PROCESS); several
# processes get Redis (production.py refuses to start without it).
SILENCED_SYSTEM_CHECKS = ["axes.W001"]
# A password reset's mail goes through the outbox: the request never waits on SMTP.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "outbox.password_reset.PasswordResetForm"  # noqa: S105
# A second factor (TOTP, wagtail-2fa on django-otp) for whoever can reach statements or publish.
WAGTAIL_2FA_REQUIRED = True
# Admin sessions: a working day at most, and never past closing the browser.
SESSION_COOKIE_AGE = 8 * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# --- Languages -------------------------------------------------------------------------------
# Interface languages: what the site's own strings (chrome, forms, messages) are offered in.
# Content languages: the locales editors and translators keep pages in (a subset).
# Both are configuration: switching a language on needs no code change.
LANGUAGE_CODE = "en"
# The 24 official languages of the European Union, each named in itself as the EU's own sites
# name them (Django's names differ in case and form for several).
EU_LANGUAGES = {
    "bg": "български", "cs": "čeština", "da": "dansk", "de": "Deutsch", "el": "ελληνικά",
    "en": "English", "es": "español", "et": "eesti", "fi": "suomi", "fr": "français",
    "ga": "Gaeilge", "hr": "hrvatski", "hu": "magyar", "it": "italiano", "lt": "lietuvių",
    "lv": "latviešu", "mt": "Malti", "nl": "Nederlands", "pl": "polski", "pt": "português",
    "ro": "română", "sk": "slovenčina", "sl": "slovenščina", "sv": "svenska",
}  # fmt: skip
# Django has no entry for Maltese; Wagtail reads one when Maltese is a content language.
LANG_INFO.setdefault("mt", {"bidi": False, "code": "mt", "name": "Maltese", "name_local": "Malti"})

INTERFACE_LANGUAGES = env_list("INTERFACE_LANGUAGES", ",".join(EU_LANGUAGES))
CONTENT_LANGUAGES = env_list("CONTENT_LANGUAGES", "en,bg,ro")
if not set(CONTENT_LANGUAGES) <= set(INTERFACE_LANGUAGES):
    raise ImproperlyConfigured("Every content language must also be an interface language.")


# A language offered for the interface only shows the pages of the default language. Wagtail
# finds that content language through Django's LANG_INFO "fallback" entry, and then keeps the
# interface language in the URLs of those pages (/sk/initiatives/… stays in Slovak).
for _code in INTERFACE_LANGUAGES:
    if _code not in CONTENT_LANGUAGES:
        LANG_INFO[_code] = {**LANG_INFO.get(_code, {}), "fallback": [LANGUAGE_CODE]}


def _language_name(code):
    return EU_LANGUAGES.get(code) or LANG_INFO[code]["name_local"]


LANGUAGES = [(code, _language_name(code)) for code in INTERFACE_LANGUAGES]
WAGTAIL_CONTENT_LANGUAGES = [(code, _language_name(code)) for code in CONTENT_LANGUAGES]
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Brussels"
# The interface catalogues, then the month names of core/formats (dates as each language writes
# them); the first has precedence, and `make messages` writes only to it.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "core" / "formats" / "locale"]

# --- Static and media ------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
# The site's own CSS (and any other front-end file) lives in the project-level static/ folder.
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files served at the site's root by whitenoise: /favicon.ico, which browsers and crawlers ask
# for whatever the pages link to (otherwise each first visit fetched the 404 page).
WHITENOISE_ROOT = BASE_DIR / "site" / "root"
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Wagtail ---------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Citizens' Initiatives"
# How often Wagtail's editors save a draft while one types, in milliseconds; 0 turns it off.
WAGTAIL_AUTOSAVE_INTERVAL = int(os.environ.get("WAGTAIL_AUTOSAVE_INTERVAL", "500"))
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# Every periodic job, run by `manage.py run_periodic_jobs` every minute (core/periodic.py,
# docs/operations.md): a management command (the name, unless "command" says otherwise) with
# its "args", "every" so many seconds or "daily_at" a local time.
PERIODIC_JOBS = {
    # Wagtail's scheduled publishing and unpublishing of pages and snippets.
    "publish_scheduled": {"every": 60},
    # Queued outgoing mail (outbox/), retried with backoff.
    "send_queued_mail": {"every": 60},
    # Expired CAPTCHA challenges (django-simple-captcha).
    "captcha_clean": {"every": 300},
    # Destruction of the statements whose deadline has come (organisers/retention.py).
    "destroy_expired_statements": {"daily_at": "03:15"},
    # The day's addresses for updates rewritten in a random order (signing/mailing_list.py).
    "shuffle_mailing_list": {"daily_at": "00:30"},
    # Counts from the Commission's central system; each initiative at most every
    # CENTRAL_SYSTEM_READ_SECONDS, with its own back-off (initiatives/central_system.py).
    "read_central_system": {"every": 60},
    # Paper forms missing from the cache (docs/paper-forms.md); also after each deployment.
    "build_paper_forms": {"every": 1800},
    # Petition signatures not confirmed in time (docs/petitions.md).
    "destroy_unconfirmed_signatures": {"daily_at": "03:45"},
    # The day's addresses for the petitions' updates rewritten in a random order.
    "shuffle_petition_updates": {"daily_at": "00:35"},
}
WAGTAILEMBEDS_FINDERS = []  # no third-party oEmbed calls: the site works offline
# Machine translation for a translator's first draft (translators/machine.py), off unless
# MACHINE_TRANSLATION names a service: "deepl" (DEEPL_AUTH_KEY; DEEPL_ENDPOINT for another
# address than DeepL's own, e.g. a proxy).
MACHINE_TRANSLATION = os.environ.get("MACHINE_TRANSLATION", "")
if MACHINE_TRANSLATION == "deepl":
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "translators.machine.DeepL",
        "OPTIONS": {
            "AUTH_KEY": os.environ.get("DEEPL_AUTH_KEY", ""),
            "ENDPOINT": os.environ.get("DEEPL_ENDPOINT", ""),
            "TIMEOUT": int(os.environ.get("DEEPL_TIMEOUT", "10")),
        },
    }
elif MACHINE_TRANSLATION:
    raise ImproperlyConfigured("MACHINE_TRANSLATION may be empty or deepl.")
# "Translate this page" opens the translation as a draft, whatever the source's state: it is
# published after review (docs/translations.md), never at once in the source's words.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Every cache key starts with the release (core/release.py): a deploy never serves what the
# previous release cached.
RELEASE = release_id(BASE_DIR)
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "eci-site",
        "KEY_PREFIX": RELEASE,
    }
}
FEED_CACHE_SECONDS = 300
ROUTE_CACHE_SECONDS = 300  # see core/route_cache.py and core/content_version.py
# The counts public pages show are at most this many seconds old (core/page_cache.py and
# initiatives/counters.py: a snapshot taken every third of it, pages fresh for a third and
# served stale while one request renders them anew for the last third).
# The organisers' dashboard always reads exact counts.
PUBLIC_COUNTS_SECONDS = int(os.environ.get("PUBLIC_COUNTS_SECONDS", "10"))
# How long browsers (max-age), shared caches (s-maxage) and the server's page cache keep each
# kind of public page, and how long a CDN may serve it stale while it fetches a new copy
# (stale-while-revalidate). See core/page_cache.py; "counts" pages follow PUBLIC_COUNTS_SECONDS.
PUBLIC_CACHE_POLICIES = {
    # Home, initiative index and pages: they show counts.
    "counts": {"max_age": None, "s_maxage": None, "stale_while_revalidate": None},
    # Guidance, news, standard pages, the nationality choice: they change only with an edit,
    # and an edit purges the server's cache (and the CDN's, wagtail.contrib.frontend_cache).
    "content": {"max_age": 60, "s_maxage": 300, "stale_while_revalidate": 60},
    "feed": {
        "max_age": FEED_CACHE_SECONDS,
        "s_maxage": FEED_CACHE_SECONDS,
        "stale_while_revalidate": 60,
    },
    "sitemap": {"max_age": 3600, "s_maxage": 3600, "stale_while_revalidate": 600},
}
# Page types and routes by kind ("app_label.ModelName" or "app_label.ModelName:route view").
PUBLIC_PAGE_KINDS = {
    "home.HomePage": "counts",
    "initiatives.InitiativeIndexPage": "counts",
    "initiatives.InitiativePage": "counts",
    "home.StandardPage": "content",
    "guidance.GuidanceIndexPage": "content",
    "guidance.GuidancePage": "content",
    "news.NewsIndexPage": "content",
    "news.NewsPage": "content",
    "signing.SigningPage:choose_country": "content",
    # What partners embed (signing/embedding.py): the widget shows counts.
    "signing.SigningPage:widget": "counts",
    "signing.SigningPage:embed": "content",
    # Petitions (petitions.views): the page and its open counts show the confirmed signatures.
    "petitions.PetitionIndexPage": "counts",
    "petitions.PetitionPage:index_route": "counts",
    "petitions.PetitionPage:counts_json": "counts",
    "petitions.PetitionPage:days_csv": "counts",
    "petitions.PetitionPage:widget": "counts",
    "petitions.PetitionPage:embed": "content",
}
# The server's page cache (core/page_cache.py) keeps public pages in the default cache.
PAGE_CACHE_ENABLED = True
# Paths that are never public pages: the page cache does not even look them up.
PAGE_CACHE_SKIP = ("/healthz", "/admin/", "/captcha/", "/documents/")


def frontend_cache_backend(kind):
    """WAGTAILFRONTENDCACHE's entry for a CDN named in FRONTEND_CACHE (docs/operations.md)."""
    if kind == "cloudflare":
        return {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": os.environ["CLOUDFLARE_BEARER_TOKEN"],
            "ZONEID": os.environ["CLOUDFLARE_ZONEID"],
        }
    if kind == "cloudfront":
        return {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
        }
    if kind == "varnish":
        return {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["VARNISH_URL"],
        }
    raise ImproperlyConfigured("FRONTEND_CACHE must be cloudflare, cloudfront or varnish.")


# --- Security defaults shared by all environments ----------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# The citizen's page for a form that failed the CSRF check (Django's own mentions DEBUG): a
# petition's or a signing step's in its own layout, keeping what was typed (petitions, then
# signing); any other, home.views'.
CSRF_FAILURE_VIEW = "petitions.csrf_failure.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self'; "
    "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)

# --- CAPTCHA ---------------------------------------------------------------------------------
CAPTCHA_FONT_SIZE = 34
CAPTCHA_IMAGE_SIZE = (160, 56)
CAPTCHA_LETTER_ROTATION = (-20, 20)
CAPTCHA_CHALLENGE_FUNCT = "captcha.helpers.random_char_challenge"
CAPTCHA_LENGTH = 5
# The library's noise, with its dots drawn in one call (core/captcha.py).
CAPTCHA_NOISE_FUNCTIONS = ("captcha.helpers.noise_arcs", "core.captcha.noise_dots")
CAPTCHA_TIMEOUT = 10  # minutes
# The audio alternative is spoken by espeak-ng in the reader's language (core/captcha_audio.py);
# the library's own, through flite, stays off. Default: espeak-ng on the PATH.
CAPTCHA_FLITE_PATH = None
CAPTCHA_ESPEAK_PATH = os.environ.get("CAPTCHA_ESPEAK_PATH") or None

# --- Email -----------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@localhost")
CONTACT_EMAIL_RECIPIENTS = env_list("CONTACT_EMAIL_RECIPIENTS", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    # Django's own loggers print through the root's handler only: Django's default console
    # handler (DEBUG only) printed every warning of django.* a second time under `make run`.
    # No mail to ADMINS either: an error report must not carry what a citizen typed.
    "loggers": {"django": {"level": "INFO"}},
}

# --- The Commission's services (initiatives/commission.py; docs/operations.md) -----------------
# The register's API (the register import, and per-country figures of the central system); an
# initiative's central-system address is in its record.
COMMISSION_REGISTER_URL = os.environ.get(
    "COMMISSION_REGISTER_URL", "https://register.eci.ec.europa.eu/core/api/register/"
)
# Every request to the Commission gives up after this many seconds (to connect, between bytes).
COMMISSION_TIMEOUT_SECONDS = float(os.environ.get("COMMISSION_TIMEOUT_SECONDS", "10"))
# How often the periodic job reads each initiative on the central system, at most; after
# failures it waits twice as long each time, up to the back-off's limit.
CENTRAL_SYSTEM_READ_SECONDS = int(os.environ.get("CENTRAL_SYSTEM_READ_SECONDS", "300"))
CENTRAL_SYSTEM_BACKOFF_LIMIT_SECONDS = int(
    os.environ.get("CENTRAL_SYSTEM_BACKOFF_LIMIT_SECONDS", "3600")
)
# Names the site to the Commission's services; empty: the site's name and public address.
COMMISSION_USER_AGENT = os.environ.get("COMMISSION_USER_AGENT", "")

# Per-language overrides of Django's number and date formats (only what Django lacks).
FORMAT_MODULE_PATH = ["core.formats"]

# --- Signing ----------------------------------------------------------------------------------
# Submissions per client and window, "count/seconds"; empty switches the limit off.
SIGNING_RATE_LIMIT = os.environ.get("SIGNING_RATE_LIMIT", "20/300")
# The proxies in front of the site (addresses or networks, comma-separated): behind them the
# client is the right-most address in X-Forwarded-For that is not one of them. Empty: the
# connection's address (the header is then ignored). See signing/ratelimit.py.
SIGNING_TRUSTED_PROXIES = env_list("SIGNING_TRUSTED_PROXIES", "")
# django-ratelimit counts in the default cache (shared through Redis in production); it lets
# submissions through while the cache is unreachable (the CAPTCHA still guards each one).
RATELIMIT_USE_CACHE = "default"
RATELIMIT_FAIL_OPEN = True
# Where load_demo writes the demo initiative's private key (never on a real server).
DEMO_KEY_DIR = VAR_DIR / "keys"
