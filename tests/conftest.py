import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the demo site in en, bg and ro (each test rolls back its changes)."""
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


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
def initiative():
    """The demo initiative that collects on this site."""
    from initiatives.models import Initiative

    return Initiative.objects.get(registration_number="DEMO(2026)000001")


# Figures the fuzz and fault suites report (requests sent, 5xx seen, ...), printed at the end.
FIGURES = []


def pytest_terminal_summary(terminalreporter):
    for line in FIGURES:
        terminalreporter.write_line(line)
