"""Destroy every statement past its deletion deadline; meant for a daily cron job.

The deadline follows the rules in initiatives/deadlines.py (the regime by registration date, a
withdrawal, a legal hold: a held initiative is reported and nothing of it is destroyed).
Each destruction is written to the audit log with its counts; the public counts are kept.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone

from initiatives.deadlines import deletion_deadline, legal_hold, regular_deadline
from initiatives.models import Initiative
from organisers.audit import DESTROYED_ON_DEADLINE
from organisers.retention import StatementsHeld, destroy_statements


class Command(BaseCommand):
    help = "Destroy the statements of every initiative whose deletion deadline has come."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="report, destroy nothing")
        parser.add_argument(
            "--date", help="act as if today were this date (YYYY-MM-DD), to check ahead"
        )

    def handle(self, *args, dry_run=False, date=None, **options):
        try:
            today = datetime.date.fromisoformat(date) if date else timezone.localdate()
        except ValueError:
            raise CommandError("Give the date as YYYY-MM-DD.") from None
        due = 0
        # The supporters' addresses go with the statements, also where no statement is left.
        stored = Q(statements__isnull=False) | Q(mailing_list__isnull=False)
        for initiative in Initiative.objects.filter(stored).distinct():
            deadline = deletion_deadline(initiative)
            hold = legal_hold(initiative)
            if hold and (deadline is None or deadline > today):
                regular = regular_deadline(initiative)
                if regular and regular <= today:
                    kept = hold.kept_until.isoformat() if hold.kept_until else "the end is unknown"
                    self.stdout.write(
                        f"{initiative}: held for proceedings ({hold.reason}); kept until "
                        f"{kept}, nothing destroyed."
                    )
                continue
            if deadline is None or deadline > today:
                continue
            due += 1
            if dry_run:
                count = initiative.statements.count()
                self.stdout.write(f"{initiative}: {count} statement(s) due since {deadline}.")
                continue
            try:
                destroyed = destroy_statements(
                    initiative,
                    action=DESTROYED_ON_DEADLINE,
                    reason=f"Deletion deadline {deadline.isoformat()}",
                )
            except StatementsHeld as held:  # recorded while this command ran
                self.stdout.write(f"{initiative}: held ({held.hold.reason}); nothing destroyed.")
                continue
            self.stdout.write(
                f"{initiative}: destroyed {sum(destroyed.values())} statement(s) "
                f"(deadline {deadline})."
            )
        if not due:
            self.stdout.write("No statement has reached its deletion deadline.")
