"""The statement-of-support form of each member state, as data.

Regulation (EU) 2019/788, Annex III as amended: Part A states ask for name, address and date of
birth; Part B states ask for one personal identification or document number. Statements count for
the member state of the signatory's nationality. Source: shared/reference/eci-rules.md, section 3.

Patterns marked UNVERIFIED are those reported as used in practice but not checked against each
state's own specification; correct them here, in one place.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from . import national_ids

# The form revision the plaintext follows; it is bound into each ciphertext and exported as
# annexRevision.
ANNEX_REVISION = "1"

PASSPORT = "passport"
ID_CARD = "id.card"
PERSONAL_NUMBER = "personal.number"

# Patterns apply to the number without spaces, dots, slashes and hyphens (forms.compact_number).
# UNVERIFIED: a permissive pattern where no national specification was at hand.
ANY_DOCUMENT = r"[A-Z0-9]{5,12}"


@dataclass(frozen=True)
class Identifier:
    """One accepted document or number: its export key, label, pattern and check."""

    kind: str
    label: str
    pattern: str = ANY_DOCUMENT
    check: Callable | None = None  # from national_ids: returns the date of birth or None
    example: str = ""


@dataclass(frozen=True)
class CountryRule:
    code: str
    minimum_age: int = 18
    identifiers: tuple = field(default_factory=tuple)  # Part B when not empty

    @property
    def part(self):
        return "B" if self.identifiers else "A"

    def identifier(self, kind):
        return next(item for item in self.identifiers if item.kind == kind)


def passport(pattern=ANY_DOCUMENT):
    return Identifier(PASSPORT, _("Passport"), pattern)


def id_card(pattern=ANY_DOCUMENT, label=None):
    return Identifier(ID_CARD, label or _("Identity card"), pattern)


RULES = {
    rule.code: rule
    for rule in [
        # Part A: name, address and date of birth.
        CountryRule("DE", minimum_age=16),
        CountryRule("DK"),
        CountryRule("FI"),
        CountryRule("FR"),
        CountryRule("GR", minimum_age=17),
        CountryRule("IE"),
        CountryRule("LU"),
        CountryRule("NL"),
        CountryRule("SK"),
        # Part B: one identification number.
        CountryRule("AT", 16, (id_card(r"[0-9]{7,8}"), passport(r"[A-Z][0-9]{7,8}"))),
        CountryRule("BE", 16, (
            Identifier(PERSONAL_NUMBER, _("National register number"), r"[0-9]{11}",
                       national_ids.belgian_national_number, "85.07.30-033.28"),
        )),
        CountryRule("BG", 18, (
            Identifier(PERSONAL_NUMBER, _("Personal number (EGN)"), r"[0-9]{10}",
                       national_ids.egn, "7501020018"),
        )),
        CountryRule("CY", 18, (id_card(r"[0-9]{1,10}"), passport())),
        CountryRule("CZ", 18, (id_card(r"[0-9]{7,8}"), passport(r"[0-9]{7,8}"))),
        CountryRule("EE", 16, (
            Identifier(PERSONAL_NUMBER, _("Personal identification code (isikukood)"),
                       r"[0-9]{11}", national_ids.baltic_personal_code, "37605030299"),
        )),
        CountryRule("ES", 18, (
            Identifier(ID_CARD, _("National identity document (DNI)"), r"[0-9]{8}[A-Z]",
                       national_ids.dni, "12345678Z"),
            passport(),
        )),
        CountryRule("HR", 18, (
            Identifier(PERSONAL_NUMBER, _("Personal identification number (OIB)"), r"[0-9]{11}",
                       national_ids.oib, "69435151530"),
        )),
        CountryRule("HU", 18, (
            id_card(), passport(),
            Identifier(PERSONAL_NUMBER, _("Personal number"), r"[0-9]{11}"),  # UNVERIFIED
        )),
        CountryRule("IT", 18, (id_card(), passport())),
        CountryRule("LT", 18, (
            Identifier(PERSONAL_NUMBER, _("Personal number (asmens kodas)"), r"[0-9]{11}",
                       national_ids.baltic_personal_code, "38703181745"),
        )),
        CountryRule("LV", 18, (
            Identifier(PERSONAL_NUMBER, _("Personal code"), r"[0-9]{11}",
                       example="120390-12345"),
        )),
        CountryRule("MT", 16, (id_card(r"[0-9]{1,7}[A-Z]"),)),  # UNVERIFIED pattern
        CountryRule("PL", 18, (
            Identifier(PERSONAL_NUMBER, _("Personal number (PESEL)"), r"[0-9]{11}",
                       national_ids.pesel, "44051401458"),
        )),
        CountryRule("PT", 18, (
            id_card(r"[0-9]{9}[A-Z]{2}[0-9]", _("Citizen card")), passport(),
        )),
        CountryRule("RO", 18, (
            Identifier(PERSONAL_NUMBER, _("Personal numerical code (CNP)"), r"[0-9]{13}",
                       national_ids.cnp, "1800101221144"),
            id_card(r"[A-Z]{2}[0-9]{6}"), passport(),
        )),
        CountryRule("SE", 18, (
            Identifier(PERSONAL_NUMBER, _("Personal identity number (personnummer)"),
                       r"([0-9]{2})?[0-9]{6}\+?[0-9]{4}", national_ids.personnummer,
                       "811218-9876"),
        )),
        CountryRule("SI", 18, (
            Identifier(PERSONAL_NUMBER, _("Unique master citizen number (EMŠO)"), r"[0-9]{13}",
                       national_ids.emso, "0101006500006"),
        )),
    ]
}  # fmt: skip

# Postal codes of the countries of residence whose format is known; others are free text.
POSTAL_CODES = {
    "DE": r"[0-9]{5}",
    "DK": r"[0-9]{4}",
    "FI": r"[0-9]{5}",
    "FR": r"[0-9]{5}",
    "GR": r"[0-9]{3} ?[0-9]{2}",
    "LU": r"(L-?)?[0-9]{4}",
    "NL": r"[1-9][0-9]{3} ?[A-Za-z]{2}",
    "SK": r"[089][0-9]{2} ?[0-9]{2}",
}
