"""The tables of the organisers' screens, drawn by one template."""

from django import template
from django.utils.translation import ngettext

register = template.Library()


@register.inclusion_tag("organisers/listing.html")
def listing(rows, row_template, *headings, empty="", total=None, **shared):
    """A table in Wagtail's `listing` style: a column per heading, and a row per item of `rows`
    whose cells `row_template` draws from `row` (and from `shared`); then `total`, drawn by
    the same template with `is_total` set, or, when there are no rows, the `empty` text."""
    return {
        "rows": rows,
        "row_template": row_template,
        "headings": headings,
        "empty": empty,
        "total": total,
        **shared,
    }


# Up to this many days a deadline is counted in days, beyond it in whole months.
DAYS_COUNTED = 60


@register.filter
def time_left(day, today):
    """How long until `day`, in the site's own plural forms ("3 days left", "9 months left"):
    Django's `timeuntil` gives a phrase ("3 days", "1 year, 9 months") whose case no sentence
    around it can govern in every language (Croatian, Lithuanian, Maltese and Irish get it in
    English, German and Finnish in the wrong case)."""
    days = (day - today).days
    if days <= DAYS_COUNTED:
        return ngettext("%(count)s day left", "%(count)s days left", days) % {"count": days}
    months = (day.year - today.year) * 12 + day.month - today.month - (day.day < today.day)
    return ngettext("%(count)s month left", "%(count)s months left", months) % {"count": months}
