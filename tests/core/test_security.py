"""Security headers every public page sends (core/middleware.py)."""

import pytest

pytestmark = pytest.mark.django_db


def test_public_pages_send_a_strict_content_security_policy(client, home_page):
    policy = client.get(home_page.url).headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
