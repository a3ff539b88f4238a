"""What the collection dashboard shows about one initiative: counts, days, deadlines."""

from django.utils import timezone

from core.crypto import SUITE_NAME
from initiatives.chart import daily_chart
from initiatives.daily import online_per_day, series
from initiatives.deadlines import deadline_list, deletion_deadline, legal_hold, regime_for
from initiatives.figures import figures_by_initiative
from initiatives.partners import statements_per_partner
from initiatives.progress import progress_from_figures


def overview(initiative):
    figures = figures_by_initiative([initiative], exact=True)[0][initiative.pk]
    return {
        "progress": progress_from_figures(figures, initiative.registration_date),
        "online": sum(figure.online for figure in figures.values()),
        "stored": initiative.statements.count(),
        "deadlines": deadline_list(initiative),
        "deletion_deadline": deletion_deadline(initiative),
        "hold": legal_hold(initiative),
        "regime": regime_for(initiative),
        # Statements signed on this site, destroyed ones included.
        "chart": daily_chart(series(online_per_day(initiative.pk))),
        "partners": statements_per_partner(initiative),
        "today": timezone.localdate(),
        "suite": SUITE_NAME,
    }
