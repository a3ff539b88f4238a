"""Reading and writing the sharded counters: statements (models.records.SupportCounter) and
click-throughs to the central system (models.partners.ClickThroughCounter)."""

import random

from django.db.models import F, Sum

from .models.partners import ClickThroughCounter
from .models.records import SupportCounter

SHARDS = 16


def random_shard():
    return random.randrange(SHARDS)


def increment(initiative_id, country):
    """Add one statement; call inside the transaction that stores the statement."""
    _add_one(SupportCounter, initiative_id=initiative_id, country=country)


def count_click_through(initiative_id, partner):
    """Add one click-through to the central system for `partner` ("" for the site's own)."""
    _add_one(ClickThroughCounter, initiative_id=initiative_id, partner=partner)


def _add_one(model, **row):
    row["shard"] = random_shard()
    rows = model.objects.filter(**row)
    if not rows.update(count=F("count") + 1):
        model.objects.get_or_create(**row)
        rows.update(count=F("count") + 1)


def click_throughs(initiative_id):
    """{partner code ("" for the site's own pages): click-throughs} of one initiative."""
    rows = (
        ClickThroughCounter.objects.filter(initiative_id=initiative_id)
        .values("partner")
        .annotate(total=Sum("count"))
        .values_list("partner", "total")
    )
    return dict(rows)


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
