"""The statement-of-support form of each member state, as data: the one rules table.

Regulation (EU) 2019/788, Annex III as amended: Part A states ask for name, address and date of
birth; Part B states ask for one personal identification or document number. Statements count for
the member state of the signatory's nationality. Every row names its source:

- PAGE: the Commission's data-requirements page (citizens-initiative.europa.eu/data-requirements):
  for each member state the minimum age, Part A or B, and the documents accepted. The stored copy
  consulted lists every state up to Slovenia; Estonia's row, and Slovakia, Finland and Sweden
  after it, were not in it: for those the source is Annex III via the reference (REF).
- REF: shared/reference/eci-rules.md, sections 3 and 4, with its corrections.
- STDNUM: python-stdnum 2.2 (requirements.txt), which checks the national numbers.
- OCS: the export property keys of the Commission's online collection software (see
  organisers/export/authority_xml.py and docs/organisers.md).

UNVERIFIED marks what no source at hand established (a pattern reported as used in practice, a
date reported but not read in the legal text): it is kept as data, to be corrected here.

Documents accepted are those the page lists, no more; patterns are no stricter than the
documents. Where we refuse on purpose what stdnum accepts, the row says so and why.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from . import identity, national_ids

# The form revision the plaintext follows; it is bound into each ciphertext and exported as
# annexRevision.
ANNEX_REVISION = "1"

# The kinds stored in statements (the form's document_type). They never change once used, so
# that stored statements keep their meaning; the export key of each document is separate.
PASSPORT = "passport"
ID_CARD = "id.card"
PERSONAL_NUMBER = "personal.number"
OLD_ID_CARD = "id.card.old"

PAGE = "Commission data-requirements page"
REF = "shared/reference/eci-rules.md"
STDNUM = "python-stdnum 2.2"
# The last section of the reference, "Settled by a second review (December 2026)", after the
# Commission's collection software (carias-rh/OCS: its rules/ files and common.drl).
SETTLED = REF + ", settled December 2026 (OCS rules)"

# Patterns apply to the number without spaces, dots, slashes and hyphens (forms.compact_number).
# UNVERIFIED: a permissive pattern where no national specification was at hand.
ANY_DOCUMENT = r"[A-Z0-9]{5,12}"

EARLIEST = datetime.date.min


@dataclass(frozen=True)
class Identifier:
    """One accepted document or number: its stored kind, label, pattern, check and export key,
    and how its number enters the duplicate identity."""

    kind: str
    label: str
    pattern: str = ANY_DOCUMENT
    check: Callable | None = None  # from national_ids: returns the date of birth or None
    example: str = ""
    export_key: str = ""  # the OCS property key, without "oct.property."; the kind if empty
    source: str = ""
    # The form of the number that names one person, for the duplicate check: from the compact
    # number (signing.identity.number), the same for every document of a member state whose
    # numbers share it (`numbers`), so that one number typed under two documents is one person.
    identity: Callable | None = None
    numbers: str = "document"

    @property
    def property_key(self):
        return f"oct.property.{self.export_key or self.kind}"

    def identity_of(self, number):
        compact = identity.number(number)
        return f"{self.numbers}:{self.identity(compact) if self.identity else compact}"


# --- The data of a statement ----------------------------------------------------------------

# The groups of the authorities' files (section 6 of the reference).
GENERAL, ADDRESS, IDENTIFICATION = "oct.group.general", "oct.group.address", "oct.group.id"
# The export key of a document number: its document's (Identifier.property_key).
DOCUMENTS_OWN_KEY = "(the document's)"


def as_typed(value, statement):
    return value


def day_month_year(value, statement):
    """The date of birth as the Commission's software wrote it; ValueError if not a date."""
    return datetime.date.fromisoformat(value).strftime("%d/%m/%Y")


def residence_as_named(value, statement):
    """A member state's code, or the name typed for 'Another country'."""
    return statement.get("residence_country_other", "") if value == "other" else value


@dataclass(frozen=True)
class StatementField:
    """One datum of a statement, declared once: the form asks for it (`kind` chooses the form
    field, signing.forms), the encrypted statement holds it under `name`, the duplicate identity
    takes it through `identity` (a function of signing.identity; None: not part of it), and the
    authorities' file writes it in `group` under `export_key` as `exported` gives it (no key:
    another field writes it, as the country of residence writes 'Another country's name).
    `name` is never renamed: stored statements are read by it."""

    name: str
    label: str
    kind: str
    group: str
    export_key: str = ""
    identity: Callable | None = None
    exported: Callable = as_typed
    required_message: str = ""
    max_length: int = 0
    autocomplete: str = ""
    why: str = ""  # why it enters the identity as it does

    @property
    def property_key(self):
        return f"oct.property.{self.export_key}" if self.export_key else ""


def document_identity(value, statement):
    """The number of a Part B statement as one person's: see Identifier.identity_of."""
    rule = RULES[statement["country"]]
    return rule.identifier(statement["document_type"]).identity_of(value)


NAMES = (
    StatementField(
        "first_names", _("Full first names"), "name", GENERAL, "full.first.names", identity.text,
        required_message=_("Enter all your first names."), autocomplete="given-name",
        why="invisible characters, compatibility forms, case, look-alike letters (UTS #39 "
            "skeleton), diacritics, German ä/ae ö/oe ü/ue ß/ss folded",
    ),
    StatementField(
        "family_names", _("Family names"), "name", GENERAL, "family.names", identity.text,
        required_message=_("Enter your family names."), autocomplete="family-name",
        why="as the first names",
    ),
)  # fmt: skip

# Part A: name, address and date of birth. Nationality is not part of the identity: one
# person's details are one person's whichever Part A member state's nationality they choose.
PART_A_FIELDS = (
    *NAMES,
    StatementField(
        "street", _("Street"), "line", ADDRESS, "street", identity.street,
        required_message=_("Enter the street of your address."), max_length=200,
        autocomplete="address-line1",
        why="as the names, the country of residence's abbreviations written out "
            "(Hauptstr. = Hauptstraße), without spaces",
    ),
    StatementField(
        "street_number", _("Street number"), "line", ADDRESS, "street.number",
        identity.house_number, required_message=_("Enter the number of the building."),
        max_length=20, why="letters and digits, numbers without leading zeros (05 = 5)",
    ),
    StatementField(
        "postal_code", _("Postal code"), "line", ADDRESS, "postal.code", identity.postal_code,
        required_message=_("Enter your postal code."), max_length=20, autocomplete="postal-code",
        why="letters and digits, Luxembourg's L- dropped",
    ),
    StatementField(
        "city", _("City"), "line", ADDRESS, "city", identity.text,
        required_message=_("Enter your city, town or village."), max_length=100,
        autocomplete="address-level2", why="as the names",
    ),
    StatementField(
        "residence_country", _("Country of residence"), "residence", ADDRESS, "country",
        identity.residence, residence_as_named,
        required_message=_("Choose the country where you live."), autocomplete="country",
        why="a member state named under 'Another country', in any official language, is that "
            "member state",
    ),
    StatementField(
        "residence_country_other", _("Name of the country, if you live outside the European "
                                     "Union"),
        "residence_other", ADDRESS, max_length=100, autocomplete="country-name",
        why="through the country of residence",
    ),
    StatementField(
        "date_of_birth", _("Date of birth"), "date", GENERAL, "date.of.birth", identity.date,
        day_month_year, required_message=_("Enter your date of birth."), autocomplete="bday",
        why="as a date",
    ),
)  # fmt: skip

# Part B: one identification number. The names are asked and exported, not compared: the
# number names the person.
PART_B_FIELDS = (
    *(replace(item, identity=None, why="the number names the person") for item in NAMES),
    StatementField(
        "document_type", pgettext_lazy("an identity document", "Document"), "document_type",
        IDENTIFICATION,
        required_message=_("Choose the document whose number you give."),
        why="not compared: one number typed under two documents is one person's",
    ),
    StatementField(
        "document_number", _("Document number"), "document_number", IDENTIFICATION,
        DOCUMENTS_OWN_KEY, document_identity, required_message=_("Enter the number of your "
                                                                 "document."),
        max_length=30, why="Identifier.identity_of: its member state's numbers, compact",
    ),
)  # fmt: skip


@dataclass(frozen=True)
class MinimumAge:
    """From this statement date on, this age (inclusive of the birthday)."""

    since: datetime.date
    age: int
    source: str


@dataclass(frozen=True)
class CountryRule:
    code: str
    ages: tuple = (MinimumAge(EARLIEST, 18, PAGE),)
    identifiers: tuple = field(default_factory=tuple)  # Part B when not empty
    source: str = PAGE
    # The age counted by calendar year: whoever reaches the minimum age in the statement's year
    # may sign (its source; empty: counted to the birthday).
    age_by_calendar_year: str = ""

    def age_on(self, birth, day):
        """The signer's age on `day` as this member state counts it."""
        if self.age_by_calendar_year:
            return day.year - birth.year
        return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))

    @property
    def part(self):
        return "B" if self.identifiers else "A"

    @property
    def fields(self):
        """The data of this member state's statement (StatementField), in the form's order."""
        return PART_B_FIELDS if self.identifiers else PART_A_FIELDS

    def identity(self, statement):
        """The key that decides whether two statements are one person's, from the statement
        as encrypted (`statement`: signing.forms.StatementForm.statement_data). Part A: no
        nationality (see PART_A_FIELDS); Part B: the member state and its number."""
        scope = self.code if self.identifiers else "A"
        parts = [
            item.identity(statement.get(item.name, ""), statement)
            for item in self.fields
            if item.identity
        ]
        return "|".join([scope, *parts])

    def identifier(self, kind):
        return next(item for item in self.identifiers if item.kind == kind)

    def minimum_age_on(self, day):
        """The minimum age for a statement made on `day` (rules chosen by the statement date)."""
        applicable = [rule for rule in self.ages if rule.since <= day]
        return (applicable[-1] if applicable else self.ages[0]).age


def ages(*pairs, source=PAGE):
    return tuple(MinimumAge(since, age, source) for since, age in pairs)


AGE_16 = ages((EARLIEST, 16))
AGE_17 = ages((EARLIEST, 17))
# Belgium and Germany moved from the European Parliament voting age (18) to 16 in 2023.
# Germany: EBIG § 4 as amended by the EBIGÄndG (Bundestag printed paper 20/2241), in force on
# 1 January 2023 under its Article 3 (read in the bill's published youth check; the promulgated
# text was not seen). Belgium: law of 22 December 2022 on the European citizens' initiative, after
# the law of 1 June 2022 on voting from 16 in European elections; the date 1 May 2023 is reported
# (Democracy International, 2022) — UNVERIFIED against the Moniteur belge.
AGES_DE = ages((EARLIEST, 18), (datetime.date(2023, 1, 1), 16), source="EBIGÄndG Art. 3")
AGES_BE = ages((EARLIEST, 18), (datetime.date(2023, 5, 1), 16), source="UNVERIFIED date")


def passport(pattern=ANY_DOCUMENT, source=PAGE + "; pattern UNVERIFIED"):
    return Identifier(PASSPORT, _("Passport"), pattern, source=source)


def id_card(pattern=ANY_DOCUMENT, label=None, source=PAGE + "; pattern UNVERIFIED", identity=None):
    return Identifier(ID_CARD, label or _("Identity card"), pattern, source=source,
                      identity=identity)  # fmt: skip


def checked(
    label, pattern, check, example, export_key, stdnum_check, *, basis=PAGE,
    kind=PERSONAL_NUMBER, identity=None, numbers="document",
):  # fmt: skip
    """A number that a national_ids function checks: `stdnum_check` names the python-stdnum
    module the check relies on (and any caveat); `basis`, the source that lists the number."""
    source = f"{basis}; check {STDNUM} {stdnum_check}"
    return Identifier(kind, label, pattern, check, example, export_key, source, identity, numbers)


RULES = {
    rule.code: rule
    for rule in [
        # Part A: name, address and date of birth.
        CountryRule("DE", AGES_DE),
        CountryRule("DK"),
        CountryRule("FI", source=REF),
        CountryRule("FR"),
        # 17 by calendar year: whoever turns 17 in the current year may sign (SETTLED).
        CountryRule("GR", AGE_17, age_by_calendar_year=SETTLED),
        CountryRule("IE"),
        CountryRule("LU"),
        CountryRule("NL"),
        CountryRule("SK", source=REF),
        # Part B: one identification number.
        CountryRule("AT", AGE_16, (
            id_card(r"[0-9]{7,8}", source=PAGE + "; pattern " + REF + " (reported practice)"),
            passport(r"[A-Z][0-9]{7,8}", source=PAGE + "; pattern " + REF + " (reported)"),
        )),
        # Rijksregisternummer only. stdnum.be.bis accepts 'bis' numbers (month + 20/40), given
        # to people outside the national register: refused, the page lists the register number.
        CountryRule("BE", AGES_BE, (
            checked(_("National register number"), r"[0-9]{11}",
                    national_ids.belgian_national_number, "85.07.30-033.28", "national.id.number",
                    "be.nn"),
        )),
        CountryRule("BG", source=PAGE, identifiers=(
            checked(_("Personal number (EGN)"), r"[0-9]{10}", national_ids.egn, "7501020018",
                    "personal.number", "bg.egn"),
        )),
        # Identity card numbers are printed without leading zeros: '0012345' is '12345'.
        CountryRule("CY", identifiers=(
            id_card(r"[0-9]{1,10}", identity=identity.without_leading_zeros), passport(),
        )),
        # Občanský průkaz: 9 digits on current cards; 6 digits and 2 letters (either order),
        # 6 digits, 2 letters and 2 digits (123456AA12: SETTLED) and 7-8 digits on older ones
        # (REF corrections; the letter formats UNVERIFIED in detail).
        # Rodné číslo (stdnum.cz.rc) is not a document the page lists: not offered.
        CountryRule("CZ", identifiers=(
            id_card(r"[0-9]{7,9}|[0-9]{6}[A-Z]{2}([0-9]{2})?|[A-Z]{2}[0-9]{6}",
                    source=PAGE + "; pattern " + REF + " corrections; 123456AA12 " + SETTLED),
            passport(r"[0-9]{7,8}"),
        )),
        CountryRule("EE", AGE_16, (
            checked(_("Personal identification code (isikukood)"), r"[0-9]{11}",
                    national_ids.isikukood, "37605030299", "personal.number",
                    "ee.ik; export key personal.number " + SETTLED, basis=REF),
        ), source=REF),
        CountryRule("ES", identifiers=(
            checked(_("National identity document (DNI)"), r"[0-9]{8}[A-Z]", national_ids.dni,
                    "12345678Z", "id.card", "es.dni", kind=ID_CARD),
            passport(),
        )),
        CountryRule("HR", identifiers=(
            checked(_("Personal identification number (OIB)"), r"[0-9]{11}", national_ids.oib,
                    "69435151530", "personal.id", "hr.oib; export key UNVERIFIED"),
        )),
        # Személyazonosító igazolvány / útlevél / személyi azonosító. stdnum has no check for the
        # personal number: its pattern only, UNVERIFIED.
        CountryRule("HU", identifiers=(
            id_card(), passport(),
            Identifier(PERSONAL_NUMBER, _("Personal number"), r"[0-9]{11}",
                       source=PAGE + "; pattern UNVERIFIED, no check"),
        )),
        CountryRule("IT", identifiers=(id_card(), passport())),
        # stdnum.lt.asmens: codes starting with 9 carry no date of birth and are accepted.
        CountryRule("LT", identifiers=(
            checked(_("Personal number (asmens kodas)"), r"[0-9]{11}", national_ids.asmens_kodas,
                    "38703181745", "personal.number", "lt.asmens"),
        )),
        # Old format checked by stdnum.lv.pvn; new 32... codes: our own rule (national_ids).
        CountryRule("LV", identifiers=(
            checked(_("Personal code"), r"[0-9]{11}", national_ids.latvian_personal_code,
                    "120390-12340", "personal.id", "lv.pvn and our own for 32…"),
        )),
        # Pattern UNVERIFIED. Printed without leading zeros: '0043708M' is '43708M'.
        CountryRule("MT", AGE_16, (
            id_card(r"[0-9]{1,7}[A-Z]", identity=identity.without_leading_zeros),
        )),
        CountryRule("PL", identifiers=(
            checked(_("Personal number (PESEL)"), r"[0-9]{11}", national_ids.pesel, "44051401458",
                    "national.id.number", "pl.pesel"),
        )),
        # Bilhete de identidade / passaporte / cartão de cidadão. The citizen card keeps the kind
        # "id.card" it was stored under; the old identity card (bilhete de identidade) prints the
        # civil identification number, 1 to 8 digits (SETTLED), and beside it one check digit,
        # which a signer may type too (so up to 9). Both carry the civil identification number,
        # which names the person: a citizen card and the identity card it replaced are one
        # (identity.portuguese_civil_number; the check digit's algorithm UNVERIFIED: if wrong,
        # a number typed with it is only missed, never merged with another).
        CountryRule("PT", identifiers=(
            checked(_("Citizen card"), r"[0-9]{9}[A-Z0-9]{2}[0-9]",
                    national_ids.portuguese_citizen_card, "000000000ZZ4", "citizens.card", "pt.cc",
                    kind=ID_CARD, identity=identity.portuguese_civil_number, numbers="civil"),
            Identifier(OLD_ID_CARD, _("Identity card (bilhete de identidade)"), r"[0-9]{1,9}",
                       export_key="id.card", source=PAGE + "; 1 to 8 digits " + SETTLED,
                       identity=identity.portuguese_civil_number, numbers="civil"),
            passport(),
        )),
        # Cod numeric personal: stdnum.ro.cnp (its county codes: 49 and 50 refused, 80-83
        # accepted), less the first digits 7-9 of foreign residents, which stdnum accepts: a
        # statement counts by nationality. Carte de identitate: series and number on the cards
        # issued until 2021; the electronic card's number format not at hand: permissive.
        CountryRule("RO", identifiers=(
            checked(_("Personal numerical code (CNP)"), r"[0-9]{13}", national_ids.cnp,
                    "1800101221144", "personal.id", "ro.cnp, citizens only"),
            id_card(), passport(),
        )),
        # Ten or twelve digits, '-' or '+' (100 years or more) before the last four.
        CountryRule("SE", identifiers=(
            checked(_("Personal identity number (personnummer)"),
                    r"([0-9]{2})?[0-9]{6}\+?[0-9]{4}", national_ids.personnummer, "811218-9876",
                    "personal.number", "se.personnummer; export key UNVERIFIED", basis=REF,
                    identity=national_ids.personnummer_identity),
        ), source=REF),
        # stdnum.si.emso: a check computed as 10 is written 0, and accepted.
        CountryRule("SI", identifiers=(
            checked(_("Unique master citizen number (EMŠO)"), r"[0-9]{13}", national_ids.emso,
                    "0101006500006", "personal.number", "si.emso; export key UNVERIFIED"),
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

# An example of each, for the message that says what a postal code of that country looks like.
POSTAL_CODE_EXAMPLES = {
    "DE": "10115", "DK": "1050", "FI": "00100", "FR": "75001", "GR": "105 57", "LU": "1009",
    "NL": "1012 AB", "SK": "811 01",
}  # fmt: skip
