"""Progress toward the thresholds, read for many initiatives at once.

`attach_progress` gives each initiative page a `progress` attribute, reading the counts of all the
pages it is given in at most two queries, so listings cost the same whatever their length.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from .counters import counts_by_initiative, public_counts
from .countries import COUNTRIES_REQUIRED, MEMBER_STATES, TOTAL_REQUIRED, threshold_table_for
from .models.records import ExternalCount


def _percent(count, required):
    return min(100, round(100 * count / required)) if required else 0


@dataclass
class CountryProgress:
    code: str
    count: int
    minimum: int

    @property
    def name(self):
        return MEMBER_STATES[self.code]

    @property
    def percent(self):
        return _percent(self.count, self.minimum)

    @property
    def reached(self):
        return self.count >= self.minimum


@dataclass
class Progress:
    total: int
    countries: list = field(default_factory=list)
    total_required: int = TOTAL_REQUIRED
    countries_required: int = COUNTRIES_REQUIRED
    table_description: str = ""
    # When the counts were taken (public pages show a snapshot); None for exact counts.
    counted_at: datetime.datetime | None = None

    @property
    def percent(self):
        return _percent(self.total, self.total_required)

    @property
    def countries_reached(self):
        return sum(1 for country in self.countries if country.reached)

    @property
    def countries_with_support(self):
        return [country for country in self.countries if country.count]


def build_progress(counts, registration_date):
    """Progress from a {country code: count} mapping, against the table in force at registration."""
    table = threshold_table_for(registration_date)
    countries = sorted(
        (
            CountryProgress(code, counts.get(code, 0), table.minimum(code))
            for code in MEMBER_STATES
            if table.covers(code)  # a member state at the time (Croatia joined in 2013)
        ),
        key=lambda country: (-country.count, str(country.name)),
    )
    return Progress(
        total=sum(counts.values()),
        countries=countries,
        table_description=table.description,
    )


def attach_progress(pages, exact=False):
    """Set `page.progress` on each initiative page (pages must select_related the initiative).

    Public pages read the shared counts snapshot (initiatives.counters.public_counts), and
    `progress.counted_at` says when it was taken; `exact=True` counts now."""
    pages = list(pages)
    initiatives = {page.initiative_id: page.initiative for page in pages}
    on_site = [pk for pk, initiative in initiatives.items() if initiative.collects_on_site]
    external = [pk for pk in initiatives if pk not in on_site]
    counts = {pk: {} for pk in initiatives}
    counted_at = None
    if on_site and exact:
        counts.update(counts_by_initiative(on_site))
    elif on_site:
        snapshot, taken_at = public_counts(on_site)
        counts.update(snapshot)
        counted_at = datetime.datetime.fromtimestamp(taken_at, tz=datetime.UTC)
    if external:
        for row in ExternalCount.objects.filter(initiative_id__in=external).values(
            "initiative_id", "country", "count"
        ):
            counts[row["initiative_id"]][row["country"]] = row["count"]
    for page in pages:
        initiative = initiatives[page.initiative_id]
        page.progress = build_progress(counts[page.initiative_id], initiative.registration_date)
        if initiative.collects_on_site:
            page.progress.counted_at = timezone.localtime(counted_at) if counted_at else None
    return pages
