"""The normalisations that decide whether two statements are one person's.

Each field of the rules table (`signing/rules.py`) that enters the duplicate identity names one
of these functions; the table says why each was chosen. They are keys, never shown or stored:
two spellings of one person must give one key, and two people almost never one (the other
fields of the identity, a date of birth and an address, or a document number, stay apart).
Where a rule cannot be certain, it leans to the authorities' view: they verify every statement,
and a name or an address that they would read as the same person's is folded together here.
"""

import functools
import re
import unicodedata

import icu
from django.conf import settings

from initiatives.countries import MEMBER_STATES

from . import national_ids

# Zero-width spaces and joiners, soft hyphens, direction marks, variation selectors: invisible,
# so a signer cannot see that they typed one (Unicode's Default_Ignorable_Code_Point).
_INVISIBLE = icu.UnicodeSet("[:Default_Ignorable_Code_Point:]")
_SPOOF_CHECKER = icu.SpoofChecker()
# ø → o, æ → ae, ł → l, đ → d, þ → th: the letters that have no decomposition into a base
# letter and a mark (NFKD leaves them whole).
_LATIN_ASCII = icu.Transliterator.createInstance("Latin-ASCII")
# German registers write ä, ö, ü as ae, oe, ue (and ß as ss: casefold does it); a signer may
# also leave the dots off. All three spellings fold to the bare vowel.
_GERMAN_VOWELS = re.compile(r"([aou])e")


def visible(text):
    """Without invisible characters, in Unicode's compatibility form (NFKC): full-width
    letters, ligatures and superscripts as the plain ones they stand for."""
    return unicodedata.normalize("NFKC", "".join(ch for ch in text if not _INVISIBLE.contains(ch)))


def text(value, statement=None):
    """A name, street or city as a key: invisible characters removed, compatibility forms,
    letter case, confusable letters (ICU's spoof-checker skeleton, UTS #39: a Cyrillic 'а' is a
    Latin 'a'), diacritics and the German transliterations folded, words separated by one space.
    """
    folded = visible(value).casefold()
    # Case first: the skeleton of 'I' is 'l', of 'i' is 'i'. Again after: some skeletons are
    # capitals (the skeleton of '0' is 'O').
    skeleton = _SPOOF_CHECKER.getSkeleton(0, folded).casefold()
    bare = "".join(
        ch for ch in unicodedata.normalize("NFKD", skeleton) if not unicodedata.combining(ch)
    )
    ascii_letters = _GERMAN_VOWELS.sub(r"\1", _LATIN_ASCII.transliterate(bare))
    return " ".join(re.sub(r"[\W_]+", " ", ascii_letters).split())


def compact(value):
    """Letters and digits only, in one case and compatibility form: a postal code ('1234 ab',
    '1234AB'), a house number ('5 a', '5a')."""
    return re.sub(r"[\W_]+", "", visible(value).casefold())


def house_number(value, statement=None):
    """'05', '5', '5 A' and '5a': numbers without leading zeros, letters in one case."""
    return re.sub(r"(?<![0-9])0+(?=[0-9])", "", compact(value))


def postal_code(value, statement=None):
    """'L-1234' and '1234' in Luxembourg, '811 01' and '81101': the country's prefix dropped."""
    code = compact(value)
    prefix = POSTAL_PREFIXES.get(statement.get("residence_country") if statement else None)
    if prefix and code.startswith(prefix) and code[len(prefix) :].isdigit():
        code = code[len(prefix) :]
    return code


POSTAL_PREFIXES = {"LU": "l"}


# Street words written short, by country of residence: (the short form, the word, whether the
# short form also ends a word, as the German 'Hauptstr.'). Written as typed; normalised by
# `text` like the street itself.
STREET_ABBREVIATIONS = {
    "DE": (("str", "straße", True), ("pl", "platz", False)),
    "AT": (("str", "straße", True), ("g", "gasse", False), ("pl", "platz", False)),
    "LU": (("str", "straße", True), ("av", "avenue", False), ("bd", "boulevard", False),
           ("r", "rue", False)),
    "FR": (("av", "avenue", False), ("bd", "boulevard", False), ("bld", "boulevard", False),
           ("r", "rue", False), ("pl", "place", False), ("ch", "chemin", False),
           ("imp", "impasse", False), ("rte", "route", False), ("fg", "faubourg", False)),
    "BE": (("av", "avenue", False), ("bd", "boulevard", False), ("r", "rue", False),
           ("str", "straat", True), ("stwg", "steenweg", True)),
    "NL": (("str", "straat", True), ("ln", "laan", True), ("pln", "plein", True)),
    "IT": (("v", "via", False), ("p", "piazza", False), ("pza", "piazza", False),
           ("pzza", "piazza", False), ("vle", "viale", False), ("cso", "corso", False)),
    "ES": (("c", "calle", False), ("avda", "avenida", False), ("av", "avenida", False),
           ("pza", "plaza", False), ("po", "paseo", False)),
    "PT": (("r", "rua", False), ("av", "avenida", False), ("pc", "praca", False)),
    "SE": (("g", "gatan", False),),
    "FI": (("k", "katu", False),),
    "PL": (("ul", "ulica", False), ("al", "aleja", False), ("pl", "plac", False)),
    "CZ": (("nam", "namesti", False), ("tr", "trida", False)),
    "SK": (("nam", "namestie", False),),
    "GR": (("od", "odos", False), ("leof", "leoforos", False)),
    "IE": (("st", "street", False), ("rd", "road", False), ("ave", "avenue", False),
           ("sq", "square", False), ("tce", "terrace", False)),
}  # fmt: skip


@functools.cache
def _abbreviations(country):
    return tuple(
        (text(short), text(word), suffix)
        for short, word, suffix in STREET_ABBREVIATIONS.get(country, ())
    )


def street(value, statement=None):
    """A street as a key: `text`, its country's abbreviations written out, without spaces
    ('Hauptstr. 5' and 'Haupt Straße 5' are one street)."""
    abbreviations = _abbreviations(statement.get("residence_country") if statement else None)
    words = []
    for word in text(value).split():
        for short, full, suffix in abbreviations:
            if word == short:
                word = full
                break
            if suffix and word.endswith(short) and len(word) > len(short):
                word = word[: -len(short)] + full
                break
        words.append(word)
    return "".join(words)


@functools.cache
def _member_state_names():
    """Every member state's name in each official language and in its own, as `text` keys."""
    languages = {code.split("-")[0] for code in settings.EU_LANGUAGES} | {"en"}
    names = {}
    for code in MEMBER_STATES:
        region = icu.Locale("", code)
        for language in languages:
            names[text(region.getDisplayCountry(icu.Locale(language)))] = code
        names[text(code)] = code
    return names


def residence(value, statement):
    """The country of residence: a member state typed under 'Another country' ('other:
    Germany', 'Deutschland') is that member state, in whichever official language."""
    if value != "other":
        return value
    typed = text(statement.get("residence_country_other", ""))
    return _member_state_names().get(typed, f"other {typed}")


def date(value, statement=None):
    """A date of birth as stored: ISO 8601 (the form's DateField chose the format)."""
    return value


def number(value):
    """A document number as compared: compatibility forms, no invisible characters, spaces,
    dots, slashes or hyphens, upper case."""
    return re.sub(r"[\s.\-/]", "", visible(value)).upper()


def without_leading_zeros(value):
    """'0043708M' and '43708M': the zeros a number never starts with."""
    return value.lstrip("0") or value


def portuguese_civil_number(value):
    """The civil identification number (número de identificação civil) of a Portuguese
    document: the first eight digits of a citizen card (then its check digit, version and
    check); an identity card's (bilhete de identidade) number as printed, or with the check
    digit printed beside it. Without leading zeros, as the old cards print it."""
    if len(value) == 12:  # a citizen card
        return without_leading_zeros(value[:8])
    if len(value) == 9 and _civil_check_digit(value[:8]) == value[8]:
        value = value[:8]
    return without_leading_zeros(value)


def _civil_check_digit(digits):
    """The check digit of a civil identification number (mod 11, weights 9 to 2), as the
    citizen card prints it ninth; 10 and 11 are written 0."""
    weights = range(9, 1, -1)
    total = sum(int(digit) * weight for digit, weight in zip(digits.zfill(8), weights, strict=True))
    check = 11 - total % 11
    return "0" if check >= 10 else str(check)


# --- The first revision ------------------------------------------------------------------------

# Statements stored before these normalisations carry identity revision 1 (Statement.
# identity_revision); a new statement is also checked against them, by the identity they were
# hashed with (signing.services.signed_before_revision), until none is left.
FIRST_REVISION, REVISION = 1, 2


def first_revision(statement):
    """The identity as revision 1 computed it, from the same statement."""
    country = statement["country"]
    if "document_number" in statement:
        number = re.sub(r"[\s.\-/]", "", statement["document_number"]).upper()
        if country == "SE":
            number = national_ids.personnummer_identity(number)
        return "|".join([country, statement["document_type"], number])
    parts = [
        country,
        _first_revision_text(statement["first_names"]),
        _first_revision_text(statement["family_names"]),
        statement["date_of_birth"],
        *(_first_revision_text(statement[name]) for name in ("street", "street_number")),
        _first_revision_text(statement["postal_code"]),
        _first_revision_text(statement["city"]),
        statement["residence_country"],
        _first_revision_text(statement.get("residence_country_other", "")),
    ]
    return "|".join(parts)


def _first_revision_text(value):
    decomposed = unicodedata.normalize("NFKD", value)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", bare).replace("_", " ").split())
