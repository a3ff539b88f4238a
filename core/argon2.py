"""Argon2id with a secret key (RFC 9106's K): the duplicate-detection hash of every signature.

The Argon2 reference implementation in C, as argon2-cffi binds it, and cryptography's (OpenSSL's
portable C) give the same hashes; the first takes about a quarter less time
(bench/dedupe_hash.py), and the hash is the largest single piece of a submission's work.
argon2-cffi's documented functions take no secret key, so this fills in the library's
argon2_context itself and calls argon2_ctx (`argon2.low_level.core`), the binding its
documentation offers for what those functions leave out. That context's layout belongs to the
library and may change with a release: requirements.txt pins it, and tests/core/test_argon2.py
checks that the hashes are cryptography's.
"""

from argon2.low_level import ARGON2_VERSION, Type, core, error_to_str, ffi

DEFAULT_FLAGS = 0  # ARGON2_DEFAULT_FLAGS: the library allocates and wipes its own memory


def argon2id(password, *, salt, secret, memory_cost, iterations, lanes, length):
    """The raw Argon2id hash (version 1.3) of `password`; `memory_cost` in KiB."""
    out = ffi.new("uint8_t[]", length)
    # Each buffer is kept in a name until the call returns: cffi frees what nothing holds.
    password_buffer = ffi.new("uint8_t[]", password)
    salt_buffer = ffi.new("uint8_t[]", salt)
    secret_buffer = ffi.new("uint8_t[]", secret)
    context = ffi.new(
        "argon2_context *",
        {
            "out": out,
            "outlen": length,
            "pwd": password_buffer,
            "pwdlen": len(password),
            "salt": salt_buffer,
            "saltlen": len(salt),
            "secret": secret_buffer,
            "secretlen": len(secret),
            "ad": ffi.NULL,
            "adlen": 0,
            "t_cost": iterations,
            "m_cost": memory_cost,
            "lanes": lanes,
            "threads": lanes,
            "version": ARGON2_VERSION,
            "allocate_cbk": ffi.NULL,
            "free_cbk": ffi.NULL,
            "flags": DEFAULT_FLAGS,
        },
    )
    error = core(context, Type.ID.value)
    if error:
        raise ValueError(f"Argon2id: {error_to_str(error)}")
    return bytes(ffi.buffer(out, length))
