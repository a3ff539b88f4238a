"""The page-cache suite, still written against the demo content (to be moved onto factories,
in tests/core/): the demo is loaded once for this package and rolled back after it."""

import pytest
from django.core.management import call_command

from initiatives.models import Initiative
from tests.db import rolled_back


@pytest.fixture(scope="package", autouse=True)
def demo_site(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker) as blocker:
        with blocker.unblock():
            call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
        yield


@pytest.fixture
def initiative(db):
    """The demo initiative that collects on this site."""
    return Initiative.objects.get(registration_number="DEMO(2026)000001")
