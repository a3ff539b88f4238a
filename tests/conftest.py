"""Shared fixtures. Every test builds the small tree it needs from tests/factories; only the
demo's smoke tests (tests/demo/) load the demo content."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from tests.db import rolled_back
from tests.factories import (
    InitiativeFactory,
    InitiativeIndexPageFactory,
    InitiativePageFactory,
    SigningPageFactory,
    site_home,
)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The content languages' locales, created once in settings order, as `migrate` and the
    first editor leave them: their ids stay the same for the whole run (home's site_tags keeps
    a per-process cache of each locale id's language, which must never see an id reused)."""
    from django.conf import settings
    from wagtail.models import Locale
    from wagtail_localize.models import LocaleSynchronization

    with django_db_blocker.unblock():
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            Locale.objects.get_or_create(language_code=code)
        # A new locale follows the default one (translators/languages.py): every page an admin
        # view creates would get a mirror in each language. Tests build the trees they need;
        # tests/translators/test_languages.py starts a language as the admin does.
        LocaleSynchronization.objects.all().delete()


@pytest.fixture(autouse=True)
def default_language():
    """The test client leaves the last request's language active in this thread: a request
    under /sk/ would make the next test's page URLs Slovak."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def force_login_with_both_factors(monkeypatch):
    """`force_login` stands for a complete login, the second factor included (core/admin_door:
    accounts that reach statements or publish give one). The tests of the door itself log in
    through the login form."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    password_only = Client.force_login

    def force_login(client, user, backend=None):
        password_only(client, user, backend)
        device, _created = TOTPDevice.objects.get_or_create(user=user, name="tests")
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Database changes roll back after each test; cached routes and feeds must go too."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def client():
    return Client(SERVER_NAME="localhost")


@pytest.fixture
def home_page(db):
    """The English home page at the root of the default site, and the site identity."""

    return site_home()


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """One transaction around a whole module: what a module-scoped fixture builds inside
    `module_db.unblock()` is there for each of the module's tests. For trees they only read."""
    with rolled_back(django_db_blocker) as blocker:
        yield blocker


@pytest.fixture
def initiative(db):
    """An initiative collecting on this site today, with the test key (factories.organisers_key)."""

    return InitiativeFactory()


@pytest.fixture
def initiative_page(home_page, initiative):

    index = InitiativeIndexPageFactory(parent=home_page)
    return InitiativePageFactory(parent=index, initiative=initiative, title="Clean air")


@pytest.fixture
def signing_page(initiative_page):
    """home → initiatives → the initiative's page → its signing page, in English."""

    return SigningPageFactory(parent=initiative_page)


# Figures the fuzz and fault suites report (requests sent, 5xx seen, ...), printed at the end.
FIGURES = []


def pytest_terminal_summary(terminalreporter):
    for line in FIGURES:
        terminalreporter.write_line(line)
