"""A date of birth as people write it, and the example each language shows.

One text field, not three (GOV.UK's day/month/year): the form keeps the one field every stored
statement, export and duplicate identity already name, and a signer types the date as their
language writes it. Counted on a phone (docs/signing.md): one tap into the field, one to the
digits layer, then the 10 characters of "31.12.1990" — 12; the three fields need three taps
and 8 digits on a number pad — 11; "31121990", accepted too, is 1 + 1 + 8 = 10.

Accepted, in every language: day, month and year in that order, or the year first, separated
by dots, slashes, hyphens or spaces (any of them, with a closing dot as in Croatian, Latvian or
Hungarian: "31. 12. 1990.", "1990. 12. 31."), or eight digits without separators (31121990 or
19901231). The year has four digits: "31.12.90" is refused rather than guessed.
"""

import datetime
import re

from django.utils import dateformat
from django.utils.translation import get_language

SEPARATED = re.compile(r"\s*(\d{1,4})\s*[./\-\s]\s*(\d{1,2})\s*[./\-\s]\s*(\d{1,4})\s*\.?\s*")
UNSEPARATED = re.compile(r"\s*(\d{8})\s*")

# How each language writes a date in figures (Django's date format characters), for the example
# its form shows: the national standards' numeric forms (cs ČSN 01 6910, sk STN 01 6910, hr and
# sl with spaces after the dots, hu "1990. 12. 31.", lt and sv ISO 8601), the day-month-year of
# the others.
NUMERIC_FORMATS = {
    "bg": "d.m.Y", "cs": "j. n. Y", "da": "d.m.Y", "de": "d.m.Y", "el": "d/m/Y", "en": "d/m/Y",
    "es": "d/m/Y", "et": "d.m.Y", "fi": "j.n.Y", "fr": "d/m/Y", "ga": "d/m/Y", "hr": "j. n. Y.",
    "hu": "Y. m. d.", "it": "d/m/Y", "lt": "Y-m-d", "lv": "d.m.Y.", "mt": "d/m/Y", "nl": "d-m-Y",
    "pl": "d.m.Y", "pt": "d/m/Y", "ro": "d.m.Y", "sk": "j. n. Y", "sl": "j. n. Y", "sv": "Y-m-d",
}  # fmt: skip
EXAMPLE_DATE = datetime.date(1990, 12, 31)


def written_example(language=None):
    """31 December 1990 as the language writes it in figures ("31. 12. 1990" in Slovak)."""
    language = (language or get_language() or "en").split("-")[0]
    return dateformat.format(EXAMPLE_DATE, NUMERIC_FORMATS.get(language, "d/m/Y"))


def parse_written_date(text):
    """The date `text` names, or None if it names none (or not with a four-digit year)."""
    text = text or ""
    if match := UNSEPARATED.fullmatch(text):
        digits = match.group(1)
        # 31121990 or 19901231: a year first leaves a 19 or 20 where a month would be, so the
        # two readings never both give a date.
        parts = [(digits[4:], digits[2:4], digits[:2]), (digits[:4], digits[4:6], digits[6:])]
    elif match := SEPARATED.fullmatch(text):
        first, month, last = match.groups()
        if len(first) == 4 and len(last) <= 2:
            parts = [(first, month, last)]
        elif len(last) == 4 and len(first) <= 2:
            parts = [(last, month, first)]
        else:
            return None
    else:
        return None
    for year, month, day in parts:
        try:
            return datetime.date(int(year), int(month), int(day))
        except ValueError:
            continue
    return None
