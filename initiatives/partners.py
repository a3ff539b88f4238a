"""What the site reads of an initiative's partners (initiatives.models.partners): their codes and
origins on the signing path, and the statements each brought, for the dashboard and the open
counts."""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count

from core.embedding import cached_origins

from .counters import click_throughs
from .models import Partner


def partner_origins(initiative_id):
    """{code: origin or ""} of the initiative's partners (cached_origins)."""
    return cached_origins(
        f"initiative:{initiative_id}", Partner.objects.filter(initiative_id=initiative_id)
    )


def statements_per_partner(initiative):
    """[(code, name, statements, click-throughs)] for every partner of the initiative, most
    statements first, counted exactly from the stored statements (a code no partner has any
    more is still listed, with its code as its name; destroyed statements are no longer
    counted), and the visitors its widget, embed or links sent to the central system."""
    names = dict(initiative.partners.values_list("code", "name"))
    # The reverse relation of signing's Statement: this layer never imports signing.
    counted = dict(
        initiative.statements.exclude(partner="")
        .values_list("partner")
        .annotate(statements=Count("pk"))
        .values_list("partner", "statements")
    )
    clicks = click_throughs(initiative.pk)
    codes = names | counted | {code: 0 for code in clicks if code}
    rows = [
        (code, names.get(code, code), counted.get(code, 0), clicks.get(code, 0)) for code in codes
    ]
    return sorted(rows, key=lambda row: (-row[2], -row[3], row[1].lower()))


def public_statements_per_partner(initiative):
    """statements_per_partner for the open counts: counted at most once per third of
    PUBLIC_COUNTS_SECONDS and shared by every process, like the rest of the public figures
    (a query string skips the page cache, so requests alone must never set off a count)."""
    key = f"partner-counts:{initiative.pk}"
    rows = cache.get(key)
    if rows is None:
        rows = statements_per_partner(initiative)
        cache.set(key, rows, max(1, settings.PUBLIC_COUNTS_SECONDS // 3))
    return rows
