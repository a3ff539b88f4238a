"""The release: a digest of what the site is built from, in the key of every cache entry.

A deploy changes code, templates, translations or pinned libraries; an entry cached by the
previous release (a page, a blank form, a route) must never be served by the new one. Django
prefixes every cache key with CACHES' KEY_PREFIX: the settings set it to this digest, so a
restart on changed files reads and writes under a new prefix, and the old entries expire unread.

The digest is of the files' contents, not their dates, so that every server of one release
computes the same one and shares its entries. RELEASE in the environment (an image's tag, a
commit) replaces it.
"""

import hashlib
import os
from pathlib import Path

# What a release is built from, below the project's root: the apps' code, templates, static
# files, compiled catalogues and data files, and the pinned libraries.
SUFFIXES = {".py", ".html", ".txt", ".json", ".mo", ".xsd", ".css", ".js", ".svg", ".toml"}
SKIPPED = {".venv", "node_modules", "var", "tests", "bench", "docs", ".git", "__pycache__"}


def files(root):
    for directory, subdirectories, names in os.walk(root):
        subdirectories[:] = sorted(name for name in subdirectories if name not in SKIPPED)
        for name in sorted(names):
            if Path(name).suffix in SUFFIXES:
                yield Path(directory, name)


def release_id(root):
    """RELEASE if set, else 12 hexadecimal digits of the digest of the files under `root`."""
    if os.environ.get("RELEASE"):
        return os.environ["RELEASE"]
    digest = hashlib.blake2b(digest_size=6)
    for path in files(root):
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()
