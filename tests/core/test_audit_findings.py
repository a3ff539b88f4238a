"""The audit's findings (issue 12) about the organisers' key file: finding 6.

Each test was run once against the unfixed code and failed there (moved from tests/on_demo/).
"""

import pytest

from core import crypto
from core.crypto import PrivateKey, UnusableKey

# --- Finding 6: a key file's KDF parameters were not bounded when it was opened -----------------


def weak_key_file(passphrase, **kdf):
    """A key file sealed under the given Argon2id parameters, as an altered file would be."""
    import base64
    import json
    import os

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

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

    document = json.loads(weak_key_file("a passphrase long enough", memory_cost=64 * 1024))
    document["kdf"].update(kdf)

    def no_derivation(*args):
        raise AssertionError("derived a key from out-of-bounds parameters")

    monkeypatch.setattr(crypto, "_derive", no_derivation)
    with pytest.raises(crypto.UnusableKey, match=named):
        crypto.PrivateKey.from_file_json(json.dumps(document), "a passphrase long enough")


def test_finding_6_a_key_file_within_bounds_still_opens():

    text = weak_key_file("a passphrase long enough", memory_cost=64 * 1024, iterations=1)
    assert PrivateKey.from_file_json(text, "a passphrase long enough").public_key_text()
