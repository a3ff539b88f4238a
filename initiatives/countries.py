"""The member states, and the dated Annex I threshold tables (Regulations 211/2011 and 2019/788).

One table per composition of the European Parliament and per regulation; an initiative uses the
table in force on its registration date. The tables are data, in threshold_tables.json beside this
module: each names its legal source; what could not be read in the legal text is marked
UNVERIFIED. See also shared/reference/eci-rules.md, section 4.
"""

import datetime
import functools
import json
from dataclasses import dataclass
from pathlib import Path

import icu
from django.utils import translation
from django.utils.translation import gettext_lazy as _

MEMBER_STATES = {
    "AT": _("Austria"),
    "BE": _("Belgium"),
    "BG": _("Bulgaria"),
    "CY": _("Cyprus"),
    "CZ": _("Czechia"),
    "DE": _("Germany"),
    "DK": _("Denmark"),
    "EE": _("Estonia"),
    "ES": _("Spain"),
    "FI": _("Finland"),
    "FR": _("France"),
    "GR": _("Greece"),
    "HR": _("Croatia"),
    "HU": _("Hungary"),
    "IE": _("Ireland"),
    "IT": _("Italy"),
    "LT": _("Lithuania"),
    "LU": _("Luxembourg"),
    "LV": _("Latvia"),
    "MT": _("Malta"),
    "NL": _("Netherlands"),
    "PL": _("Poland"),
    "PT": _("Portugal"),
    "RO": _("Romania"),
    "SE": _("Sweden"),
    "SI": _("Slovenia"),
    "SK": _("Slovakia"),
}
COUNTRY_CHOICES = list(MEMBER_STATES.items())

TOTAL_REQUIRED = 1_000_000
COUNTRIES_REQUIRED = 7  # a quarter of the member states


@dataclass(frozen=True)
class ThresholdTable:
    """The Annex I minimums in force from a date: seats per member state × a multiplier.

    Regulation (EU) No 211/2011, Art. 7(2): seats × 750. Regulation (EU) 2019/788, Art. 3(1)(b):
    seats × the total number of members of the European Parliament, "at the time of
    registration". Seats include the United Kingdom's while it was a member, so that totals are
    those of the parliament of the time; only today's member states are shown.
    """

    in_force_from: datetime.date
    term: str  # the parliament's term, as shown: "2019–2024"
    seats: dict  # country code -> seats in the European Parliament
    multiplier: int
    source: str

    @property
    def total_seats(self):
        return sum(self.seats.values())

    @property
    def description(self):
        return _("seats in the European Parliament %(term)s × %(multiplier)s") % {
            "term": self.term,
            "multiplier": self.multiplier,
        }

    def covers(self, country):
        return country in self.seats

    def minimum(self, country):
        return self.seats[country] * self.multiplier


def _read_threshold_tables(path):
    """The tables of the data file, in date order. A composition of the parliament gives its
    seats in full, or as changes to the one it is `based_on` (listed before it)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    seats = {}
    for name, composition in data["seats"].items():
        base = seats[composition["based_on"]] if "based_on" in composition else {}
        seats[name] = {**base, **composition.get("seats", {}), **composition.get("changes", {})}
    return [
        ThresholdTable(
            datetime.date.fromisoformat(table["in_force_from"]),
            table["term"],
            seats[table["seats"]],
            table["multiplier"],
            table["source"],
        )
        for table in data["tables"]
    ]


# The compositions and tables, each with its legal source and what is UNVERIFIED in its notes.
THRESHOLD_TABLES = _read_threshold_tables(Path(__file__).with_name("threshold_tables.json"))


def threshold_table_for(registration_date):
    """The table in force on the registration date (the earliest table for older initiatives)."""
    table = THRESHOLD_TABLES[0]
    for candidate in THRESHOLD_TABLES:
        if registration_date and registration_date >= candidate.in_force_from:
            table = candidate
    return table


def country_name(code):
    return MEMBER_STATES.get(code, code)


def countries_in_reading_order():
    """The member states as (code, name), in the alphabetical order of the active language.

    Sorted by ICU's collation rules for the language, not by code point: Bulgarian in the order of
    its alphabet, Swedish with Ö after Z, Czech with Č after C.
    """
    language = translation.get_language()
    return [(code, MEMBER_STATES[code]) for code in _codes_in_order(language)]


@functools.cache
def _codes_in_order(language):
    # A collator per call: ICU collators are not to be shared between threads; the result is.
    collator = icu.Collator.createInstance(icu.Locale(language or "en"))
    with translation.override(language):
        return tuple(
            sorted(MEMBER_STATES, key=lambda code: collator.getSortKey(str(MEMBER_STATES[code])))
        )
