"""What a number or a postal code is expected to look like, said in the reader's language: its
length and its characters ("10 digits", "4 digits and 2 letters"), for the messages that say
what was wrong with what a signer typed."""

import re

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

DIGITS_ONLY = re.compile(r"\[0-9\]\{(\d+)(?:,(\d+))?\}")


def digits(count):
    return ngettext("%(count)s digit", "%(count)s digits", count) % {"count": count}


def letters(count):
    return ngettext("%(count)s letter", "%(count)s letters", count) % {"count": count}


def expected_from_pattern(pattern, example=""):
    """A digits-only pattern says its length ("10 digits", "7 to 8 digits"); any other is
    described by its example ("8 digits and 1 letter"), or as letters and digits."""
    if match := DIGITS_ONLY.fullmatch(pattern):
        low, high = match.groups()
        if high is None or low == high:
            return digits(int(low))
        return _("%(low)s to %(high)s digits") % {"low": low, "high": high}
    if example:
        return expected_from_example(example)
    return _("letters and digits")


def expected_from_example(example):
    """ "1234 AB" → "4 digits and 2 letters"; "10115" → "5 digits"."""
    digit_count = sum(ch.isdigit() for ch in example)
    letter_count = sum(ch.isalpha() for ch in example)
    if digit_count and letter_count:
        return _("%(digits)s and %(letters)s") % {
            "digits": digits(digit_count), "letters": letters(letter_count)
        }  # fmt: skip
    return digits(digit_count) if digit_count else letters(letter_count)
