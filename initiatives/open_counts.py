"""Open counts: an initiative's figures as data anyone may reuse (JSON, CSV), from the same
snapshot as the pages (initiatives.figures), stamped with the time it was taken. The schema is
documented in docs/open-data.md ("Open counts")."""

from .countries import COUNTRIES_REQUIRED, MEMBER_STATES, TOTAL_REQUIRED, threshold_table_for
from .daily import public_series
from .figures import Figures, collects_centrally, figures_and_readings, signed_online
from .partners import public_statements_per_partner

FIGURES = ("online", "paper", "external", "total")
COUNTRY_COLUMNS = ("country", *FIGURES, "minimum")
DAY_COLUMNS = ("date", "online", "paper")
PARTNER_COLUMNS = ("code", "name", "online", "click_throughs")


def _figures(figure):
    return {name: getattr(figure, name) for name in FIGURES}


def _utc(moment):
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def open_counts(initiative):
    """The open counts of one initiative, as a dict ready for JSON."""
    by_country, taken_at, readings = figures_and_readings([initiative])
    by_country = by_country[initiative.pk]
    table = threshold_table_for(initiative.registration_date)
    countries = []
    for code in MEMBER_STATES:
        if table.covers(code):
            figure = by_country.get(code, Figures())
            countries.append({"country": code, **_figures(figure), "minimum": table.minimum(code)})
    total = Figures(
        **{name: sum(getattr(f, name) for f in by_country.values()) for name in FIGURES[:3]}
    )
    days = public_series(initiative, signed_online(initiative, by_country))
    counts = {
        "registration_number": initiative.registration_number,
        "name": initiative.name,
        "taken_at": _utc(taken_at),
        "collection": initiative.collection,
        # A test collection (its purpose), or null: its figures are no statements of support.
        "test_collection": initiative.test_collection or None,
        "required": {"total": TOTAL_REQUIRED, "countries": COUNTRIES_REQUIRED},
        "total": _figures(total),
        "countries_reached": sum(1 for row in countries if row["total"] >= row["minimum"]),
        "countries": countries,
        "days": [
            {"date": day.isoformat(), "online": online, "paper": paper}
            for day, online, paper in days
        ],
    }
    if collects_centrally(initiative):
        reading = readings.get(initiative.pk)
        counts["read_at"] = reading and _utc(reading.read_at)
    if initiative.partner_counts_public:  # the editors' switch (Partners and embedding)
        counts["partners"] = [
            {"code": code, "name": name, "online": statements, "click_throughs": clicks}
            for code, name, statements, clicks in public_statements_per_partner(initiative)
        ]
    return counts


def country_rows(counts):
    """The CSV rows per member state, then the total (country "total", no minimum)."""
    yield COUNTRY_COLUMNS
    for row in counts["countries"]:
        yield [row[column] for column in COUNTRY_COLUMNS]
    yield ["total", *(counts["total"][name] for name in FIGURES), counts["required"]["total"]]


def day_rows(counts):
    yield DAY_COLUMNS
    for row in counts["days"]:
        yield [row[column] for column in DAY_COLUMNS]


def partner_rows(counts):
    """The CSV rows per partner (only where the initiative publishes them: see open_counts)."""
    yield PARTNER_COLUMNS
    for row in counts["partners"]:
        yield [row[column] for column in PARTNER_COLUMNS]


def reading_columns(initiative):
    """The readings CSV's columns: the time, the total, and the member states of the threshold
    table in force at registration (site's codes)."""
    table = threshold_table_for(initiative.registration_date)
    return ("read_at", "total", *(code for code in MEMBER_STATES if table.covers(code)))


def reading_rows(initiative):
    """Every good reading of the central system, oldest first: its time (UTC), its total and
    each member state's figure (0 where the reading had none)."""
    columns = reading_columns(initiative)
    yield columns
    readings = initiative.central_readings.order_by("read_at").values_list(
        "read_at", "total", "countries"
    )
    for read_at, total, countries in readings.iterator(chunk_size=2000):
        yield [_utc(read_at), total, *(countries.get(code, 0) for code in columns[2:])]
