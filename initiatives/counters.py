"""Reading and writing the sharded statement counters (see models.records.SupportCounter)."""

import random
import time

from django.conf import settings
from django.core.cache import cache
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


SNAPSHOT_KEY = "public-counts"


def public_counts(initiative_ids):
    """({initiative id: {country: count}}, when they were counted) for public pages: every
    initiative's counts, counted in one query at most every PUBLIC_COUNTS_SECONDS / 3 and shared
    by all processes through the cache, so that a page view never counts. Pages showing them are
    fresh for another third and stale for the last (core.page_cache): what a reader sees is at
    most PUBLIC_COUNTS_SECONDS old. The organisers' dashboard reads counts_by_initiative, exact."""
    snapshot = cache.get(SNAPSHOT_KEY)
    now = time.time()
    refresh = max(1, settings.PUBLIC_COUNTS_SECONDS // 3)
    if snapshot is None or not 0 <= now - snapshot[0] < refresh:
        snapshot = (now, all_counts())
        cache.set(SNAPSHOT_KEY, snapshot, refresh)
    taken_at, counts = snapshot
    return {pk: dict(counts.get(pk, {})) for pk in initiative_ids}, taken_at


def all_counts():
    """{initiative id: {country: count}} for every initiative with a statement, in one query."""
    counts = {}
    rows = SupportCounter.objects.values("initiative_id", "country").annotate(total=Sum("count"))
    for row in rows:
        counts.setdefault(row["initiative_id"], {})[row["country"]] = row["total"]
    return counts
