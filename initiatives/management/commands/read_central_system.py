"""Read the counts of the initiatives on the Commission's central system, once
(initiatives.central_system). Run it every few minutes (cron, a systemd timer, or the site's
periodic jobs): it reads each initiative at most every CENTRAL_SYSTEM_READ_SECONDS, longer
after failures, and skips what another process is reading."""

from django.core.management.base import BaseCommand

from initiatives.central_system import read_central_system


class Command(BaseCommand):
    help = "Read the counts of initiatives on the Commission's central online collection system."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            action="store_true",
            help="read every initiative now, even before its period or back-off has passed",
        )

    def handle(self, now=False, **options):
        results = read_central_system(due_only=not now)
        for initiative, outcome in results:
            number = initiative.registration_number
            if hasattr(outcome, "total"):
                self.stdout.write(f"{number}: {outcome.total} statements ({outcome.source})")
            else:
                # A service's failure is the job's ordinary weather: said, not raised.
                self.stdout.write(f"{number}: not read ({outcome}); the last reading stays")
        if not results:
            self.stdout.write("Nothing to read now.")
