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

from django.core.management.base import BaseCommand, CommandError

from core import offline_export
from core.bundle import DamagedBundle
from core.offline_export import USAGE_ERROR
from petitions.bundle import PETITION_BUNDLE, confirmed_signatures, joined_updates, petition_record
from petitions.export import WrongKey, decrypted, updates_lists, write_export, write_updates
from petitions.models import Petition


class Command(BaseCommand):
    help = "Decrypt a petition's confirmed signatures with the organisers' private key."

    def add_arguments(self, parser):
        source = offline_export.add_arguments(parser)
        source.add_argument("--petition", type=int, help="the petition's id, to read the database")

    def handle(self, *args, **options):
        output = options["output"]
        offline_export.refuse_a_full_folder(output)
        source = self.source(options)  # an unknown petition is refused before the passphrase
        private_key = offline_export.private_key(options)
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

    def source(self, options):
        if options["bundle"]:
            return BundleSource(options["bundle"])
        return DatabaseSource(options["petition"])


class BundleSource(offline_export.BundleFile):
    """(record, signatures, addresses for updates) read from a downloaded bundle."""

    def __init__(self, path):
        super().__init__(path, PETITION_BUNDLE)

    def __enter__(self):
        record, _count, signatures = super().__enter__()
        return record, signatures, signatures.extras


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
