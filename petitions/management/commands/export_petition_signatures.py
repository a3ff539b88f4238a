"""Decrypt a petition's confirmed signatures and write the files for its addressee, and the
addresses of the signers who asked for updates (from the organisers, or a partner).

Run it on the organisers' own computer, where the private key is, connected to the database:

    manage.py export_petition_signatures --petition <id> --key organisers.key.json --output out/

The passphrase is asked for (or read from --passphrase-file). Exit status 2 for a wrong key,
passphrase or folder.
"""

import getpass
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.crypto import PrivateKey, UnusableKey
from petitions.export import WrongKey, decrypted, updates_lists, write_export, write_updates
from petitions.models import Petition

USAGE_ERROR = 2


class Command(BaseCommand):
    help = "Decrypt a petition's confirmed signatures with the organisers' private key."

    def add_arguments(self, parser):
        parser.add_argument("--petition", type=int, required=True, help="the petition's id")
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
        petition = Petition.objects.filter(pk=options["petition"]).first()
        if petition is None:
            raise CommandError("No petition has this id.", returncode=USAGE_ERROR)
        try:
            private_key = PrivateKey.from_file_json(
                options["key"].read_text(encoding="utf-8"), self.passphrase(options)
            )
        except OSError as error:
            raise CommandError(
                f"Cannot read the key file: {error.strerror}.", returncode=USAGE_ERROR
            ) from None
        except UnusableKey as error:
            raise CommandError(str(error), returncode=USAGE_ERROR) from None
        signatures = petition.signatures.filter(confirmed_on__isnull=False).order_by("pk")
        output.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            files = write_export(petition, decrypted(petition, private_key, signatures), output)
            # In the order of their random identifiers: nothing of when each was added.
            joined = petition.updates.filter(signature=None).order_by("id")
            files += write_updates(updates_lists(petition, private_key, joined), output)
        except WrongKey:
            raise CommandError(
                "This key does not open the petition's signatures.", returncode=USAGE_ERROR
            ) from None
        self.stdout.write(f"{signatures.count()} confirmed signatures exported:")
        for path in files:
            self.stdout.write(f"  {path}")

    def passphrase(self, options):
        if options["passphrase_file"]:
            return options["passphrase_file"].read_text(encoding="utf-8").splitlines()[0]
        return getpass.getpass("Passphrase of the private key: ")
