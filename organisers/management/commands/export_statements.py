"""Decrypt an initiative's statements and write the files for the national authorities.

Run it on the organisers' own computer, where the private key is:

    manage.py export_statements --bundle ECI-2026-000001.bundle.jsonl \\
        --key organisers.key.json --output export/ [--csv]

or, with the project connected to the database, --initiative <registration number> instead of
--bundle. The passphrase is asked for (or read from --passphrase-file). Exit status: 0 when every
statement was exported, 1 when any statement or file failed (listed by identifier in the summary),
2 for a wrong key, passphrase or bundle.
"""

import getpass
import os

from django.core.management.base import BaseCommand, CommandError
from wagtail.log_actions import log

from core import offline_export
from core.bundle import DamagedBundle
from core.offline_export import USAGE_ERROR
from initiatives.models import Initiative
from organisers.audit import STATEMENTS_EXPORTED
from organisers.bundle import STATEMENT_BUNDLE
from organisers.export.exporter import (
    MAILING_LIST_FILE,
    WrongKey,
    export_mailing_list,
    export_statements,
)
from organisers.export.progress import Progress
from organisers.records import initiative_record, mailing_list, stored_statements

EXPORT_FAILED = 1


class Command(BaseCommand):
    help = "Decrypt statements with the organisers' private key; write one XML file per country."

    def add_arguments(self, parser):
        source = offline_export.add_arguments(parser)
        source.add_argument("--initiative", help="registration number, to read the database")
        parser.add_argument("--csv", action="store_true", help="also write a CSV file per country")
        parser.add_argument(
            "--workers",
            type=int,
            default=min(os.cpu_count() or 1, 4),
            help="processes that decrypt (default: the number of processors, at most 4)",
        )

    def handle(self, *args, **options):
        # The files hold the statements in clear: readable by their owner only (0600, the
        # folder 0700), whatever the organiser's umask (often 022: readable by every user).
        previous = os.umask(0o077)
        try:
            self.export(options)
        finally:
            os.umask(previous)

    def export(self, options):
        output = options["output"]
        offline_export.refuse_a_full_folder(output)
        private_key = offline_export.private_key(options)

        with self.source(options) as (record, total, statements, addresses, initiative):
            output.mkdir(parents=True, exist_ok=True)
            progress = Progress(total) if options["verbosity"] > 0 else None
            try:
                result = export_statements(
                    record, statements, private_key, output,
                    write_csv=options["csv"], workers=options["workers"], progress=progress,
                )  # fmt: skip
                export_mailing_list(record, addresses(), private_key, output, result)
            except (WrongKey, DamagedBundle) as error:
                raise CommandError(str(error), returncode=USAGE_ERROR) from None
        summary = summarise(record, result)
        (output / "summary.txt").write_text(summary, encoding="utf-8")
        self.stdout.write(summary)
        if initiative is not None:
            log(
                initiative,
                STATEMENTS_EXPORTED,
                data={
                    "countries": dict(sorted(result.per_country.items())),
                    "total": result.exported,
                    "addresses": result.addresses,
                    "failures": len(result.failures),
                    "by": getpass.getuser(),
                },
            )
        if not result.ok:
            raise CommandError(
                f"{len(result.failures)} statement(s) and {len(result.invalid_files)} file(s) "
                "could not be exported; see the summary.",
                returncode=EXPORT_FAILED,
            )

    def source(self, options):
        if options["bundle"]:
            return BundleSource(options["bundle"])
        return DatabaseSource(options["initiative"])


class BundleSource(offline_export.BundleFile):
    def __init__(self, path):
        super().__init__(path, STATEMENT_BUNDLE)

    def __enter__(self):
        record, total, statements = super().__enter__()
        return record, total, statements, statements.extras, None


class DatabaseSource:
    def __init__(self, registration_number):
        try:
            self.initiative = Initiative.objects.get(registration_number=registration_number)
        except Initiative.DoesNotExist:
            raise CommandError(
                f"No initiative {registration_number}.", returncode=USAGE_ERROR
            ) from None

    def __enter__(self):
        initiative = self.initiative
        total = initiative.statements.count()
        return (
            initiative_record(initiative), total, stored_statements(initiative),
            lambda: mailing_list(initiative), initiative,
        )  # fmt: skip

    def __exit__(self, *exc_info):
        return None


def summarise(record, result):
    lines = [f"Export of {record['registration_number']}: {result.exported} statement(s)."]
    if record.get("test_collection"):
        lines.insert(
            0,
            f"TEST COLLECTION ({record['test_collection']}): these are no statements of support; "
            "never hand these files to an authority as such.",
        )
    for country, count in sorted(result.per_country.items()):
        paper = result.paper_per_country[country]
        keyed_in = f", {paper} keyed in from paper" if paper else ""
        lines.append(f"  {country}: {count}{keyed_in}")
    for name, path in sorted(result.files.items()):
        lines.append(f"  {name}: {path}")
    for name, error in sorted(result.invalid_files.items()):
        lines.append(f"File {name} failed the schema and was not written: {error}")
    lines.append(
        f"Addresses for the organisers' updates: {result.addresses} ({MAILING_LIST_FILE})."
    )
    if result.address_failures:
        lines.append(f"{len(result.address_failures)} address(es) did not decrypt:")
        lines.extend(f"  {identifier}" for identifier in result.address_failures)
    if result.failures:
        lines.append(f"{len(result.failures)} statement(s) not exported:")
        lines.extend(
            f"  {identifier} ({country}): {reason}"
            for identifier, country, reason in result.failures
        )
    else:
        lines.append("Every statement was decrypted, validated and written.")
    return "\n".join(lines) + "\n"
