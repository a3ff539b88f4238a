"""What the collection dashboard shows about one initiative: counts, days, deadlines."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Sum
from django.utils import timezone

from core.crypto import SUITE_NAME
from initiatives.counters import counts_by_initiative
from initiatives.countries import country_name
from initiatives.deadlines import deadline_list, deletion_deadline, legal_hold, regime_for
from initiatives.progress import build_progress
from signing.models import DestroyedStatements, FlaggedPaperForms, Statement

CHART_WIDTH, CHART_HEIGHT, CHART_MARGIN = 720, 220, 48


def overview(initiative):
    counts = counts_by_initiative([initiative.pk])[initiative.pk]
    online = initiative.statements.filter(channel=Statement.Channel.ONLINE)
    return {
        "progress": build_progress(counts, initiative.registration_date),
        "stored": online.count(),
        "paper": keyed_in_paper(initiative),
        "addresses": initiative.mailing_list.count(),
        "deadlines": deadline_list(initiative),
        "deletion_deadline": deletion_deadline(initiative),
        "hold": legal_hold(initiative),
        "regime": regime_for(initiative),
        "chart": daily_chart(statements_per_day(initiative)),
        "today": timezone.localdate(),
        "suite": SUITE_NAME,
    }


def keyed_in_paper(initiative):
    """[{code, name, stored, flagged}] per member state with a keyed-in paper form, and the
    totals: forms stored, and forms flagged as duplicates (not stored)."""
    rows = {}
    stored = Statement.objects.filter(initiative=initiative, channel=Statement.Channel.PAPER)
    for row in stored.values("country").annotate(total=Count("id")).order_by():
        rows.setdefault(row["country"], {"stored": 0, "flagged": 0})["stored"] = row["total"]
    flagged = FlaggedPaperForms.objects.filter(initiative=initiative).values("country")
    for row in flagged.annotate(total=Sum("count")).order_by():
        rows.setdefault(row["country"], {"stored": 0, "flagged": 0})["flagged"] = row["total"]
    countries = [{"code": code, "name": country_name(code), **rows[code]} for code in sorted(rows)]
    return {
        "countries": countries,
        "stored": sum(row["stored"] for row in countries),
        "flagged": sum(row["flagged"] for row in countries),
    }


def statements_per_day(initiative):
    """[(day, count)] for every day from the first statement signed online to the last,
    destroyed included (keyed-in paper statements are not counted: their batches are)."""
    per_day = {}
    stored = Statement.objects.filter(
        initiative=initiative, channel=Statement.Channel.ONLINE
    ).values("submitted_on")
    for row in stored.annotate(total=Count("id")).order_by():
        per_day[row["submitted_on"]] = row["total"]
    destroyed = DestroyedStatements.objects.filter(initiative=initiative).values("submitted_on")
    for row in destroyed.annotate(total=Sum("count")).order_by():
        per_day[row["submitted_on"]] = per_day.get(row["submitted_on"], 0) + row["total"]
    if not per_day:
        return []
    first, last = min(per_day), max(per_day)
    days = (last - first).days + 1
    return [
        (day, per_day.get(day, 0))
        for day in (first + datetime.timedelta(days=offset) for offset in range(days))
    ]


@dataclass
class Bar:
    day: datetime.date
    count: int
    x: float
    y: float
    width: float
    height: float


def daily_chart(per_day):
    """Geometry of a bar chart of statements per day, drawn as SVG by the template."""
    if not per_day:
        return None
    highest = max(count for _day, count in per_day) or 1
    scale = _nice_ceiling(highest)
    plot_width = CHART_WIDTH - CHART_MARGIN - 8
    plot_height = CHART_HEIGHT - 40
    slot = plot_width / len(per_day)
    bars = []
    for index, (day, count) in enumerate(per_day):
        height = plot_height * count / scale
        bars.append(
            Bar(day, count, CHART_MARGIN + index * slot + slot * 0.1, 10 + plot_height - height,
                max(slot * 0.8, 0.5), height)
        )  # fmt: skip
    gridlines = [
        {"value": scale * step // 4, "y": 10 + plot_height - plot_height * step / 4}
        for step in range(5)
    ]
    return {
        "bars": bars,
        "gridlines": gridlines,
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "left": CHART_MARGIN,
        "right": CHART_WIDTH - 8,
        "baseline": 10 + plot_height,
        "first": per_day[0][0],
        "last": per_day[-1][0],
        "busiest": max(per_day, key=lambda item: item[1]),
    }


def _nice_ceiling(value):
    """The smallest 1, 2 or 5 times a power of ten, times 4, that is at least `value`."""
    magnitude = 1
    while True:
        for step in (1, 2, 5):
            if step * magnitude * 4 >= value:
                return step * magnitude * 4
        magnitude *= 10
