"""The law's route for every initiative: where it may collect statements of support online.

One module for the rule; the admin form (initiatives.admin_forms), the system check
(initiatives.checks) and the signing state (Initiative.signing_state_on) all ask it.

- **Registered from 1 January 2023**: online only on the Commission's central online collection
  system. Regulation (EU) 2019/788, recital 23 and Article 10 (the central system) with
  Article 11 (individual systems), as applied by Implementing Regulation (EU) 2019/1799: an
  organisers' own (individual) system only for initiatives registered by 31 December 2022; the
  Commission's guidance calls the central system "the sole online collection system for the
  European citizens' initiatives registered after 1 January 2023". Paper stays open to every
  initiative (Article 9(1)), whatever its online route.
- **Registered by 31 December 2022**: an own system may collect, within the collection period
  of the initiative's regime (initiatives.deadlines.Regime: 12 months; under 2019/788 from a day
  the organisers choose, at the latest 6 months after the registration, Article 8(1); under
  211/2011 from the registration, Article 5(5), as the register's entries show, e.g. Minority
  SafePack, registered on 3 April 2017, closed on 3 April 2018), extended by Regulation (EU)
  2020/1042 and the Commission's implementing decisions under its Article 2(2) (dated data with
  their sources: collection_extensions.json beside this module), and only once the certificate of
  its online collection system is uploaded (2019/788, Article 11(3) and Annex IV; 211/2011,
  Article 6(3) and Annex III). An own system publishes the certificate on its site (Annex IV as
  applied; shared/reference/eci-rules.md, last section); the signing page does.
- **Test collections** (the competent authority's tests before certification, training, the
  demonstration) collect no real statement of support: they may collect on this site whatever
  their dates, and are marked as tests everywhere they show.

The last day of a period counted in months is the same day of the month (initiatives.deadlines.
add_months); whether it is that day or the day before was not checked against the texts
(UNVERIFIED), and the register's end date, which the Commission publishes after every extension,
wins where the two differ.
"""

import datetime
import functools
import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .deadlines import add_months, regime_for

CENTRAL_SYSTEM_ONLY_FROM = datetime.date(2023, 1, 1)
CENTRAL_SYSTEM_RULE = "Regulation (EU) 2019/788, recital 23; Implementing Regulation (EU) 2019/1799"
CERTIFICATE_RULES = {
    "Regulation (EU) No 211/2011": "Regulation (EU) No 211/2011, Article 6(3) and Annex III",
    "Regulation (EU) 2019/788": "Regulation (EU) 2019/788, Article 11(3) and Annex IV",
}
PERIOD_RULES = {
    "Regulation (EU) No 211/2011": "Regulation (EU) No 211/2011, Article 5(5)",
    "Regulation (EU) 2019/788": "Regulation (EU) 2019/788, Article 8(1)",
}
EXTENSIONS_FILE = Path(__file__).with_name("collection_extensions.json")


@dataclass(frozen=True)
class Extension:
    source: str
    ongoing_on: datetime.date | None = None
    started_from: datetime.date | None = None
    started_until: datetime.date | None = None
    months: int = 0
    until: datetime.date | None = None

    def applies(self, start, end):
        if self.ongoing_on is not None:
            return start <= self.ongoing_on <= end
        return self.started_from <= start <= self.started_until

    def extend(self, end):
        return max(end, self.until) if self.until else add_months(end, self.months)


@functools.cache
def extensions():
    """The extensions of Regulation (EU) 2020/1042 in date order (collection_extensions.json)."""
    data = json.loads(EXTENSIONS_FILE.read_text(encoding="utf-8"))
    dates = {"ongoing_on", "started_from", "started_until", "until"}
    return tuple(
        Extension(**{k: datetime.date.fromisoformat(v) if k in dates else v for k, v in e.items()})
        for e in data["extensions"]
    )


@dataclass(frozen=True)
class Period:
    """The collection period the law allows an own system: the last day it may start, the last
    day it may end (None until the start is known, under 2019/788), and the rules that set them."""

    latest_start: datetime.date | None
    latest_end: datetime.date | None
    rules: str


def central_system_only(record):
    """True when the law leaves the record no online route but the central system."""
    return not record.test_collection and record.registration_date >= CENTRAL_SYSTEM_ONLY_FROM


def is_test(record):
    return bool(record.test_collection)


def has_certificate(record):
    return record.certificate_of_conformity_id is not None


@functools.lru_cache(maxsize=1024)
def _period(regime, registration_date, collection_start):
    anchor = (
        registration_date if regime.collection_from == "registration_date" else collection_start
    )
    latest_start = (
        add_months(registration_date, regime.start_within_months)
        if regime.start_within_months is not None
        else None
    )
    rules = [PERIOD_RULES.get(regime.regulation, regime.regulation)]
    if anchor is None:
        return Period(latest_start, None, "; ".join(rules))
    end = add_months(anchor, regime.collection_months)
    for extension in extensions():
        if extension.applies(anchor, end):
            end = extension.extend(end)
            rules.append(extension.source)
    return Period(latest_start, end, "; ".join(rules))


def own_system_period(record):
    """The period within which the record's own system may collect (see the module)."""
    return _period(regime_for(record), record.registration_date, record.collection_start)


def within_period(record, today):
    """Whether the law lets an own system take a statement today (a test collection: always)."""
    if is_test(record):
        return True
    period = own_system_period(record)
    return period.latest_end is not None and today <= period.latest_end


def on_site_refusals(record):
    """What the law refuses to a record set to collect on this site: [(field, message)], empty
    when it may. `record` has the Initiative's fields (an instance, or the admin form's values)."""
    if is_test(record):
        return []
    if central_system_only(record):
        return [("collection", central_system_message())]
    refusals = []
    regime = regime_for(record)
    period = own_system_period(record)
    start = record.collection_start
    if start and period.latest_start and start > period.latest_start:
        refusals.append(
            (
                "collection_start",
                _(
                    "This collection starts too long after the registration (%(rule)s). "
                    "Latest possible start: %(latest)s."
                )
                % {
                    "latest": date_format(period.latest_start, "DATE_FORMAT"),
                    "rule": PERIOD_RULES.get(regime.regulation, regime.regulation),
                },
            )
        )
    end = record.collection_end
    if end and period.latest_end and end > period.latest_end:
        refusals.append(
            (
                "collection_end",
                _(
                    "This collection ends later than the law allows (%(rule)s). "
                    "Latest possible end: %(latest)s."
                )
                % {"latest": date_format(period.latest_end, "DATE_FORMAT"), "rule": period.rules},
            )
        )
    if not has_certificate(record):
        refusals.append(
            (
                "certificate_of_conformity",
                _(
                    "Collecting on this site needs the certificate of conformity of its online "
                    "collection system (%(rule)s): upload it here, and the signing page "
                    "publishes it."
                )
                % {"rule": CERTIFICATE_RULES.get(regime.regulation, regime.regulation)},
            )
        )
    return refusals


def central_system_message():
    return _(
        "An initiative registered from 1 January 2023 collects statements of support online only "
        "on the Commission's central online collection system (%(rule)s); paper stays open to it. "
        "Choose the central system and give its address."
    ) % {"rule": CENTRAL_SYSTEM_RULE}


def central_signing_url(address, language):
    """The central system's signing page at `address` in `language` (its `lg` parameter, which
    takes the EU's two-letter codes, as the site's languages are), or "" without an address."""
    if not address:
        return ""
    parts = urlsplit(address)
    query = [(key, value) for key, value in parse_qsl(parts.query) if key != "lg"]
    query.append(("lg", (language or "en").split("-")[0]))
    return urlunsplit(parts._replace(query=urlencode(query)))
