"""The audit's findings (issue 12) about signing: the receipt URL (finding 1), no-store on the
signing steps (finding 5), the rate limit's buckets (finding 2) and the duplicate-detection hash
(finding 3), on the factories' signing tree (tests/conftest.py's `signing_page`).

Each test was run once against the unfixed code and failed there (moved from tests/on_demo/).
"""

import pytest

from signing.ratelimit import client_address
from signing.services import DEDUPE_ARGON2, dedupe_hash

from .helpers import bulgarian, form_url, identifier_of, lookup_url, receipt_url, sign

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
def test_finding_1_receipt_url_that_is_not_a_uuid_is_404_not_500(client, signing_page, identifier):
    assert len(identifier) == 36
    response = client.get(receipt_url(signing_page, identifier))
    assert response.status_code == 404


# --- Finding 5: no Cache-Control: no-store on the signing steps --------------------------------


def test_finding_5_every_signing_step_that_can_carry_typed_data_is_no_store(client, signing_page):
    with_errors = client.post(
        form_url(signing_page, "BG"), {"first_names": "Мария", "document_number": "1"}
    )
    assert with_errors.status_code == 200
    assert "Мария" in with_errors.content.decode()
    signed = sign(client, signing_page, "BG", **bulgarian())
    assert signed.status_code == 302
    receipt = client.get(signed["Location"])
    identifier = identifier_of(signed)
    lookup = client.get(lookup_url(signing_page) + f"?identifier={identifier}")
    blank = client.get(form_url(signing_page, "BG"))
    for response in (with_errors, signed, receipt, lookup, blank):
        assert "no-store" in response.get("Cache-Control", ""), response
        assert "private" in response["Cache-Control"]


# --- Finding 2: the rate limit was per worker, one bucket behind a proxy, or bypassed by a header


def submit(client, signing_page, **meta):
    return client.post(form_url(signing_page, "BG"), {}, **meta).status_code


@pytest.fixture
def limit_of_three(settings):
    from django.core.cache import cache

    settings.SIGNING_RATE_LIMIT = "3/60"
    settings.SIGNING_TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    cache.clear()
    yield
    cache.clear()


def test_finding_2_behind_the_proxy_each_citizen_has_a_bucket_of_their_own(
    client, signing_page, limit_of_three
):
    # REMOTE_ADDR is the proxy (127.0.0.1, the test client's); it appends what it saw.
    first = {"HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    second = {"HTTP_X_FORWARDED_FOR": "203.0.113.9"}
    assert [submit(client, signing_page, **first) for _ in range(4)] == [200, 200, 200, 429]
    assert [submit(client, signing_page, **second) for _ in range(3)] == [200, 200, 200]
    # Two proxies in a row: the right-most address that is not a proxy is the client.
    chained = {"HTTP_X_FORWARDED_FOR": "198.51.100.7, 10.1.2.3"}
    assert submit(client, signing_page, **chained) == 429


def test_finding_2_a_forged_forwarded_for_does_not_choose_the_bucket(
    client, signing_page, limit_of_three, settings
):
    settings.SIGNING_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"  # the old setting: not read any more
    direct = {"REMOTE_ADDR": "192.0.2.50"}  # not a trusted proxy: the header is ignored
    codes = [
        submit(client, signing_page, HTTP_X_FORWARDED_FOR=f"198.51.100.{number}", **direct)
        for number in range(5)
    ]
    assert codes == [200, 200, 200, 429, 429]
    # Behind the proxy, addresses the client put in front of its own are not believed either.
    forged = [
        submit(client, signing_page, HTTP_X_FORWARDED_FOR=f"198.51.100.{number}, 203.0.113.77")
        for number in range(5)
    ]
    assert forged == [200, 200, 200, 429, 429]


@pytest.mark.parametrize(
    ("remote", "forwarded", "client"),
    [
        ("127.0.0.1", "", "127.0.0.1"),
        ("127.0.0.1", "198.51.100.7", "198.51.100.7"),
        ("127.0.0.1", "1.2.3.4, 198.51.100.7", "198.51.100.7"),
        ("127.0.0.1", "198.51.100.7, 10.0.0.2, 10.0.0.3", "198.51.100.7"),
        ("127.0.0.1", "not-an-address, 10.0.0.3", "10.0.0.3"),
        ("127.0.0.1", "2001:db8::1", "2001:db8::1"),
        ("192.0.2.50", "198.51.100.7", "192.0.2.50"),
        ("2001:db8::5", "198.51.100.7", "2001:db8::5"),
    ],
)
def test_finding_2_the_client_address_is_the_right_most_untrusted_hop(
    rf, settings, remote, forwarded, client
):

    settings.SIGNING_TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    request = rf.post("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == client


def test_finding_2_no_address_reaches_the_cache(client, signing_page, limit_of_three):
    from django.core.cache import cache

    submit(client, signing_page, HTTP_X_FORWARDED_FOR="198.51.100.7")
    stored = repr(list(cache._cache.items())) + repr(list(cache._cache.keys()))
    assert "198.51.100.7" not in stored


# --- Finding 3: the duplicate-detection hash was reversible with the database and the secret ---


def test_finding_3_the_dedupe_hash_is_argon2id_keyed_by_the_dedupe_key(initiative, settings):
    import hashlib
    import hmac

    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    identity = "BG|personal.number|7501020018"
    key = settings.SIGNING_DEDUPE_SECRET.encode()
    per_initiative = hmac.new(key, b"initiative:" + initiative.registration_number.encode(),
                              hashlib.sha256).digest()  # fmt: skip
    # The fast hash of before: one guess in about 2 µs for whoever holds the key.
    assert (
        dedupe_hash(initiative, identity)
        != hmac.new(per_initiative, identity.encode(), hashlib.sha256).hexdigest()
    )
    expected = Argon2id(salt=per_initiative, length=32, secret=key, **DEDUPE_ARGON2).derive(
        identity.encode()
    )
    assert dedupe_hash(initiative, identity) == expected.hex()
    assert DEDUPE_ARGON2["memory_cost"] >= 2 * 1024  # memory-hard: 2 MiB per guess at least
    settings.SIGNING_DEDUPE_SECRET = "another-key-" + "z" * 30
    assert dedupe_hash(initiative, identity) != expected.hex()  # useless without the key
