"""Rewrite the addresses for updates of the days before today in a random order; meant for a
daily cron job (signing.services.shuffle_mailing_list says why).

    manage.py shuffle_mailing_list          # the last SHUFFLED_DAYS days before today
    manage.py shuffle_mailing_list --all    # every day before today (once, for older lists)
"""

import datetime

from django.core.management.base import BaseCommand
from django.db import connection
from django.utils import timezone

from signing.models import MailingListEntry
from signing.services import shuffle_mailing_list

# A week: a cron job missed for a few days still covers them, without rewriting every list daily.
SHUFFLED_DAYS = 7


class Command(BaseCommand):
    help = "Rewrite the addresses for updates of the days before today in a random order."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="every day, not the last week")

    def handle(self, *args, all=False, **options):  # noqa: A002
        today = timezone.localdate()
        since = None if all else today - datetime.timedelta(days=SHUFFLED_DAYS)
        rewritten = shuffle_mailing_list(today, since)
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            # The old row versions keep the order of arrival until vacuumed; on a small table
            # autovacuum may not come for days.
            table = connection.ops.quote_name(MailingListEntry._meta.db_table)
            with connection.cursor() as cursor:
                cursor.execute(f"VACUUM {table}")
        self.stdout.write(f"Rewrote {rewritten} address(es) in a random order.")
