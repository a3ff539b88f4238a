"""What the collection dashboard shows about one initiative: counts, days, deadlines."""

from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.crypto import SUITE_NAME
from initiatives.chart import daily_chart
from initiatives.counters import click_throughs
from initiatives.countries import country_name
from initiatives.daily import online_per_day, series
from initiatives.deadlines import deadline_list, deletion_deadline, legal_hold, regime_for
from initiatives.figures import figures_by_initiative, last_readings
from initiatives.models import CentralSystemState, Initiative
from initiatives.partners import statements_per_partner
from initiatives.progress import progress_from_figures
from signing.models import FlaggedPaperForms, Statement


def overview(initiative):
    figures = figures_by_initiative([initiative], exact=True)[0][initiative.pk]
    return {
        "progress": progress_from_figures(figures, initiative.registration_date),
        "online": sum(figure.online for figure in figures.values()),
        # Keyed-in paper statements are stored too, but counted by their batches.
        "stored": initiative.statements.filter(channel=Statement.Channel.ONLINE).count(),
        "paper": keyed_in_paper(initiative),
        "addresses": initiative.mailing_list.count(),
        "deadlines": deadline_list(initiative),
        "deletion_deadline": deletion_deadline(initiative),
        "hold": legal_hold(initiative),
        "regime": regime_for(initiative),
        # Statements signed on this site, destroyed ones included.
        "chart": daily_chart(series(online_per_day(initiative.pk))),
        "partners": statements_per_partner(initiative),
        # Sent to the central system from the site's own pages (partner code "").
        "click_throughs_here": click_throughs(initiative.pk).get("", 0),
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


# What the organisers read when a reading of the central system failed (the job's
# initiatives.central_system.Failure codes, with its figures).
FAILURES = {
    "timeout": _("No answer within the time limit (%(seconds)s s)"),
    "http_status": _("Answered with HTTP status %(status)s"),
    "unreachable": _("Could not be reached"),
    "bad_answer": _("Answered something other than the documented figures"),
    "total_fell": _("The total fell from %(before)s to %(after)s"),
    "countries_mismatch": _(
        "The member states' figures add up to %(sum)s, not to the total of %(total)s"
    ),
}


def central_system_readings(initiatives):
    """[{initiative, reading, state, failure}] for each of `initiatives` on the Commission's
    central system: its last good reading (or None), the periodic job's state, and what failed
    (a sentence) while it fails."""
    initiatives = [i for i in initiatives if i.collection == Initiative.Collection.CENTRAL]
    readings = last_readings([initiative.pk for initiative in initiatives])
    states = {
        state.initiative_id: state
        for state in CentralSystemState.objects.filter(initiative__in=initiatives)
    }
    rows = []
    for initiative in initiatives:
        state = states.get(initiative.pk)
        failure = None
        if state is not None and state.failure:
            failure = FAILURES.get(state.failure, FAILURES["bad_answer"]) % {
                "seconds": "", "status": "", "before": "", "after": "", "sum": "", "total": "",
                **state.failure_details,
            }  # fmt: skip
        rows.append(
            {
                "initiative": initiative,
                "reading": readings.get(initiative.pk),
                "state": state,
                "failure": failure,
            }
        )
    return rows
