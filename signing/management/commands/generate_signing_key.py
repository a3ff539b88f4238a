"""Generate the organisers' key pair, on the organisers' own computer.

The private key goes to a passphrase-protected file (format: core/crypto.py); the public key
and its fingerprint are printed for pasting into the admin. The private key never needs to reach
the server.
"""

import getpass
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core import crypto

MINIMUM_PASSPHRASE = 12


class Command(BaseCommand):
    help = "Generate an HPKE key pair: private key to a protected file, public key printed."

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, help="path of the private key file to write")
        parser.add_argument(
            "--passphrase-file",
            help="read the passphrase from this file instead of asking (first line)",
        )

    def handle(self, out, passphrase_file=None, **options):
        path = Path(out)
        if path.exists():
            raise CommandError(f"{path} exists already: choose another path.")
        passphrase = read_passphrase(passphrase_file)
        key = crypto.PrivateKey.generate()
        key.write_file(path, passphrase)
        public = key.public_key_text()
        self.stdout.write(f"Private key written to {path}. Keep it, and its passphrase, offline.")
        self.stdout.write("\nPublic key (paste it into the initiative in the admin):\n")
        self.stdout.write(public)
        self.stdout.write("\nFingerprint (the admin shows the same; compare them):\n")
        self.stdout.write(crypto.fingerprint(public))


def read_passphrase(passphrase_file):
    if passphrase_file:
        passphrase = Path(passphrase_file).read_text(encoding="utf-8").splitlines()[0]
    else:
        passphrase = getpass.getpass("Passphrase for the private key: ")
        if getpass.getpass("The same passphrase again: ") != passphrase:
            raise CommandError("The two passphrases differ.")
    if len(passphrase) < MINIMUM_PASSPHRASE:
        raise CommandError(f"Use a passphrase of at least {MINIMUM_PASSPHRASE} characters.")
    return passphrase
