"""How much a memory-hard duplicate-detection hash costs, and what it buys (issue 12).

    .venv/bin/python bench/dedupe_hash.py [--seconds 3]

In process, on one core: HMAC-SHA256 (the hash before) and Argon2id (the site's, core/argon2.py:
the key as Argon2's secret input, a per-initiative salt derived from it) at a few parameter sets,
and the chosen set through cryptography's implementation, which gives the same hashes. For each:
hashes per second, milliseconds per hash, and the hours on one such core to reverse one EGN
(half the space on average) and to try the whole EGN space, for an attacker who holds the
database AND the dedupe key. Without the key (the database alone) no guess can be tested at
all: the key is 256 bits, so the hours are those of a brute force of the key, i.e. never.

Valid EGNs: 100 years × 366 days × 1000 serials (the tenth digit is a check digit, computed, not
guessed) = 36,600,000. Knowing the birth date leaves 1,000 (÷ 2 for the sex digit parity).
"""

import argparse
import hashlib
import hmac
import os
import sys
import time
from pathlib import Path

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the site's modules
from core import crypto  # noqa: E402
from core.argon2 import argon2id  # noqa: E402

EGN_SPACE = 100 * 366 * 1000
KEY = os.urandom(32)
SALT = hmac.new(KEY, b"initiative:DEMO(2026)000001", hashlib.sha256).digest()
IDENTITY = b"BG|personal.number|7501020018"

CANDIDATES = [
    ("HMAC-SHA256 (before)", None),
    ("Argon2id m=1 MiB t=1", {"memory_cost": 1024, "iterations": 1}),
    ("Argon2id m=2 MiB t=1", {"memory_cost": 2 * 1024, "iterations": 1}),
    ("  the same, cryptography's", {"memory_cost": 2 * 1024, "iterations": 1, "openssl": True}),
    ("Argon2id m=4 MiB t=1", {"memory_cost": 4 * 1024, "iterations": 1}),
    ("Argon2id m=8 MiB t=1", {"memory_cost": 8 * 1024, "iterations": 1}),
    ("Argon2id m=4 MiB t=3", {"memory_cost": 4 * 1024, "iterations": 3}),
    ("Argon2id m=19 MiB t=2 (OWASP)", {"memory_cost": 19 * 1024, "iterations": 2}),
]


def one_hash(parameters):
    if parameters is None:
        return hmac.new(SALT, IDENTITY, hashlib.sha256).digest()
    parameters = dict(parameters)
    if parameters.pop("openssl", False):
        return Argon2id(salt=SALT, length=32, lanes=1, secret=KEY, **parameters).derive(IDENTITY)
    return argon2id(IDENTITY, salt=SALT, length=32, lanes=1, secret=KEY, **parameters)


def rate(parameters, seconds):
    done, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        for _ in range(1000 if parameters is None else 5):
            one_hash(parameters)
        done += 1000 if parameters is None else 5
    return done / elapsed


def statement_rate(parameters, seconds):
    key = crypto.load_public_key(crypto.PrivateKey.generate().public_key_text())
    plaintext = b'{"annex_revision":"2019/788","first_names":"\u041c","document_number":"1"}' * 2
    info = crypto.context("DEMO(2026)000001", "BG", "2019/788")
    done, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        crypto.encrypt(key, plaintext, info)
        one_hash(parameters)
        done += 1
    return done / elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    arguments = parser.parse_args()
    print(f"EGN space: {EGN_SPACE:,} valid numbers; attacker holds the database AND the key")
    print(f"{'hash':32} {'hashes/s':>12} {'ms/hash':>9} {'one EGN h':>11} {'all EGNs h':>11}")
    for name, parameters in CANDIDATES:
        per_second = rate(parameters, arguments.seconds)
        all_hours = EGN_SPACE / per_second / 3600
        print(
            f"{name:32} {per_second:12,.0f} {1000 / per_second:9.3f} "
            f"{all_hours / 2:11.3f} {all_hours:11.2f}"
        )
    print("Database only (no key): no guess can be tested; 2^256 keys to try.")
    print()
    print("Per statement, the work of signing that is not I/O: HPKE encryption + the hash")
    chosen = {"memory_cost": 2 * 1024, "iterations": 1}
    for name, parameters in [("with HMAC-SHA256", None), ("with Argon2id m=2 MiB t=1", chosen)]:
        per_second = statement_rate(parameters, arguments.seconds)
        print(f"  {name:30} {per_second:9,.0f} statements/s  {1000 / per_second:7.3f} ms each")


if __name__ == "__main__":
    main()
