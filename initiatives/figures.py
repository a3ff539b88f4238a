"""The figures of every count the site shows: per initiative and member state, the statements
collected online on this site, on paper (the organisers' batches, models.records.PaperBatch, less
the paper forms flagged as duplicates) and reported by another collection system: for an
initiative on the Commission's central system, its last good reading (models.CentralReading,
read by initiatives.central_system); for another external system, the counts editors enter
(models.records.ExternalCount).

`figures_by_initiative` is the one place that adds them up: the progress bars, the initiative
page, its chart and the open counts (initiatives.open_counts) all read it. Public pages read a
snapshot shared by every process, taken at most every PUBLIC_COUNTS_SECONDS / 3, so that a page
view never counts; the organisers' dashboard asks for exact figures.
"""

import datetime
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import OuterRef, Subquery, Sum

from .counters import all_counts, counts_by_initiative
from .models.readings import CentralReading
from .models.records import ExternalCount, Initiative, PaperBatch

SNAPSHOT_KEY = "public-counts"

# Tables (CountOfStatements) counting paper forms that the batches hold but whose signer was
# already counted: the app that keys paper forms in registers them from its AppConfig.ready
# (this app may not import it).
_PAPER_DUPLICATES = []


def register_paper_duplicates(model):
    """Subtract the counts of `model`, per initiative and country, from the paper figures."""
    _PAPER_DUPLICATES.append(model)


@dataclass(frozen=True)
class Figures:
    online: int = 0
    paper: int = 0
    external: int = 0

    @property
    def total(self):
        return self.online + self.paper + self.external


def _per_country(queryset, initiative_ids, total):
    """{initiative id: {country: total}} of `queryset`, in one query (every initiative if None)."""
    if initiative_ids is not None:
        queryset = queryset.filter(initiative_id__in=initiative_ids)
    counts = {}
    for row in queryset.values("initiative_id", "country").annotate(total=total).order_by():
        counts.setdefault(row["initiative_id"], {})[row["country"]] = row["total"]
    return counts


def paper_counts(initiative_ids=None):
    """{initiative id: {country: statements on paper}}: the batches, less the paper forms
    flagged as duplicates (their signer already counts, online or on an earlier form), never
    below 0; one query per table (every initiative if None)."""
    counts = _per_country(PaperBatch.objects.all(), initiative_ids, Sum("count"))
    for model in _PAPER_DUPLICATES:
        duplicates = _per_country(model.objects.all(), initiative_ids, Sum("count"))
        for initiative_id, countries in duplicates.items():
            batches = counts.get(initiative_id, {})
            for country in batches.keys() & countries.keys():
                batches[country] = max(0, batches[country] - countries[country])
    return counts


@dataclass(frozen=True)
class LastReading:
    """An initiative's last good reading of the central system (models.CentralReading)."""

    pk: int
    read_at: datetime.datetime
    total: int
    countries: dict


def last_readings(initiative_ids=None):
    """{initiative id: LastReading} of the initiatives on the central system (every one if
    None), in one query: an index lookup per initiative, however long the history."""
    initiatives = Initiative.objects.filter(collection=Initiative.Collection.CENTRAL)
    if initiative_ids is not None:
        initiatives = initiatives.filter(pk__in=initiative_ids)
    latest = CentralReading.objects.filter(initiative=OuterRef("pk")).order_by("-read_at")
    readings = CentralReading.objects.filter(
        pk__in=initiatives.annotate(last=Subquery(latest.values("pk")[:1])).values("last")
    )
    rows = readings.values("pk", "initiative_id", "read_at", "total", "countries").order_by()
    return {
        row["initiative_id"]: LastReading(row["pk"], row["read_at"], row["total"], row["countries"])
        for row in rows
    }


def public_snapshot():
    """(when, {initiative id: {country: online}}, {initiative id: {country: paper}},
    {initiative id: LastReading}) for every initiative, counted in four queries at most every
    PUBLIC_COUNTS_SECONDS / 3 and shared by all processes through the cache. Pages showing it
    are fresh for another third and stale for the last (core.page_cache): what a reader sees is
    at most PUBLIC_COUNTS_SECONDS old."""
    snapshot = cache.get(SNAPSHOT_KEY)
    now = time.time()
    refresh = max(1, settings.PUBLIC_COUNTS_SECONDS // 3)
    if snapshot is None or len(snapshot) != 4 or not 0 <= now - snapshot[0] < refresh:
        snapshot = (now, all_counts(), paper_counts(), last_readings())
        cache.set(SNAPSHOT_KEY, snapshot, refresh)
    return snapshot


def forget_snapshot():
    """Take the next snapshot at once (a new reading of the central system: its figures change
    once per reading, not with every statement, so they need not wait for the snapshot's
    third). With a per-process cache, other processes see it at their next snapshot."""
    cache.delete(SNAPSHOT_KEY)


def figures_by_initiative(initiatives, exact=False):
    """({initiative id: {country: Figures}}, when the figures were taken) for the given
    Initiative records: from the public snapshot (and its time), or counted now (time None).
    Only member states with a figure appear."""
    figures, taken_at, _readings = figures_and_readings(initiatives, exact)
    return figures, taken_at


def figures_and_readings(initiatives, exact=False):
    """figures_by_initiative, and {initiative id: LastReading} of those on the central system
    that have one (their `external` figures are its member states')."""
    initiatives = list(initiatives)
    on_site = [initiative.pk for initiative in initiatives if initiative.collects_on_site]
    central = [initiative.pk for initiative in initiatives if collects_centrally(initiative)]
    external = [
        initiative.pk
        for initiative in initiatives
        if initiative.collection == Initiative.Collection.EXTERNAL
    ]
    if exact:
        taken_at = None
        online = counts_by_initiative(on_site) if on_site else {}
        paper = paper_counts([initiative.pk for initiative in initiatives])
        readings = last_readings(central) if central else {}
    else:
        when, online, paper, readings = public_snapshot()
        taken_at = datetime.datetime.fromtimestamp(when, tz=datetime.UTC)
    readings = {pk: readings[pk] for pk in central if pk in readings}
    reported = {pk: reading.countries for pk, reading in readings.items()}
    if external:
        for row in ExternalCount.objects.filter(initiative_id__in=external).values(
            "initiative_id", "country", "count"
        ):
            reported.setdefault(row["initiative_id"], {})[row["country"]] = row["count"]
    figures = {}
    for initiative in initiatives:
        pk = initiative.pk
        parts = {
            "online": online.get(pk, {}) if pk in on_site else {},
            "paper": paper.get(pk, {}),
            "external": reported.get(pk, {}),
        }
        countries = set().union(*parts.values())
        figures[pk] = {
            country: Figures(**{name: part.get(country, 0) for name, part in parts.items()})
            for country in countries
        }
    return figures, taken_at, readings


def collects_centrally(initiative):
    return initiative.collection == Initiative.Collection.CENTRAL


def signed_online(initiative, figures):
    """Of an initiative's {country: Figures}, the statements signed online whose days the
    site knows: on this site, or on the central system (its readings)."""
    part = "external" if collects_centrally(initiative) else "online"
    return sum(getattr(figure, part) for figure in figures.values())
