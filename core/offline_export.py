"""What the organisers' two offline exports share (`export_statements` for an initiative,
`export_petition_signatures` for a petition): their arguments for the key and the output folder,
the private key opened with its passphrase, and a downloaded bundle read line by line. Every
failure here is a CommandError with exit status 2 (USAGE_ERROR) and a message for a person.
"""

import getpass
import sys
from pathlib import Path

from django.core.management.base import CommandError

from .bundle import DamagedBundle, read_bundle
from .crypto import PrivateKey, UnusableKey

USAGE_ERROR = 2


def add_arguments(parser):
    """--bundle, --key, --passphrase-file and --output; returns the group of --bundle, which
    takes the command's option that reads the database instead (one of the two is required)."""
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--bundle", type=Path, help="an export bundle downloaded from the admin")
    parser.add_argument("--key", type=Path, required=True, help="the private key file")
    parser.add_argument(
        "--passphrase-file", type=Path, help="read the passphrase from this file's first line"
    )
    parser.add_argument("--output", type=Path, required=True, help="an empty or new folder")
    return source


def refuse_a_full_folder(output):
    if output.exists() and any(output.iterdir()):
        raise CommandError(f"{output} is not empty; choose a new folder.", returncode=USAGE_ERROR)


def private_key(options):
    """The organisers' private key from --key, opened with the passphrase (--passphrase-file's
    first line, else asked at the terminal, else standard input's first line)."""
    try:
        key_text = options["key"].read_text(encoding="utf-8")
    except OSError as error:
        raise CommandError(
            f"Cannot read the key file: {error.strerror}.", returncode=USAGE_ERROR
        ) from None
    try:
        return PrivateKey.from_file_json(key_text, passphrase(options["passphrase_file"]))
    except UnusableKey as error:
        raise CommandError(str(error), returncode=USAGE_ERROR) from None


def passphrase(passphrase_file):
    if passphrase_file:
        try:
            return passphrase_file.read_text(encoding="utf-8").splitlines()[0]
        except (OSError, IndexError):
            raise CommandError(
                "Cannot read a passphrase from that file.", returncode=USAGE_ERROR
            ) from None
    if sys.stdin.isatty():
        return getpass.getpass("Passphrase of the private key: ")
    return sys.stdin.readline().rstrip("\n")


class BundleFile:
    """`with BundleFile(path, kind) as (record, count, body)`: the bundle read as it is
    consumed (core.bundle.read_bundle), its file closed afterwards."""

    def __init__(self, path, kind):
        self.path, self.kind = path, kind

    def __enter__(self):
        try:
            self.handle = open(self.path, "rb")  # noqa: SIM115 (closed in __exit__)
        except OSError as error:
            raise CommandError(
                f"Cannot read the bundle: {error.strerror}.", returncode=USAGE_ERROR
            ) from None
        try:
            return read_bundle(self.kind, self.handle)
        except DamagedBundle as error:
            self.handle.close()
            raise CommandError(str(error), returncode=USAGE_ERROR) from None

    def __exit__(self, *exc_info):
        self.handle.close()
