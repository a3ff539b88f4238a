"""Remove supporters' addresses from an initiative's list for the organisers' updates.

The server cannot read the addresses, so a supporter's request to be removed is honoured by the
organisers: they find the address in the mailing-list.csv that export_statements wrote on their
own computer, and remove that entry here by the identifier in its first column (and from their
own mailing tool). `--all` destroys the whole list. Written to the audit log as a count.

    manage.py remove_from_mailing_list --initiative ECI(2026)000001 3f2b8c1e-...
    manage.py remove_from_mailing_list --initiative ECI(2026)000001 --all
"""

import uuid

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.log_actions import log

from initiatives.models import Initiative
from organisers.audit import MAILING_LIST_REMOVED


class Command(BaseCommand):
    help = "Remove addresses (by their identifier in mailing-list.csv, or --all) from the list."

    def add_arguments(self, parser):
        parser.add_argument("--initiative", required=True, help="registration number")
        parser.add_argument("identifiers", nargs="*", help="identifiers from mailing-list.csv")
        parser.add_argument("--all", action="store_true", help="destroy the whole list")

    def handle(self, *args, initiative, identifiers, all=False, **options):  # noqa: A002
        try:
            initiative = Initiative.objects.get(registration_number=initiative)
        except Initiative.DoesNotExist:
            raise CommandError(f"No initiative {initiative}.") from None
        if all == bool(identifiers):
            raise CommandError("Give the identifiers to remove, or --all, not both.")
        entries = initiative.mailing_list.all()
        if not all:
            try:
                wanted = [uuid.UUID(text) for text in identifiers]
            except ValueError:
                raise CommandError("An identifier is not one from mailing-list.csv.") from None
            entries = entries.filter(pk__in=wanted)
        with transaction.atomic():
            # The initiative first, as the daily shuffle (signing.services.shuffle_mailing_list)
            # locks it: a removal waits for a rewrite and then finds the rows as rewritten.
            Initiative.objects.select_for_update().get(pk=initiative.pk)
            removed, _by_model = entries.delete()
        if removed:
            log(initiative, MAILING_LIST_REMOVED, data={"total": removed})
        self.stdout.write(f"Removed {removed} address(es) from the list of {initiative}.")
