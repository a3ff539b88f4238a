"""The duplicate-detection hash through argon2-cffi gives cryptography's Argon2id, bit for bit:
the hashes stored before the switch still find a second statement of the same person."""

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from hypothesis import given, settings
from hypothesis import strategies as st

from core.argon2 import argon2id


def cryptographys(password, *, salt, secret, memory_cost, iterations, lanes, length):
    return Argon2id(
        salt=salt, length=length, iterations=iterations, lanes=lanes, memory_cost=memory_cost,
        secret=secret,
    ).derive(password)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    password=st.binary(max_size=80),
    salt=st.binary(min_size=8, max_size=40),
    secret=st.binary(min_size=1, max_size=64),
    lanes=st.integers(1, 3),
    iterations=st.integers(1, 3),
    extra_memory=st.integers(0, 64),
    length=st.integers(4, 64),
)
def test_argon2id_is_cryptographys(password, salt, secret, lanes, iterations, extra_memory, length):
    parameters = {"salt": salt, "secret": secret, "memory_cost": 8 * lanes + extra_memory,
                  "iterations": iterations, "lanes": lanes, "length": length}  # fmt: skip
    assert argon2id(password, **parameters) == cryptographys(password, **parameters)


def test_the_dedupe_parameters_hash_as_cryptography_did():
    from signing.services import DEDUPE_ARGON2

    parameters = {"salt": bytes(range(32)), "secret": b"k" * 43, "length": 32, **DEDUPE_ARGON2}
    identity = "BG|мария иванова|петрова|1975-01-02".encode()
    assert argon2id(identity, **parameters) == cryptographys(identity, **parameters)
