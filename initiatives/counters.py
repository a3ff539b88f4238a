"""Reading and writing the sharded statement counters (see models.records.SupportCounter)."""

import random

from django.db.models import F, Sum

from .models.records import SupportCounter

SHARDS = 16


def random_shard():
    return random.randrange(SHARDS)


def increment(initiative_id, country):
    """Add one statement; call inside the transaction that stores the statement."""
    shard = random_shard()
    rows = SupportCounter.objects.filter(initiative_id=initiative_id, country=country, shard=shard)
    if not rows.update(count=F("count") + 1):
        SupportCounter.objects.get_or_create(
            initiative_id=initiative_id, country=country, shard=shard
        )
        rows.update(count=F("count") + 1)


def counts_by_initiative(initiative_ids):
    """{initiative id: {country: count}} for the given initiatives, in one query."""
    counts = {pk: {} for pk in initiative_ids}
    rows = (
        SupportCounter.objects.filter(initiative_id__in=initiative_ids)
        .values("initiative_id", "country")
        .annotate(total=Sum("count"))
    )
    for row in rows:
        counts[row["initiative_id"]][row["country"]] = row["total"]
    return counts


def all_counts():
    """{initiative id: {country: count}} for every initiative with a statement, in one query."""
    counts = {}
    rows = SupportCounter.objects.values("initiative_id", "country").annotate(total=Sum("count"))
    for row in rows:
        counts.setdefault(row["initiative_id"], {})[row["country"]] = row["total"]
    return counts
