"""Key files for the deployment checks, as docs/operations.md asks for them (a file of their own,
readable by their owner only), removed when the test process ends: a run leaves no
eci-dedupe-key-* behind in /tmp."""

import atexit
import contextlib
import os
import tempfile


def secret_file(text, mode=0o600):
    descriptor, path = tempfile.mkstemp(prefix="eci-dedupe-key-")
    with os.fdopen(descriptor, "w") as handle:
        handle.write(text + "\n")
    os.chmod(path, mode)
    atexit.register(_remove, path)
    return path


def _remove(path):
    with contextlib.suppress(FileNotFoundError):
        os.remove(path)
