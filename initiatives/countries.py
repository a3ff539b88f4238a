"""The member states, and the dated Annex I threshold tables (Regulations 211/2011 and 2019/788).

One table per composition of the European Parliament and per regulation; an initiative uses the
table in force on its registration date. Each table names its legal source; what could not be read
in the legal text is marked UNVERIFIED. See also shared/reference/eci-rules.md, section 4.
"""

import datetime
import functools
from dataclasses import dataclass

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


# 2009–2014 as elected (736 seats): Regulation 211/2011, Annex I as adopted (OJ L 65, 11.3.2011;
# read on legislation.gov.uk). It never applied to a registration: the regulation applied from
# 1 April 2012, after Delegated Regulation 268/2012 had replaced the annex.
_SEATS_2009 = {
    "BE": 22, "BG": 17, "CZ": 22, "DK": 13, "DE": 99, "EE": 6, "IE": 12, "GR": 22, "ES": 50,
    "FR": 72, "IT": 72, "CY": 6, "LV": 8, "LT": 12, "LU": 6, "HU": 22, "MT": 5, "NL": 25,
    "AT": 17, "PL": 50, "PT": 22, "RO": 33, "SI": 7, "SK": 13, "FI": 13, "SE": 18, "UK": 72,
}  # fmt: skip
# 2009–2014 after the Protocol on transitional provisions (in force 1 December 2011, 754 seats):
# Delegated Regulation (EU) No 268/2012 (OJ L 89, 27.3.2012, in force the next day). Its annex
# was read down to Lithuania; the rest are the Protocol's seats.
_SEATS_2011 = {
    **_SEATS_2009,
    "BG": 18, "ES": 54, "FR": 74, "IT": 73, "LV": 9, "MT": 6, "NL": 26, "AT": 19, "PL": 51,
    "SI": 8, "SE": 20, "UK": 73,
}  # fmt: skip
# With Croatia from its accession on 1 July 2013 (12 seats, 766): UNVERIFIED — the act that
# added Croatia to Annex I of 211/2011 was not read.
_SEATS_2013 = {**_SEATS_2011, "HR": 12}
# 2014–2019 (751 seats): European Council Decision 2013/312/EU; Delegated Regulation (EU)
# No 531/2014 (OJ L 148, 20.5.2014), applying from 1 July 2014 (its articles read; its annex
# not: the seats are the Decision's).
_SEATS_2014 = {
    "BE": 21, "BG": 17, "CZ": 21, "DK": 13, "DE": 96, "EE": 6, "IE": 11, "GR": 21, "ES": 54,
    "FR": 74, "HR": 11, "IT": 73, "CY": 6, "LV": 8, "LT": 11, "LU": 6, "HU": 21, "MT": 6,
    "NL": 26, "AT": 18, "PL": 51, "PT": 21, "RO": 32, "SI": 8, "SK": 13, "FI": 13, "SE": 20,
    "UK": 73,
}  # fmt: skip
# 2019–2024 after the United Kingdom's withdrawal (705 seats): European Council Decision (EU)
# 2018/937; Delegated Regulation (EU) 2019/1673 (OJ L 257, 8.10.2019).
_SEATS_2019 = {
    "DE": 96, "FR": 79, "IT": 76, "ES": 59, "PL": 52, "RO": 33, "NL": 29, "BE": 21, "CZ": 21,
    "GR": 21, "HU": 21, "PT": 21, "SE": 21, "AT": 19, "BG": 17, "DK": 14, "FI": 14, "SK": 14,
    "IE": 13, "HR": 12, "LT": 11, "LV": 8, "SI": 8, "EE": 7, "CY": 6, "LU": 6, "MT": 6,
}  # fmt: skip
# 2024–2029 (720 seats): European Council Decision (EU) 2023/2061; Delegated Regulation (EU)
# 2024/1082 (OJ L, 12.4.2024).
_SEATS_2024 = {
    "DE": 96, "FR": 81, "IT": 76, "ES": 61, "PL": 53, "RO": 33, "NL": 31, "BE": 22, "CZ": 21,
    "GR": 21, "HU": 21, "PT": 21, "SE": 21, "AT": 20, "BG": 17, "DK": 15, "FI": 15, "SK": 15,
    "IE": 14, "HR": 12, "LT": 11, "LV": 9, "SI": 9, "EE": 7, "CY": 6, "LU": 6, "MT": 6,
}  # fmt: skip

# In date order. Under 211/2011 the regulation does not say which date chooses the table; the
# registration date is used, as 2019/788 says (UNVERIFIED for 211/2011).
THRESHOLD_TABLES = [
    ThresholdTable(datetime.date(2011, 4, 1), "2009–2014", _SEATS_2009, 750,
                   "Regulation (EU) No 211/2011, Annex I"),
    ThresholdTable(datetime.date(2012, 3, 28), "2009–2014", _SEATS_2011, 750,
                   "Delegated Regulation (EU) No 268/2012"),
    ThresholdTable(datetime.date(2013, 7, 1), "2009–2014", _SEATS_2013, 750,
                   "Croatia's accession (UNVERIFIED)"),
    ThresholdTable(datetime.date(2014, 7, 1), "2014–2019", _SEATS_2014, 750,
                   "Delegated Regulation (EU) No 531/2014"),
    # Regulation 2019/788 applies from 1 January 2020; the United Kingdom was a member until
    # 31 January 2020, with the 751 seats of 2014–2019. Delegated Regulation 2019/1673 is read as
    # giving seats × 751 until the withdrawal (UNVERIFIED: its recitals were read, not its annex).
    ThresholdTable(datetime.date(2020, 1, 1), "2019–2024", _SEATS_2014, 751,
                   "Delegated Regulation (EU) 2019/1673, before the withdrawal (UNVERIFIED)"),
    ThresholdTable(datetime.date(2020, 2, 1), "2019–2024", _SEATS_2019, 705,
                   "Delegated Regulation (EU) 2019/1673"),
    # The date is reported (shared/reference) as 16 July 2024, the start of the term: UNVERIFIED.
    # EUR-Lex's consolidated 2019/788 carrying the ×720 annex is dated 2 May 2024.
    ThresholdTable(datetime.date(2024, 7, 16), "2024–2029", _SEATS_2024, 720,
                   "Delegated Regulation (EU) 2024/1082 (date UNVERIFIED)"),
]  # fmt: skip


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
