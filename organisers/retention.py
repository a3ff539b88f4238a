"""Destroying statements when the law says so, keeping the counts and leaving an audit trail."""

from django.db import connection, transaction
from django.db.models import Count
from wagtail.log_actions import log

from initiatives.deadlines import legal_hold
from signing.models import DestroyedStatements, MailingListEntry, Statement


class StatementsHeld(Exception):
    """The initiative is under a legal hold: nothing may be destroyed."""

    def __init__(self, hold):
        super().__init__(hold.reason)
        self.hold = hold


def destroy_statements(initiative, *, action, user=None, reason=""):
    """Delete every statement of the initiative, and the addresses of the supporters who asked
    for updates; return {country: count of statements destroyed}.

    The sharded counters are left alone, so public totals do not change; the per-day counts of
    the online statements go to DestroyedStatements, so the dashboard and `reconcile_counts`
    still see them (keyed-in paper statements were never counted: their batches are). Raises
    `StatementsHeld`, destroying nothing, while the initiative is under a legal hold (read from
    the database, locked, so that a hold recorded a moment ago is seen).
    """
    with transaction.atomic():
        current = type(initiative).objects.select_for_update().get(pk=initiative.pk)
        hold = legal_hold(current)
        if hold is not None:
            raise StatementsHeld(hold)
        per_day = _delete_and_count(initiative)
        addresses, _by_model = MailingListEntry.objects.filter(initiative=initiative).delete()
        for row in per_day:
            if row["channel"] != Statement.Channel.ONLINE:
                continue
            destroyed, created = DestroyedStatements.objects.select_for_update().get_or_create(
                initiative=initiative,
                country=row["country"],
                submitted_on=row["submitted_on"],
                defaults={"count": row["total"]},
            )
            if not created:
                destroyed.count += row["total"]
                destroyed.save(update_fields=["count"])
        per_country = {}
        for row in per_day:
            per_country[row["country"]] = per_country.get(row["country"], 0) + row["total"]
        log(
            initiative,
            action,
            user=user,
            data={
                "countries": dict(sorted(per_country.items())),
                "total": sum(per_country.values()),
                "addresses": addresses,
                "reason": reason,
            },
        )
    return per_country


def _delete_and_count(initiative):
    """Delete the initiative's statements: [{country, submitted_on, channel, total}] of what was
    deleted.

    On PostgreSQL the counts come from the deleted rows themselves (DELETE ... RETURNING in one
    statement), so a statement stored while the destruction runs is either deleted and counted
    or kept, never deleted uncounted. SQLite, for development, counts first and then deletes.
    """
    if connection.vendor == "postgresql":
        table = connection.ops.quote_name(Statement._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"WITH gone AS (DELETE FROM {table} WHERE initiative_id = %s "  # noqa: S608
                "RETURNING country, submitted_on, channel) SELECT country, submitted_on, channel, "
                "count(*) FROM gone GROUP BY country, submitted_on, channel",
                [initiative.pk],
            )
            return [
                {"country": country, "submitted_on": day, "channel": channel, "total": total}
                for country, day, channel, total in cursor.fetchall()
            ]
    statements = Statement.objects.filter(initiative=initiative)
    per_day = list(
        statements.values("country", "submitted_on", "channel")
        .annotate(total=Count("id"))
        .order_by()
    )
    statements.delete()
    return per_day
