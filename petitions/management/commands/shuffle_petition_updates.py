"""Rewrite the petitions' addresses for updates confirmed on the days before today in a random
order; a daily job (PERIODIC_JOBS), as shuffle_mailing_list is for the initiatives' lists.

    manage.py shuffle_petition_updates          # the last week before today
    manage.py shuffle_petition_updates --all    # every day before today
"""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from petitions.services import shuffle_updates_addresses
from signing.management.commands.shuffle_mailing_list import SHUFFLED_DAYS


class Command(BaseCommand):
    help = "Rewrite the petitions' addresses for updates of past days in a random order."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="every day, not the last week")

    def handle(self, *args, all=False, **options):  # noqa: A002
        today = timezone.localdate()
        since = None if all else today - datetime.timedelta(days=SHUFFLED_DAYS)
        rewritten = shuffle_updates_addresses(today, since)
        self.stdout.write(f"Rewrote {rewritten} address(es) in a random order.")
