"""Fixtures of the initiatives' admin tests."""

import pytest
from django.contrib.auth import get_user_model


@pytest.fixture
def editor(client):
    """The test client, signed in as a superuser."""
    user = get_user_model().objects.create_superuser("editor", "", "correct horse battery")
    client.force_login(user)
    return client
