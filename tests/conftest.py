"""Shared fixtures. Every test builds the small tree it needs from tests/factories; only the
demo's smoke tests (tests/demo/) load the demo content."""

import pytest
from django.core.cache import cache
from django.test import Client


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
    from tests.factories import SiteIdentityFactory, site_home

    home = site_home()
    SiteIdentityFactory()
    return home


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """One transaction around a whole module, rolled back after it: what a module-scoped fixture
    builds inside `module_db.unblock()` is there for each of its tests, and each test still rolls
    back its own changes (to a savepoint). For trees that many tests only read."""
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield django_db_blocker
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def demo_site(module_db):
    """The demo content in en, bg and ro, loaded once for a module. For the demo's smoke tests."""
    from django.core.management import call_command

    with module_db.unblock():
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def initiative(db):
    """An initiative collecting on this site today, with the test key (factories.organisers_key)."""
    from tests.factories import InitiativeFactory

    return InitiativeFactory()


@pytest.fixture
def initiative_page(home_page, initiative):
    from tests.factories import InitiativeIndexPageFactory, InitiativePageFactory

    index = InitiativeIndexPageFactory(parent=home_page)
    return InitiativePageFactory(parent=index, initiative=initiative, title="Clean air")


@pytest.fixture
def signing_page(initiative_page):
    """home → initiatives → the initiative's page → its signing page, in English."""
    from tests.factories import SigningPageFactory

    return SigningPageFactory(parent=initiative_page)
