"""The audit's seven findings (issue 12), each closed by a test named after it.

Each test was run once against the unfixed code and failed there.
"""

import pytest

from .demo_signing import SIGN_URL

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

    from core import crypto

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
    from core.crypto import PrivateKey, UnusableKey

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

    from core import crypto

    document = json.loads(weak_key_file("a passphrase long enough", memory_cost=64 * 1024))
    document["kdf"].update(kdf)

    def no_derivation(*args):
        raise AssertionError("derived a key from out-of-bounds parameters")

    monkeypatch.setattr(crypto, "_derive", no_derivation)
    with pytest.raises(crypto.UnusableKey, match=named):
        crypto.PrivateKey.from_file_json(json.dumps(document), "a passphrase long enough")


def test_finding_6_a_key_file_within_bounds_still_opens():
    from core.crypto import PrivateKey

    text = weak_key_file("a passphrase long enough", memory_cost=64 * 1024, iterations=1)
    assert PrivateKey.from_file_json(text, "a passphrase long enough").public_key_text()


# --- Finding 5: no Cache-Control: no-store on the signing steps; Django's CSRF page -------------


def test_finding_5_every_signing_step_that_can_carry_typed_data_is_no_store(client):
    from ..signing.helpers import bulgarian
    from .demo_signing import form_url, sign

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

    from ..home.test_contact import message

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


# --- Finding 4: with a recipient and SMTP down the contact form answered 500, though it stored --


@pytest.fixture
def smtp_down(settings):
    """The SMTP backend pointed at a loopback port where nothing listens."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 2
    return port


@pytest.fixture
def contact_with_recipient():
    from home.models import ContactPage

    page = ContactPage.objects.get(locale__language_code="en")
    page.to_address = "team@example.org"
    page.from_address = "site@example.org"
    page.save_revision().publish()
    return page


def test_finding_4_contact_form_with_smtp_down_stores_once_and_says_it_will_send(
    client, smtp_down, contact_with_recipient, django_capture_on_commit_callbacks, monkeypatch
):
    import datetime

    from django.core import mail
    from django.test import override_settings
    from django.utils import timezone
    from wagtail.contrib.forms.models import FormSubmission

    from outbox import sending
    from outbox.models import QueuedMessage

    from ..home.test_contact import message

    # The after-commit send runs here in the request's thread, to see what it would do.
    monkeypatch.setattr(sending, "send_soon", sending.send_due)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(contact_with_recipient.get_url(), message())
    assert response.status_code == 200
    assert "stored and will be sent" in response.content.decode()
    assert FormSubmission.objects.count() == 1
    queued = QueuedMessage.objects.get()
    assert queued.sent_at is None and queued.attempts == 1
    assert queued.last_error == "ConnectionRefusedError"
    assert queued.next_attempt_at > timezone.now()
    # Cron before the retry is due sends nothing; after it, still down: a longer wait.
    assert sending.send_due() == (0, 0)
    later = timezone.now() + datetime.timedelta(minutes=2)
    assert sending.send_due(now=later) == (0, 1)
    queued.refresh_from_db()
    assert queued.attempts == 2
    assert queued.next_attempt_at - later >= datetime.timedelta(seconds=119)
    # The mail system is back: sent once, and the stored copy of the message emptied.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        assert sending.send_due(now=later + datetime.timedelta(hours=1)) == (1, 0)
        assert sending.send_due(now=later + datetime.timedelta(days=1)) == (0, 0)
    assert len(mail.outbox) == 1
    assert "When does the collection close?" in mail.outbox[0].body
    queued.refresh_from_db()
    assert queued.sent_at is not None and queued.body == ""
    assert FormSubmission.objects.count() == 1


def test_finding_4_no_mail_is_sent_in_the_citizens_request(
    client, contact_with_recipient, monkeypatch
):
    from django.core.mail.backends.locmem import EmailBackend

    def no_sending(*args, **kwargs):
        raise AssertionError("mail sent while the citizen waits")

    monkeypatch.setattr(EmailBackend, "send_messages", no_sending)
    from ..home.test_contact import message

    response = client.post(contact_with_recipient.get_url(), message())
    assert response.status_code == 200


# --- Finding 2: the rate limit was per worker, one bucket behind a proxy, or bypassed by a header


def secret_file(text, mode=0o600):
    import os
    import tempfile

    descriptor, path = tempfile.mkstemp(prefix="eci-dedupe-key-")
    with os.fdopen(descriptor, "w") as handle:
        handle.write(text + "\n")
    os.chmod(path, mode)
    return path


RATE_ENV = {
    "DJANGO_SETTINGS_MODULE": "eci_site.settings.production",
    "SECRET_KEY": "k3y-for-checks-only-" + "x1y2z3" * 8,
    "SIGNING_DEDUPE_SECRET_FILE": secret_file("dedupe-for-checks-only-" + "a1b2" * 8),
    "ALLOWED_HOSTS": "initiatives.example.org",
    "DATABASE_URL": "sqlite:////tmp/eci-rate-check.sqlite3",
    "REDIS_URL": "redis://127.0.0.1:1/0",  # never connected to by the checks
    "SIGNING_TRUSTED_PROXIES": "127.0.0.1",
}


def deploy_check(**overrides):
    import os
    import subprocess
    import sys

    env = {**os.environ, **RATE_ENV, **overrides}
    env = {name: value for name, value in env.items() if value is not None}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    return result.stdout + result.stderr


@pytest.mark.parametrize(
    ("overrides", "warning"),
    [
        # W001 (a per-process cache): production now refuses to start without REDIS_URL
        # (tests/site/test_deploy.py), so the settings never reach the check.
        ({"SIGNING_TRUSTED_PROXIES": ""}, "eci.W002"),
        ({"SIGNING_TRUSTED_PROXIES": "0.0.0.0/0"}, "eci.W003"),
        ({"SIGNING_CLIENT_IP_HEADER": "HTTP_X_FORWARDED_FOR"}, "eci.W004"),
    ],
)
def test_finding_2_check_deploy_warns_on_a_set_up_that_defeats_the_rate_limit(overrides, warning):
    assert warning in deploy_check(**overrides)


def test_finding_2_check_deploy_is_quiet_on_the_documented_set_up():
    assert "eci." not in deploy_check()


def submit(client, **meta):
    from .demo_signing import form_url

    return client.post(form_url("BG"), {}, **meta).status_code


@pytest.fixture
def limit_of_three(settings):
    from django.core.cache import cache

    settings.SIGNING_RATE_LIMIT = "3/60"
    settings.SIGNING_TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    cache.clear()
    yield
    cache.clear()


def test_finding_2_behind_the_proxy_each_citizen_has_a_bucket_of_their_own(client, limit_of_three):
    # REMOTE_ADDR is the proxy (127.0.0.1, the test client's); it appends what it saw.
    first = {"HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    second = {"HTTP_X_FORWARDED_FOR": "203.0.113.9"}
    assert [submit(client, **first) for _ in range(4)] == [200, 200, 200, 429]
    assert [submit(client, **second) for _ in range(3)] == [200, 200, 200]
    # Two proxies in a row: the right-most address that is not a proxy is the client.
    chained = {"HTTP_X_FORWARDED_FOR": "198.51.100.7, 10.1.2.3"}
    assert submit(client, **chained) == 429


def test_finding_2_a_forged_forwarded_for_does_not_choose_the_bucket(
    client, limit_of_three, settings
):
    settings.SIGNING_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"  # the old setting: not read any more
    direct = {"REMOTE_ADDR": "192.0.2.50"}  # not a trusted proxy: the header is ignored
    codes = [
        submit(client, HTTP_X_FORWARDED_FOR=f"198.51.100.{number}", **direct) for number in range(5)
    ]
    assert codes == [200, 200, 200, 429, 429]
    # Behind the proxy, addresses the client put in front of its own are not believed either.
    forged = [
        submit(client, HTTP_X_FORWARDED_FOR=f"198.51.100.{number}, 203.0.113.77")
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
    from signing.ratelimit import client_address

    settings.SIGNING_TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    request = rf.post("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == client


def test_finding_2_no_address_reaches_the_cache(client, limit_of_three):
    from django.core.cache import cache

    submit(client, HTTP_X_FORWARDED_FOR="198.51.100.7")
    stored = repr(list(cache._cache.items())) + repr(list(cache._cache.keys()))
    assert "198.51.100.7" not in stored


# --- Finding 3: the duplicate-detection hash was reversible with the database and the secret ---


def test_finding_3_the_dedupe_hash_is_argon2id_keyed_by_the_dedupe_key(initiative, settings):
    import hashlib
    import hmac

    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    from signing.services import DEDUPE_ARGON2, dedupe_hash

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


def test_finding_3_production_reads_the_dedupe_key_from_its_own_file():
    import subprocess
    import sys

    key = "a-key-in-a-file-of-its-own-" + "q" * 20
    env = {**RATE_ENV, "SIGNING_DEDUPE_SECRET_FILE": secret_file(key)}
    code = f"from django.conf import settings; print(settings.SIGNING_DEDUPE_SECRET == {key!r})"
    import os

    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        env={**os.environ, **env}, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.stdout.strip().splitlines()[-1] == "True", result.stderr


@pytest.mark.parametrize(
    ("overrides", "warning"),
    [
        ({"SIGNING_DEDUPE_SECRET_FILE": "", "SIGNING_DEDUPE_SECRET": "e" * 40}, "eci.W005"),
        ({"SIGNING_DEDUPE_SECRET_FILE": secret_file("w" * 40, mode=0o644)}, "eci.W006"),
    ],
)
def test_finding_3_check_deploy_warns_when_the_dedupe_key_sits_with_the_database(
    overrides, warning
):
    assert warning in deploy_check(**overrides)
