"""The dates the law sets after a collection, as data: which regime applies, and what follows.

The regime follows the initiative's registration date: Regulation (EU) No 211/2011 for initiatives
registered before 2020, Regulation (EU) 2019/788 from 1 January 2020. Correct a period here, in one
place. Sources:

- 2019/788: destruction one month after submission to the Commission, at the latest 21 months
  after the start of the collection (confirmed by the Annex III privacy statement, per
  shared/reference/eci-rules.md), or one month after a withdrawal (Art. 19(3), as recalled: the
  legal text was not reachable here — UNVERIFIED); statements may be kept for administrative or
  judicial proceedings until one month after they end (the privacy statement, as reported in the
  reference — UNVERIFIED: 211/2011's said one week).
- 211/2011: one month after submission, or 18 months after registration; kept for proceedings
  until one week after they end (the privacy statement of the Commission's software: "for a
  maximum of one week after the date of conclusion of these proceedings"). No withdrawal rule was
  found: a withdrawal does not bring destruction forward (UNVERIFIED).
"""

import calendar
import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Period:
    months: int = 0
    days: int = 0

    def after(self, day):
        return add_months(day, self.months) + datetime.timedelta(days=self.days)


@dataclass(frozen=True)
class Regime:
    regulation: str  # its citation in English: what data files are keyed by (legal_texts.json)
    registered_from: datetime.date
    # Statements are destroyed this many months after the initiative is submitted to the
    # Commission...
    months_after_submission: int
    # ...and at the latest this many months after `latest_from` ("collection_start" or
    # "registration_date"), whether or not it was submitted...
    latest_months: int
    latest_from: str
    # ...or this many months after a withdrawal (None: a withdrawal changes nothing)...
    months_after_withdrawal: int | None
    # ...but under a legal hold, not before this long after the proceedings end.
    kept_after_proceedings: Period
    # The collection lasts at most `collection_months` from `collection_from` (the registration
    # under 211/2011, Art. 5(5); the day the organisers chose under 2019/788, Art. 8(1)), which
    # is at the latest `start_within_months` after the registration (None: no limit of its
    # own). Extensions of Regulation (EU) 2020/1042: initiatives/collection_routes.py.
    collection_months: int = 12
    collection_from: str = "collection_start"
    start_within_months: int | None = None
    title: str = ""  # its citation in the reader's language


REGIMES = (
    Regime("Regulation (EU) No 211/2011", datetime.date(2012, 4, 1), 1, 18, "registration_date",
           None, Period(days=7), collection_from="registration_date",
           title=_("Regulation (EU) No 211/2011")),
    Regime("Regulation (EU) 2019/788", datetime.date(2020, 1, 1), 1, 21, "collection_start",
           1, Period(months=1), start_within_months=6, title=_("Regulation (EU) 2019/788")),
)  # fmt: skip

# Organisers submit the statements to the competent authorities within 3 months after the
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


def regular_deadline(initiative):
    """The deadline the regulation sets, before any legal hold: None if no date is known yet."""
    regime = regime_for(initiative)
    candidates = []
    if initiative.submitted_to_commission_on:
        candidates.append(
            add_months(initiative.submitted_to_commission_on, regime.months_after_submission)
        )
    anchor = getattr(initiative, regime.latest_from)
    if anchor:
        candidates.append(add_months(anchor, regime.latest_months))
    if initiative.withdrawn_on and regime.months_after_withdrawal is not None:
        candidates.append(add_months(initiative.withdrawn_on, regime.months_after_withdrawal))
    return min(candidates) if candidates else None


@dataclass(frozen=True)
class LegalHold:
    reason: str
    proceedings_end: datetime.date | None  # None: not known yet
    kept_until: datetime.date | None  # the day destruction is due again, if known


def legal_hold(initiative):
    """The initiative's legal hold, or None: held while a reason is recorded."""
    reason = (initiative.legal_hold_reason or "").strip()
    if not reason:
        return None
    end = initiative.legal_hold_until
    kept = regime_for(initiative).kept_after_proceedings.after(end) if end else None
    return LegalHold(reason, end, kept)


def deletion_deadline(initiative):
    """The day from which every statement of the initiative must be destroyed, or None if it is
    not known (no date recorded yet, or held for proceedings whose end is not known)."""
    regular = regular_deadline(initiative)
    hold = legal_hold(initiative)
    if hold is None or regular is None:
        return regular
    if hold.kept_until is None:
        return None
    return max(regular, hold.kept_until)


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
                _("Submit the statements to the competent authorities"),
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
