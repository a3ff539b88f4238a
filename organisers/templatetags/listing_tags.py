"""The tables of the organisers' screens, drawn by one template."""

from django import template

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
