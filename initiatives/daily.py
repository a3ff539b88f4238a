"""Statements per day: online (stored and destroyed, from the app that stores them; for an
initiative on the Commission's central system, the growth of its readings), and on paper (the
organisers' batches, by the day collected), for the charts and the open counts.

This app may not import the one that stores statements (docs/architecture.md, the layers): that
app registers its per-day sources here from its AppConfig.ready (`register_online_days`), and the
tables whose changes alter past days (`forget_past_days_on_change`).

Days before today do not change as statements are signed: public pages keep them per initiative
(not under the content version, so a publication recounts nothing), counted once and then only
the days added since. What does change them sets a new version of that initiative's days once
it has committed: a destruction of statements (rows move to the count of destroyed statements,
and a count read while they move could have seen them twice) and any edit of a paper batch.
"""

import datetime
import uuid
from collections import Counter

from django.core.cache import cache
from django.db import transaction
from django.db.models import Max, Min, Sum
from django.db.models.functions import TruncDate
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from .models.readings import CentralReading
from .models.records import Initiative, PaperBatch

# (queryset of rows with `initiative` and `submitted_on`, aggregate giving their statements)
_ONLINE_SOURCES = []
ONLINE, PAPER, CENTRAL = "online", "paper", "central"
# A safety net only: kept days are counted again after a week even if nothing said they changed.
KEPT_DAYS_SECONDS = 7 * 24 * 3600
# One process at a time counts an initiative's new online days; the others use the days counted
# before. With none counted yet, each counts them itself: a request never waits for another.
COUNTING_SECONDS = 60


def register_online_days(queryset, total):
    """Count `total` of the rows of `queryset` per day as statements signed online."""
    _ONLINE_SOURCES.append((queryset, total))


def online_per_day(initiative_id, since=None, before=None):
    """{day: statements signed online that day}, exact, destroyed statements included (only
    the days from `since` and before `before` when given)."""
    days = {"submitted_on__gte": since, "submitted_on__lt": before}
    days = {lookup: day for lookup, day in days.items() if day is not None}
    per_day = Counter()
    for queryset, total in _ONLINE_SOURCES:
        rows = queryset.filter(initiative_id=initiative_id, **days).values("submitted_on")
        for row in rows.annotate(total=total).order_by():
            per_day[row["submitted_on"]] += row["total"]
    return per_day


def paper_per_day(initiative_id):
    """{day collected: statements on paper}."""
    rows = PaperBatch.objects.filter(initiative_id=initiative_id).values("collected_on")
    return {
        row["collected_on"]: row["total"] for row in rows.annotate(total=Sum("count")).order_by()
    }


def series(online, paper=None):
    """[(day, online, paper)] for every day from the first with a figure to the last."""
    paper = paper or {}
    days = set(online) | set(paper)
    if not days:
        return []
    first, last = min(days), max(days)
    return [
        (day, online.get(day, 0), paper.get(day, 0))
        for day in (first + datetime.timedelta(days=n) for n in range((last - first).days + 1))
    ]


def public_series(initiative, online_total):
    """The series public pages and the open counts show: the days before today as kept (see
    the module's docstring), today's online figure the rest of `online_total`, from the public
    snapshot (initiatives.figures.signed_online). No page view counts today's statements, and
    the days add up to the snapshot's total (on the central system: less its first reading)."""
    today = timezone.localdate()
    online, before = {}, 0
    if initiative.collects_on_site:
        online = dict(past_online_days(initiative.pk, today))
    elif initiative.collection == Initiative.Collection.CENTRAL:
        online, before = past_central_days(initiative.pk, today)
        online = dict(online)
    signed_today = online_total - before - sum(online.values())
    if signed_today > 0:
        online[today] = signed_today
    return series(online, kept_paper_days(initiative.pk))


def _keys(kind, initiative_id):
    return f"days:{kind}:{initiative_id}", f"days-version:{kind}:{initiative_id}"


def _kept(kind, initiative_id):
    """(version, (counted until, {day: n}) or None): the days kept under the current version."""
    key, version_key = _keys(kind, initiative_id)
    found = cache.get_many([key, version_key])
    version = found.get(version_key)
    if version is None:
        version = uuid.uuid4().hex
        if not cache.add(version_key, version, None):
            version = cache.get(version_key, version)
    entry = found.get(key)
    if entry is None or entry[0] != version:
        return version, None
    return version, entry[1:]


def _keep(kind, initiative_id, version, until, days):
    cache.set(_keys(kind, initiative_id)[0], (version, until, days), KEPT_DAYS_SECONDS)


def kept_paper_days(initiative_id):
    """paper_per_day, kept until a batch of the initiative changes (a few rows: no lock)."""
    version, kept = _kept(PAPER, initiative_id)
    if kept is None:
        kept = (None, paper_per_day(initiative_id))
        _keep(PAPER, initiative_id, version, *kept)
    return kept[1]


def past_online_days(initiative_id, today):
    """{day: statements signed online} for the days before `today`: kept, and once a day the
    days since the last count added by one process (a query over those days only). Until it
    has, the others return the days counted before (the caller shows the rest as today's).
    With nothing counted yet (a first view, or after a destruction), a process counts them
    all itself rather than hold a worker waiting for another's count."""
    version, kept = _kept(ONLINE, initiative_id)
    if kept is not None and kept[0] == today:
        return kept[1]
    lock = f"days-counting:{ONLINE}:{initiative_id}"
    holding = cache.add(lock, 1, COUNTING_SECONDS)
    if not holding and kept is not None:
        return kept[1]
    try:
        if kept is None:
            days = online_per_day(initiative_id, before=today)
        else:
            until, days = kept
            # The last day counted, again: a statement stored as it ended may have committed
            # only after that count.
            since = until - datetime.timedelta(days=1)
            days = {day: n for day, n in days.items() if day < since}
            days.update(online_per_day(initiative_id, since=since, before=today))
        _keep(ONLINE, initiative_id, version, today, days)
    finally:
        if holding:
            cache.delete(lock)
    return days


def central_per_day(initiative_id, before):
    """({day: statements signed on the central system that day}, total of the first reading)
    for the days before `before`: the growth of the readings' total from the end of one day to
    the end of the next (a good reading's total never falls: initiatives.central_system). What
    was signed before the first reading belongs to no day."""
    readings = CentralReading.objects.filter(initiative_id=initiative_id)
    first = readings.aggregate(first=Min("total"))["first"]
    if first is None:
        return {}, 0
    start_of_day = timezone.make_aware(datetime.datetime.combine(before, datetime.time()))
    rows = (
        readings.filter(read_at__lt=start_of_day)
        .annotate(day=TruncDate("read_at"))
        .values("day")
        .annotate(end=Max("total"))
        .order_by("day")
    )
    days, previous = {}, first
    for row in rows:
        days[row["day"]] = row["end"] - previous
        previous = row["end"]
    return days, first


def past_central_days(initiative_id, today):
    """({day: growth} before `today`, the first reading's total): counted once a day in two
    queries, and again after a reading of the initiative is stored or removed."""
    version, kept = _kept(CENTRAL, initiative_id)
    if kept is None or kept[0] != today:
        kept = (today, central_per_day(initiative_id, today))
        _keep(CENTRAL, initiative_id, version, *kept)
    return kept[1]


def forget_past_days(kind, initiative_id):
    """Set a new version of the initiative's kept `kind` days once the change has committed
    (until then other requests read the old rows): what was kept, or is being counted from
    the old rows, is never read again."""
    version_key = _keys(kind, initiative_id)[1]
    transaction.on_commit(lambda: cache.set(version_key, uuid.uuid4().hex, None))


def forget_past_days_on_change(model, kind):
    """Forget the kept `kind` days of an initiative whenever a row of `model` (with an
    `initiative`) is saved or deleted."""

    def changed(instance, **kwargs):
        forget_past_days(kind, instance.initiative_id)

    uid = f"past-days-{kind}-{model._meta.label_lower}"
    post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"{uid}-save")
    post_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"{uid}-delete")
