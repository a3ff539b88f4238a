"""Progress toward the thresholds, read for many initiatives at once.

`attach_progress` gives each initiative page a `progress` attribute, reading the figures of all
the pages it is given at once (initiatives.figures), so listings cost the same whatever their
length. Statements on paper count like the others and are shown apart.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from .countries import COUNTRIES_REQUIRED, MEMBER_STATES, TOTAL_REQUIRED, threshold_table_for
from .figures import figures_and_readings


def _percent(count, required):
    return min(100, round(100 * count / required)) if required else 0


@dataclass
class CountryProgress:
    code: str
    count: int
    minimum: int
    paper: int = 0  # of `count`, statements collected on paper

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
    paper: int = 0  # of `total`, statements collected on paper
    total_required: int = TOTAL_REQUIRED
    countries_required: int = COUNTRIES_REQUIRED
    table_description: str = ""
    # When the counts were taken (public pages show a snapshot); None for exact counts.
    counted_at: datetime.datetime | None = None
    # When the central system was last read well (its figures are in the counts), local time.
    central_read_at: datetime.datetime | None = None

    @property
    def central_read_today(self):
        """Whether the last reading was today: a page then gives its time only."""
        return self.central_read_at is not None and (
            self.central_read_at.date() == timezone.localdate()
        )

    @property
    def percent(self):
        return _percent(self.total, self.total_required)

    @property
    def countries_reached(self):
        return sum(1 for country in self.countries if country.reached)

    @property
    def countries_with_support(self):
        return [country for country in self.countries if country.count]


def build_progress(counts, registration_date, paper=None):
    """Progress from {country code: count} (every channel), of which `paper` {country code:
    count} on paper, against the table in force at registration."""
    paper = paper or {}
    table = threshold_table_for(registration_date)
    countries = sorted(
        (
            CountryProgress(code, counts.get(code, 0), table.minimum(code), paper.get(code, 0))
            for code in MEMBER_STATES
            if table.covers(code)  # a member state at the time (Croatia joined in 2013)
        ),
        key=lambda country: (-country.count, str(country.name)),
    )
    return Progress(
        total=sum(counts.values()),
        countries=countries,
        table_description=table.description,
        paper=sum(paper.values()),
    )


def progress_from_figures(figures, registration_date):
    """Progress from {country: initiatives.figures.Figures}."""
    return build_progress(
        {country: figure.total for country, figure in figures.items()},
        registration_date,
        {country: figure.paper for country, figure in figures.items()},
    )


def attach_progress(pages, exact=False):
    """Set `page.progress` and `page.figures` ({country: Figures}) on each initiative page (pages
    must select_related the initiative).

    Public pages read the shared snapshot (initiatives.figures), and `progress.counted_at` says
    when it was taken; `exact=True` counts now. For an initiative on the central system,
    `progress.central_read_at` says when its figures were read there."""
    pages = list(pages)
    initiatives = {page.initiative_id: page.initiative for page in pages}
    figures, taken_at, readings = figures_and_readings(initiatives.values(), exact=exact)
    for page in pages:
        initiative = initiatives[page.initiative_id]
        page.figures = figures[page.initiative_id]
        page.progress = progress_from_figures(page.figures, initiative.registration_date)
        if initiative.collects_on_site and taken_at:
            page.progress.counted_at = timezone.localtime(taken_at)
        if (reading := readings.get(initiative.pk)) is not None:
            page.progress.central_read_at = timezone.localtime(reading.read_at)
    return pages
