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


# --- Finding 6: a key file's KDF parameters were not bounded when it was opened -----------------


def weak_key_file(passphrase, **kdf):
    """A key file sealed under the given Argon2id parameters, as an altered file would be."""
    import base64
    import json
    import os

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from signing import crypto

    key = crypto.PrivateKey.generate()
    parameters = {**crypto.ARGON2_PARAMETERS, **kdf}
    salt, nonce = os.urandom(16), os.urandom(12)
    public = key.public_key_text()
    sealed = AESGCM(crypto._derive(passphrase, salt, parameters)).encrypt(
        nonce, key.mlkem_seed + key.x25519_private, public.encode()
    )

    def b64(data):
        return base64.b64encode(data).decode()

    return json.dumps({
        "format": "eci-private-key", "version": 1, "suite": crypto.SUITE_NAME,
        "public_key": public, "kdf": {"name": "argon2id", "salt": b64(salt), **parameters},
        "cipher": "AES-256-GCM", "nonce": b64(nonce), "ciphertext": b64(sealed),
    })  # fmt: skip


@pytest.mark.parametrize(
    ("kdf", "named"),
    [
        ({"iterations": 1, "lanes": 1, "memory_cost": 8}, "memory_cost"),
        ({"memory_cost": 64 * 1024 - 1}, "memory_cost"),
        ({"lanes": 1, "memory_cost": 8 * 1024}, "memory_cost"),
    ],
)
def test_finding_6_a_key_file_with_weak_kdf_parameters_is_refused(kdf, named):
    from signing.crypto import PrivateKey, UnusableKey

    text = weak_key_file("a passphrase long enough", **kdf)
    with pytest.raises(UnusableKey, match=named):
        PrivateKey.from_file_json(text, "a passphrase long enough")


@pytest.mark.parametrize(
    ("kdf", "named"),
    [
        ({"iterations": 0}, "iterations"),
        ({"iterations": 10**9}, "iterations"),
        ({"lanes": 0}, "lanes"),
        ({"lanes": 65}, "lanes"),
        ({"memory_cost": 4 * 1024 * 1024 + 1}, "memory_cost"),
        ({"memory_cost": 2**40}, "memory_cost"),
    ],
)
def test_finding_6_a_key_file_asking_for_absurd_work_is_refused_before_any(kdf, named, monkeypatch):
    import json

    from signing import crypto

    document = json.loads(weak_key_file("a passphrase long enough", memory_cost=64 * 1024))
    document["kdf"].update(kdf)

    def no_derivation(*args):
        raise AssertionError("derived a key from out-of-bounds parameters")

    monkeypatch.setattr(crypto, "_derive", no_derivation)
    with pytest.raises(crypto.UnusableKey, match=named):
        crypto.PrivateKey.from_file_json(json.dumps(document), "a passphrase long enough")


def test_finding_6_a_key_file_within_bounds_still_opens():
    from signing.crypto import PrivateKey

    text = weak_key_file("a passphrase long enough", memory_cost=64 * 1024, iterations=1)
    assert PrivateKey.from_file_json(text, "a passphrase long enough").public_key_text()


# --- Finding 5: no Cache-Control: no-store on the signing steps; Django's CSRF page -------------


def test_finding_5_every_signing_step_that_can_carry_typed_data_is_no_store(client):
    from .signing_helpers import bulgarian, form_url, sign

    with_errors = client.post(form_url("BG"), {"first_names": "Мария", "document_number": "1"})
    assert with_errors.status_code == 200
    assert "Мария" in with_errors.content.decode()
    signed = sign(client, "BG", **bulgarian())
    assert signed.status_code == 302
    receipt = client.get(signed["Location"])
    identifier = signed["Location"].rstrip("/").rsplit("/", 1)[1]
    lookup = client.get(SIGN_URL.format(lang="en") + f"lookup/?identifier={identifier}")
    blank = client.get(form_url("BG"))
    for response in (with_errors, signed, receipt, lookup, blank):
        assert "no-store" in response.get("Cache-Control", ""), response
        assert "private" in response["Cache-Control"]


@pytest.mark.parametrize(("lang", "words"), [("en", "could not be sent"), ("bg", "не можа")])
def test_finding_5_the_csrf_failure_page_is_the_sites_own_and_translated(lang, words):
    from django.test import Client

    from home.models import ContactPage

    from .test_contact import message

    client = Client(SERVER_NAME="localhost", enforce_csrf_checks=True)
    path = ContactPage.objects.get(locale__language_code=lang).get_url()
    response = client.post(path, message())
    text = response.content.decode()
    assert response.status_code == 403
    assert "DEBUG" not in text and "CSRF" not in text
    assert f'<html lang="{lang}"' in text
    assert words in text
    assert "css/site.css" in text  # the site's own chrome and styles
    assert f'href="{path}"' in text  # the way back to the form
    assert "no-store" in response["Cache-Control"]
    from wagtail.contrib.forms.models import FormSubmission

    assert FormSubmission.objects.count() == 0


# --- Finding 7 (the feeds' part): every feed query string added cache entries -----------------


def cache_entries():
    from django.core.cache import cache

    return len(cache._cache)  # the test settings' per-process memory cache


@pytest.mark.parametrize("feed", ["news.rss", "news.atom"])
def test_finding_7_a_feed_query_string_creates_no_cache_entry(client, feed):
    url = f"/en/feeds/{feed}"
    canonical = client.get(url)
    assert canonical.status_code == 200
    after_canonical = cache_entries()
    assert client.get(url).content == canonical.content
    for number in range(20):
        response = client.get(f"{url}?page={number}&utm_source=x{number}")
        assert response.status_code in (200, 301)
        client.cookies["anything"] = str(number)
        assert client.get(url, HTTP_ACCEPT_LANGUAGE=f"de;q=0.{number}").status_code == 200
    assert cache_entries() == after_canonical


def test_finding_7_a_feed_url_with_a_query_string_leads_to_the_canonical_feed(client):
    response = client.get("/en/feeds/news.rss?x=1")
    assert response.status_code == 301
    assert response["Location"] == "/en/feeds/news.rss"
