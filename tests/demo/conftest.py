import pytest
from django.core.management import call_command

from tests.db import rolled_back


@pytest.fixture(scope="package")
def demo_site(django_db_setup, django_db_blocker):
    """The demo content in en, bg and ro, loaded once for the demo's smoke tests and rolled back
    after them. Only tests/demo/ reads the demo: every other test builds its tree on factories."""
    with rolled_back(django_db_blocker) as blocker:
        with blocker.unblock():
            call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
        yield
