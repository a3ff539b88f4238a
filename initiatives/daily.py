"""Statements per day: online (stored and destroyed, from the app that stores them) and on paper
(the organisers' batches, by the day collected), for the charts and the open counts.

This app may not import the one that stores statements (the layers in the README): that app
registers its per-day sources here from its AppConfig.ready (`register_online_days`).
"""

import datetime
from collections import Counter

from django.core.cache import cache
from django.db.models import Sum
from django.utils import timezone

from core.content_version import current_version

from .models.records import PaperBatch

# (queryset of rows with `initiative` and `submitted_on`, aggregate giving their statements)
_ONLINE_SOURCES = []
# Days before today do not change (destruction keeps their counts): read once a day.
PAST_DAYS_SECONDS = 24 * 3600


def register_online_days(queryset, total):
    """Count `total` of the rows of `queryset` per day as statements signed online."""
    _ONLINE_SOURCES.append((queryset, total))


def online_per_day(initiative_id):
    """{day: statements signed online that day}, exact, destroyed statements included."""
    per_day = Counter()
    for queryset, total in _ONLINE_SOURCES:
        rows = queryset.filter(initiative_id=initiative_id).values("submitted_on")
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
    """The series public pages and the open counts show: every day before today read at most
    once a day (and again after any edit: the content version), today's online figure the
    rest of `online_total`, from the public snapshot (initiatives.figures). No page view counts
    statements, and the days add up to the snapshot's total."""
    today = timezone.localdate()
    key = f"days:{current_version()}:{initiative.pk}:{today.isoformat()}"
    known = cache.get(key)
    if known is None:
        online = {}
        if initiative.collects_on_site:
            online = {day: n for day, n in online_per_day(initiative.pk).items() if day < today}
        known = (online, paper_per_day(initiative.pk))
        cache.set(key, known, PAST_DAYS_SECONDS)
    online, paper = known
    online = dict(online)
    signed_today = online_total - sum(online.values())
    if signed_today > 0:
        online[today] = signed_today
    return series(online, paper)
