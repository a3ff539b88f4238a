"""A petition page to sign, and the mail the outbox sent."""

import pytest
from django.core import mail

from tests.factories import site_home
from tests.factories.petitions import PetitionIndexPageFactory, PetitionPageFactory


@pytest.fixture
def petition_page(db):
    home = site_home()
    return PetitionPageFactory(parent=PetitionIndexPageFactory(parent=home))


@pytest.fixture
def inbox():
    """The messages the outbox sent through Django's test backend (the backend replaces the
    list it appends to, so pytest-django's inbox may hold another one)."""
    mail.outbox = []
    return lambda: mail.outbox
