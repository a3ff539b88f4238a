"""The member states, and the dated Annex I threshold tables (Regulation (EU) 2019/788).

One table per composition of the European Parliament; an initiative uses the table in force on its
registration date. Source: shared/reference/eci-rules.md, section 4.
"""

import datetime
from dataclasses import dataclass

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
    in_force_from: datetime.date
    description: str  # lazily translated
    seats: dict  # country code -> seats in the European Parliament
    total_seats: int

    def minimum(self, country):
        return self.seats[country] * self.total_seats


_SEATS_2019 = {
    "DE": 96, "FR": 79, "IT": 76, "ES": 59, "PL": 52, "RO": 33, "NL": 29, "BE": 21, "CZ": 21,
    "GR": 21, "HU": 21, "PT": 21, "SE": 21, "AT": 19, "BG": 17, "DK": 14, "FI": 14, "SK": 14,
    "IE": 13, "HR": 12, "LT": 11, "LV": 8, "SI": 8, "EE": 7, "CY": 6, "LU": 6, "MT": 6,
}  # fmt: skip
_SEATS_2024 = {
    "DE": 96, "FR": 81, "IT": 76, "ES": 61, "PL": 53, "RO": 33, "NL": 31, "BE": 22, "CZ": 21,
    "GR": 21, "HU": 21, "PT": 21, "SE": 21, "AT": 20, "BG": 17, "DK": 15, "FI": 15, "SK": 15,
    "IE": 14, "HR": 12, "LT": 11, "LV": 9, "SI": 9, "EE": 7, "CY": 6, "LU": 6, "MT": 6,
}  # fmt: skip

THRESHOLD_TABLES = [
    ThresholdTable(
        datetime.date(2020, 2, 1),
        _("seats in the European Parliament 2019–2024 × 705"),
        _SEATS_2019,
        705,
    ),
    # The date from which the x720 table applies is reported, not verified against the
    # Official Journal (Delegated Regulation (EU) 2024/1082): correct it here if it differs.
    ThresholdTable(
        datetime.date(2024, 7, 16),
        _("seats in the European Parliament 2024–2029 × 720"),
        _SEATS_2024,
        720,
    ),
]


def threshold_table_for(registration_date):
    """The table in force on the registration date (the earliest table for older initiatives)."""
    table = THRESHOLD_TABLES[0]
    for candidate in THRESHOLD_TABLES:
        if registration_date and registration_date >= candidate.in_force_from:
            table = candidate
    return table


def country_name(code):
    return MEMBER_STATES.get(code, code)
