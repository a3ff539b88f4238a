"""The dates the law sets after a collection, as data: which regime applies, and what follows.

Source: shared/reference/eci-rules.md, section 5. The regime follows the initiative's registration
date: Regulation (EU) No 211/2011 for initiatives registered before 2020, Regulation (EU) 2019/788
from 1 January 2020. Correct a period here, in one place; the 21 months are UNVERIFIED.
"""

import calendar
import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Regime:
    regulation: str
    registered_from: datetime.date
    # Statements are destroyed this many months after the initiative is submitted to the
    # Commission...
    months_after_submission: int
    # ...and at the latest this many months after `latest_from` ("collection_start" or
    # "registration_date"), whether or not it was submitted.
    latest_months: int
    latest_from: str


REGIMES = (
    Regime("Regulation (EU) No 211/2011", datetime.date(2012, 4, 1), 1, 18, "registration_date"),
    Regime("Regulation (EU) 2019/788", datetime.date(2020, 1, 1), 1, 21, "collection_start"),
)

# Organisers submit the statements to the national authorities within 3 months after the
# collection closes; the authorities verify them within 3 months of receiving them.
MONTHS_TO_SUBMIT_TO_AUTHORITIES = 3
MONTHS_TO_VERIFY = 3


def add_months(day, months):
    """The same day `months` later, or the month's last day when it has no such day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def regime_for(initiative):
    applicable = [r for r in REGIMES if r.registered_from <= initiative.registration_date]
    return applicable[-1] if applicable else REGIMES[0]


def deletion_deadline(initiative):
    """The day by which every statement of the initiative must be destroyed, or None if unknown."""
    regime = regime_for(initiative)
    candidates = []
    if initiative.submitted_to_commission_on:
        candidates.append(
            add_months(initiative.submitted_to_commission_on, regime.months_after_submission)
        )
    anchor = getattr(initiative, regime.latest_from)
    if anchor:
        candidates.append(add_months(anchor, regime.latest_months))
    return min(candidates) if candidates else None


@dataclass(frozen=True)
class Deadline:
    label: str
    day: datetime.date
    done: bool = False


def deadline_list(initiative):
    """What lies ahead for the organisers, in date order."""
    items = []
    if initiative.collection_end:
        items.append(Deadline(_("Collection closes"), initiative.collection_end))
        items.append(
            Deadline(
                _("Submit the statements to the national authorities"),
                add_months(initiative.collection_end, MONTHS_TO_SUBMIT_TO_AUTHORITIES),
                done=bool(initiative.submitted_to_authorities_on),
            )
        )
    if initiative.submitted_to_authorities_on:
        items.append(
            Deadline(
                _("The authorities certify the statements"),
                add_months(initiative.submitted_to_authorities_on, MONTHS_TO_VERIFY),
            )
        )
    deletion = deletion_deadline(initiative)
    if deletion:
        items.append(Deadline(_("Every statement is destroyed"), deletion))
    return sorted(items, key=lambda item: item.day)
