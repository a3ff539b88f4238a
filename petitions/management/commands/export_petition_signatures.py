"""Decrypt a petition's confirmed signatures and write the files for its addressee, and the
addresses of the signers who asked for updates (from the organisers, or a partner).

Run it on the organisers' own computer, where the private key is, with the bundle downloaded
from the petition's dashboard (Collection → the petition → Download the encrypted signatures):

    manage.py export_petition_signatures --bundle petition-3.bundle.jsonl \\
        --key organisers.key.json --output out/

or, with the project connected to the database, --petition <id> instead of --bundle: both read
the same (petitions.bundle) and write the same files. The passphrase is asked for (or read from
--passphrase-file). Exit status 2 for a wrong key, passphrase, folder or bundle; nothing is
written then.
"""

import getpass
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.bundle import DamagedBundle
from core.crypto import PrivateKey, UnusableKey
from petitions.bundle import (
    confirmed_signatures,
    joined_updates,
    petition_record,
    read_petition_bundle,
)
from petitions.export import WrongKey, decrypted, updates_lists, write_export, write_updates
from petitions.models import Petition

USAGE_ERROR = 2


class Command(BaseCommand):
    help = "Decrypt a petition's confirmed signatures with the organisers' private key."

    def add_arguments(self, parser):
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument(
            "--bundle", type=Path, help="an export bundle downloaded from the admin"
        )
        source.add_argument("--petition", type=int, help="the petition's id, to read the database")
        parser.add_argument("--key", type=Path, required=True, help="the private key file")
        parser.add_argument(
            "--passphrase-file", type=Path, help="read the passphrase from this file's first line"
        )
        parser.add_argument("--output", type=Path, required=True, help="an empty or new folder")

    def handle(self, *args, **options):
        output = options["output"]
        if output.exists() and any(output.iterdir()):
            raise CommandError(
                f"{output} is not empty; choose a new folder.", returncode=USAGE_ERROR
            )
        source = self.source(options)  # an unknown petition is refused before the passphrase
        private_key = self.private_key(options)
        with source as (record, signatures, updates):
            try:
                # Everything is decrypted before anything is written: a wrong key or a damaged
                # bundle leaves no partial files behind.
                rows = list(decrypted(record, private_key, signatures))
                lists = updates_lists(record, private_key, updates())
            except WrongKey:
                raise CommandError(
                    "This key does not open the petition's signatures.", returncode=USAGE_ERROR
                ) from None
            except DamagedBundle as error:
                raise CommandError(str(error), returncode=USAGE_ERROR) from None
        output.mkdir(parents=True, exist_ok=True, mode=0o700)
        files = write_export(record, rows, output) + write_updates(lists, output)
        self.stdout.write(f"{len(rows)} confirmed signatures exported:")
        for path in files:
            self.stdout.write(f"  {path}")

    def private_key(self, options):
        try:
            key_text = options["key"].read_text(encoding="utf-8")
        except OSError as error:
            raise CommandError(
                f"Cannot read the key file: {error.strerror}.", returncode=USAGE_ERROR
            ) from None
        try:
            return PrivateKey.from_file_json(key_text, self.passphrase(options))
        except UnusableKey as error:
            raise CommandError(str(error), returncode=USAGE_ERROR) from None

    def passphrase(self, options):
        if options["passphrase_file"]:
            try:
                return options["passphrase_file"].read_text(encoding="utf-8").splitlines()[0]
            except (OSError, IndexError):
                raise CommandError(
                    "Cannot read a passphrase from that file.", returncode=USAGE_ERROR
                ) from None
        if sys.stdin.isatty():
            return getpass.getpass("Passphrase of the private key: ")
        return sys.stdin.readline().rstrip("\n")

    def source(self, options):
        if options["bundle"]:
            return BundleSource(options["bundle"])
        return DatabaseSource(options["petition"])


class BundleSource:
    """(record, signatures, addresses for updates) read from a downloaded bundle."""

    def __init__(self, path):
        self.path = path

    def __enter__(self):
        try:
            self.handle = open(self.path, "rb")  # noqa: SIM115 (closed in __exit__)
        except OSError as error:
            raise CommandError(
                f"Cannot read the bundle: {error.strerror}.", returncode=USAGE_ERROR
            ) from None
        try:
            record, _count, signatures = read_petition_bundle(self.handle)
        except DamagedBundle as error:
            self.handle.close()
            raise CommandError(str(error), returncode=USAGE_ERROR) from None
        return record, signatures, signatures.extras

    def __exit__(self, *exc_info):
        self.handle.close()


class DatabaseSource:
    """The same, read from the database."""

    def __init__(self, petition_id):
        self.petition = Petition.objects.filter(pk=petition_id).first()
        if self.petition is None:
            raise CommandError("No petition has this id.", returncode=USAGE_ERROR)

    def __enter__(self):
        petition = self.petition
        return (
            petition_record(petition), confirmed_signatures(petition),
            lambda: joined_updates(petition),
        )  # fmt: skip

    def __exit__(self, *exc_info):
        return None
