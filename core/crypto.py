"""Encryption of statements to the organisers' public key, and the organisers' key files.

Statements: HPKE (RFC 9180) base mode, suite ML-KEM-768+X25519 / HKDF-SHA256 / AES-256-GCM. The
hybrid KEM stays secure if either ML-KEM (post-quantum) or X25519 holds, which matters for data
kept up to 21 months. The HPKE `info` binds each ciphertext to its initiative, country and form
revision: moved to another initiative or country, it no longer decrypts.

Public key text (pasted into the admin):  eci-hpke-1:<base64 of ML-KEM-768 public key (1184
bytes) followed by the X25519 public key (32 bytes)>. Its fingerprint is the SHA-256 of those
1216 bytes, in hexadecimal.

Private key file (JSON, written only on the organisers' computer):
    {"format": "eci-private-key", "version": 1, "suite": SUITE_NAME,
     "public_key": "<public key text>",
     "kdf": {"name": "argon2id", "salt": b64, "iterations": 3, "lanes": 4, "memory_cost": KiB},
     "cipher": "AES-256-GCM", "nonce": b64,
     "ciphertext": b64(AES-256-GCM(key=Argon2id(passphrase), nonce,
                       ML-KEM seed (64 bytes) || X25519 private key (32 bytes),
                       associated data=the public key text))}
"""

import base64
import functools
import hashlib
import json
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric import mlkem, x25519
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

SUITE = hpke.Suite(hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
SUITE_NAME = "HPKE-base/MLKEM768-X25519/HKDF-SHA256/AES-256-GCM"
PUBLIC_KEY_PREFIX = "eci-hpke-1:"
MLKEM_PUBLIC_LENGTH = 1184
X25519_LENGTH = 32
ARGON2_PARAMETERS = {"iterations": 3, "lanes": 4, "memory_cost": 256 * 1024}  # 256 MiB
# What a key file may ask for (memory in KiB). Below the floor a stolen file's passphrase is cheap
# to guess; above the ceiling, opening the file would exhaust the machine.
ARGON2_BOUNDS = {
    "iterations": (1, 64, "passes"),
    "lanes": (1, 64, "lanes"),
    "memory_cost": (64 * 1024, 4 * 1024 * 1024, "KiB of memory"),
}


class UnusableKey(ValueError):
    """A key or key file that cannot be used; the message says why, for a person to read."""


class DecryptionFailed(ValueError):
    pass


def _b64(data):
    return base64.b64encode(data).decode("ascii")


def _unb64(text):
    return base64.b64decode(text.encode("ascii"), validate=True)


# --- Public keys -------------------------------------------------------------------------------


def public_key_bytes(text):
    text = "".join(text.split())
    if not text.startswith(PUBLIC_KEY_PREFIX):
        raise UnusableKey(f"A public key starts with {PUBLIC_KEY_PREFIX}")
    try:
        raw = _unb64(text[len(PUBLIC_KEY_PREFIX) :])
    except ValueError:
        raise UnusableKey("The public key is not valid base64.") from None
    if len(raw) != MLKEM_PUBLIC_LENGTH + X25519_LENGTH:
        raise UnusableKey("The public key has the wrong length.")
    return raw


# Parsing an ML-KEM key costs a third of an encryption: each process parses each key once.
@functools.lru_cache(maxsize=32)
def load_public_key(text):
    raw = public_key_bytes(text)
    try:
        return hpke.MLKEM768X25519PublicKey(
            mlkem.MLKEM768PublicKey.from_public_bytes(raw[:MLKEM_PUBLIC_LENGTH]),
            x25519.X25519PublicKey.from_public_bytes(raw[MLKEM_PUBLIC_LENGTH:]),
        )
    except ValueError:
        raise UnusableKey("The public key is not a valid ML-KEM-768 + X25519 key.") from None


def fingerprint(text):
    return hashlib.sha256(public_key_bytes(text)).hexdigest()


# --- Key pairs and key files -------------------------------------------------------------------


class PrivateKey:
    def __init__(self, mlkem_seed, x25519_private):
        self.mlkem_seed = mlkem_seed
        self.x25519_private = x25519_private
        self.key = hpke.MLKEM768X25519PrivateKey(
            mlkem.MLKEM768PrivateKey.from_seed_bytes(mlkem_seed),
            x25519.X25519PrivateKey.from_private_bytes(x25519_private),
        )

    @classmethod
    def generate(cls):
        return cls(
            mlkem.MLKEM768PrivateKey.generate().private_bytes_raw(),
            x25519.X25519PrivateKey.generate().private_bytes_raw(),
        )

    def public_key_text(self):
        mlkem_key = mlkem.MLKEM768PrivateKey.from_seed_bytes(self.mlkem_seed)
        x_key = x25519.X25519PrivateKey.from_private_bytes(self.x25519_private)
        raw = mlkem_key.public_key().public_bytes_raw() + x_key.public_key().public_bytes_raw()
        return PUBLIC_KEY_PREFIX + _b64(raw)

    def to_file_json(self, passphrase, kdf_parameters=None):
        kdf_parameters = check_kdf_parameters({**ARGON2_PARAMETERS, **(kdf_parameters or {})})
        salt, nonce = os.urandom(16), os.urandom(12)
        public = self.public_key_text()
        wrapping_key = _derive(passphrase, salt, kdf_parameters)
        sealed = AESGCM(wrapping_key).encrypt(
            nonce, self.mlkem_seed + self.x25519_private, public.encode()
        )
        return json.dumps(
            {
                "format": "eci-private-key",
                "version": 1,
                "suite": SUITE_NAME,
                "public_key": public,
                "kdf": {"name": "argon2id", "salt": _b64(salt), **kdf_parameters},
                "cipher": "AES-256-GCM",
                "nonce": _b64(nonce),
                "ciphertext": _b64(sealed),
            },
            indent=2,
        )

    def write_file(self, path, passphrase, kdf_parameters=None, *, replace=False):
        """Write the key file to `path` (folders made as needed), readable by its owner only.
        An existing file is replaced only when asked: losing a key loses its statements."""
        path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if replace else os.O_EXCL)
        descriptor = os.open(path, flags, 0o600)
        os.fchmod(descriptor, 0o600)  # a replaced file keeps its mode otherwise
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(self.to_file_json(passphrase, kdf_parameters))
        return path

    @classmethod
    def from_file_json(cls, text, passphrase):
        try:
            document = json.loads(text)
            if document.get("format") != "eci-private-key" or document.get("version") != 1:
                raise UnusableKey("This is not an eci-private-key file of version 1.")
            kdf = document["kdf"]
            if kdf.get("name") != "argon2id":
                raise UnusableKey("The key file's KDF is not Argon2id.")
            parameters = {name: int(kdf[name]) for name in ARGON2_PARAMETERS}
        except UnusableKey:
            raise
        except (ValueError, KeyError, TypeError, AttributeError):
            raise UnusableKey("The private key file is damaged or not a key file.") from None
        check_kdf_parameters(parameters)
        try:
            wrapping_key = _derive(passphrase, _unb64(kdf["salt"]), parameters)
            nonce, sealed = _unb64(document["nonce"]), _unb64(document["ciphertext"])
            public = document["public_key"]
        except (ValueError, KeyError, TypeError):
            raise UnusableKey("The private key file is damaged or not a key file.") from None
        try:
            secret = AESGCM(wrapping_key).decrypt(nonce, sealed, public.encode())
        except InvalidTag:
            raise UnusableKey("Wrong passphrase (or a damaged key file).") from None
        key = cls(secret[:64], secret[64:])
        if key.public_key_text() != public:
            raise UnusableKey("The key file's public key does not match its private key.")
        return key


def check_kdf_parameters(parameters):
    """The Argon2id parameters, if each is within ARGON2_BOUNDS; UnusableKey says which is not."""
    for name, (low, high, unit) in ARGON2_BOUNDS.items():
        value = parameters[name]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise UnusableKey(
                f"The key file's Argon2id {name} is {value!r}: it must be from {low} to {high}"
                f" {unit}. The file was not written by generate_signing_key, or was altered."
            )
    return parameters


def _derive(passphrase, salt, parameters):
    return Argon2id(salt=salt, length=32, **parameters).derive(passphrase.encode("utf-8"))


# --- Statements --------------------------------------------------------------------------------


def context(registration_number, country, annex_revision):
    """The HPKE info: what a ciphertext is bound to."""
    return f"eci-statement|{registration_number}|{country}|{annex_revision}".encode()


def mailing_list_context(registration_number):
    """The HPKE info of a supporter's address: bound to the initiative's mailing list, so that
    it cannot pass for a statement (nor a statement for an address)."""
    return f"eci-mailing-list|{registration_number}".encode()


def petition_context(petition_uid):
    """The HPKE info of a petition's signature: bound to that petition, so that it cannot pass
    for another petition's signature, a statement or an address for updates."""
    return f"eci-petition|{petition_uid}".encode()


def petition_updates_context(petition_uid, partner):
    """The HPKE info of a petition signer's address for updates, bound to the petition and to
    whom the signer agreed to hear from (`partner`'s code; "" for the organisers): an address
    cannot pass for a signature, nor move from one list to another."""
    return f"eci-petition-updates|{petition_uid}|{partner}".encode()


def encrypt(public_key, plaintext, info):
    return SUITE.encrypt(plaintext, public_key, info=info)


def decrypt(private_key, ciphertext, info):
    try:
        return SUITE.decrypt(bytes(ciphertext), private_key.key, info=info)
    except (InvalidTag, ValueError):
        raise DecryptionFailed from None
