"""Which days paper counts for: declared once, for the batches recorded on the organisers'
dashboard (organisers.batches) or in an initiative's or a petition's record (their admin forms),
and for a paper form keyed in (organisers.paper), so that no way of recording paper counts a day
the collection did not run, or one still to come."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

OUTSIDE_THE_PERIOD = _("A paper form counts only if it was signed during the collection period.")


def counts_on(day, start=None, end=None, today=None):
    """Whether paper signed on `day` counts: from `start` to `end` (either may be open), and
    never after today."""
    return (
        day <= (today or timezone.localdate())
        and (start is None or start <= day)
        and (end is None or day <= end)
    )


def refuse_days_outside(formset, start=None, end=None):
    """Mark each batch of the admin's inline `formset` whose day does not count (the parent
    form's clean: a batch's own form cannot see its record's period)."""
    formset.is_valid()  # cleans the batches' forms, whose days this reads
    for form in formset.forms:
        batch = form.cleaned_data if hasattr(form, "cleaned_data") else {}
        day = batch.get("collected_on")
        if day and not batch.get("DELETE") and not counts_on(day, start, end):
            form.add_error("collected_on", OUTSIDE_THE_PERIOD)
