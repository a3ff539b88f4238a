"""Compare the statement counters with the stored statements, and repair them on request.

The counters are what pages read (O(1) per view); the statements are the truth. They agree by
construction (both change in one transaction); this command proves it, and with --fix rewrites
the counters of any initiative and country that differ. Statements destroyed on their deadline
still count: DestroyedStatements keeps how many there were. Keyed-in paper statements are not
counted (their batches are), so only the online ones are compared.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Count, Sum

from initiatives.models import SupportCounter
from signing.models import DestroyedStatements, Statement


def discrepancies():
    """{(initiative id, country): (counted, stored)} where the two differ."""
    counted = {
        (row["initiative_id"], row["country"]): row["total"]
        for row in SupportCounter.objects.values("initiative_id", "country").annotate(
            total=Sum("count")
        )
    }
    stored = {
        (row["initiative_id"], row["country"]): row["total"]
        for row in Statement.objects.filter(channel=Statement.Channel.ONLINE)
        .values("initiative_id", "country")
        .annotate(total=Count("id"))
    }
    destroyed = DestroyedStatements.objects.values("initiative_id", "country").annotate(
        total=Sum("count")
    )
    for row in destroyed:
        key = (row["initiative_id"], row["country"])
        stored[key] = stored.get(key, 0) + row["total"]
    return {
        key: (counted.get(key, 0), stored.get(key, 0))
        for key in counted.keys() | stored.keys()
        if counted.get(key, 0) != stored.get(key, 0)
    }


class Command(BaseCommand):
    help = "Check that the statement counters equal the stored statements (--fix repairs them)."

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="rewrite the differing counters")

    def handle(self, fix=False, **options):
        differences = discrepancies()
        for (initiative_id, country), (counted, stored) in sorted(differences.items()):
            self.stdout.write(
                f"initiative {initiative_id} {country}: counter {counted}, statements {stored}"
            )
        if not differences:
            self.stdout.write("Counters and statements agree.")
            return
        if not fix:
            raise CommandError(f"{len(differences)} counter(s) differ; run with --fix to repair.")
        with transaction.atomic():
            for (initiative_id, country), (_counted, stored) in differences.items():
                SupportCounter.objects.filter(initiative_id=initiative_id, country=country).delete()
                SupportCounter.objects.create(
                    initiative_id=initiative_id, country=country, shard=0, count=stored
                )
        self.stdout.write(f"Repaired {len(differences)} counter(s).")
