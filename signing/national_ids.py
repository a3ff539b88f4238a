"""Checks of national identification numbers, on python-stdnum (pinned in requirements.txt).

Each check takes the number as typed, less the spaces, dots, slashes and hyphens people type
(`forms.compact_number`), and returns the date of birth it encodes, or None when it encodes none;
it raises `InvalidNumber` when the number is malformed, its date impossible or its check digit
wrong. The algorithms are python-stdnum's; this module only chooses the module for each number,
reads the date of birth from it, and says where we refuse on purpose what stdnum accepts — each
such place is named in the rules table (`signing/rules.py`) with its reason.

Our own code is only what stdnum lacks: the Latvian personal codes of the format without a date
(see `latvian_personal_code`).
"""

import re

from stdnum import exceptions
from stdnum.be import nn as be_nn
from stdnum.bg import egn as bg_egn
from stdnum.ee import ik as ee_ik
from stdnum.es import dni as es_dni
from stdnum.hr import oib as hr_oib
from stdnum.lt import asmens as lt_asmens
from stdnum.lv import pvn as lv_pvn
from stdnum.pl import pesel as pl_pesel
from stdnum.pt import cc as pt_cc
from stdnum.ro import cnp as ro_cnp
from stdnum.se import personnummer as se_personnummer
from stdnum.si import emso as si_emso


class InvalidNumber(ValueError):
    pass


def _validated(module, number):
    """The number as the stdnum module validates it, or InvalidNumber."""
    try:
        return module.validate(number)
    except (exceptions.ValidationError, ValueError, IndexError, KeyError):
        raise InvalidNumber(number) from None


def _birth_date(module, number):
    try:
        return module.get_birth_date(number)
    except (exceptions.ValidationError, ValueError):
        raise InvalidNumber(number) from None


def egn(number):
    """Bulgaria: ЕГН (stdnum.bg.egn), YYMMDDSSSC; the month carries the century."""
    return _birth_date(bg_egn, _validated(bg_egn, number))


def pesel(number):
    """Poland: PESEL (stdnum.pl.pesel), YYMMDDZZZXQ; the month carries the century."""
    return _birth_date(pl_pesel, _validated(pl_pesel, number))


# CNP first digits of Romanian citizens: 1-6 give sex and century (stdnum.ro.cnp also accepts
# 7 and 8, foreign residents, and 9, other foreigners: refused, a statement counts by nationality).
CNP_CITIZEN_FIRST_DIGITS = "123456"


def cnp(number):
    """Romania: CNP (stdnum.ro.cnp), SYYMMDDJJNNNC; the county codes JJ are stdnum's."""
    compact = _validated(ro_cnp, number)
    if compact[0] not in CNP_CITIZEN_FIRST_DIGITS:
        raise InvalidNumber(number)
    return _birth_date(ro_cnp, compact)


def isikukood(number):
    """Estonia: isikukood (stdnum.ee.ik), GYYMMDDSSSC."""
    return _birth_date(ee_ik, _validated(ee_ik, number))


def asmens_kodas(number):
    """Lithuania: asmens kodas (stdnum.lt.asmens). Codes starting with 9 carry no date of birth."""
    compact = _validated(lt_asmens, number)
    if compact.startswith("9"):
        return None
    return _birth_date(ee_ik, compact)  # the same layout as the Estonian code


def oib(number):
    """Croatia: OIB (stdnum.hr.oib), ISO 7064 MOD 11,10. Encodes no date of birth."""
    _validated(hr_oib, number)
    return None


def emso(number):
    """Slovenia: EMŠO (stdnum.si.emso), DDMMYYYRRBBBK; a check computed as 10 is written 0."""
    return _birth_date(si_emso, _validated(si_emso, number))


def personnummer(number):
    """Sweden: personnummer (stdnum.se.personnummer), YYMMDD-NNNC or YYYYMMDDNNNC.

    In the ten-digit form '+' marks a person aged 100 or more.
    """
    return _birth_date(se_personnummer, _validated(se_personnummer, number))


def personnummer_identity(number):
    """The ten digits that name one person, whichever form was typed (for duplicate checks)."""
    compact = _validated(se_personnummer, number)
    return compact[-11:-5] + compact[-4:]


def belgian_national_number(number):
    """Belgium: national register number (stdnum.be.nn), YY.MM.DD-XXX.CC, mod-97 check.

    A month or day 0 means the date of birth is not known: None. stdnum.be.nn refuses 'bis'
    numbers (month + 20 or + 40), which stdnum.be.bis accepts: refused here on purpose.
    """
    return _birth_date(be_nn, _validated(be_nn, number))


def dni(number):
    """Spain: DNI (stdnum.es.dni), eight digits and a check letter. Encodes no date of birth."""
    _validated(es_dni, number)
    return None


NEW_LATVIAN_CODE = re.compile(r"32[0-9]{9}")


def latvian_personal_code(number):
    """Latvia: personas kods. Two formats.

    DDMMYY-CNNNZ (issued until 30 June 2017): the date of birth, a century digit and a check
    digit — stdnum.lv.pvn, which checks personal codes as VAT numbers of natural persons, and
    whose first digit above 3 would be a company's number: refused.

    32NNNNNNNNN (issued from 1 July 2017, and on request in exchange for an old one): no date of
    birth. stdnum 2.2 also checks a check digit on these, with an algorithm its own source calls
    unconfirmed; independent implementations (DataDog's sensitive-data scanner, the id_validation
    and Faker libraries) check none. Our own rule, no stricter than the documents: 11 digits
    starting with 32.
    """
    compact = re.sub(r"[\s\-]", "", number)
    if NEW_LATVIAN_CODE.fullmatch(compact):
        return None
    if not re.fullmatch(r"[0-3][0-9]{10}", compact):
        raise InvalidNumber(number)
    return _birth_date(lv_pvn, _validated(lv_pvn, compact))


# The two version characters of a citizen card are letters or digits (stdnum.pt.cc accepts any
# number of leading digits; the card prints nine: the civil identification number and its check
# digit, the version, and a final check digit).
PORTUGUESE_CITIZEN_CARD = re.compile(r"[0-9]{9}[A-Z0-9]{2}[0-9]")


def portuguese_citizen_card(number):
    """Portugal: cartão de cidadão (stdnum.pt.cc): its last digit checks the whole number."""
    compact = re.sub(r"\s", "", number).upper()
    if not PORTUGUESE_CITIZEN_CARD.fullmatch(compact):
        raise InvalidNumber(number)
    _validated(pt_cc, compact)
    return None
