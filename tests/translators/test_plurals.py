"""Plural forms in every official language, for 0, 1, 2, 5, 21 and 101.

The expected form is computed here from each language's grammar, written independently of the
catalogues' Plural-Forms headers, so a wrong header or a missing form fails.
"""

import polib
import pytest
from django.conf import settings
from django.utils import translation

from .test_catalogues import LOCALE_DIR, TRANSLATED

COUNTS = (0, 1, 2, 5, 21, 101)


def _one_other(n):
    return 0 if n == 1 else 1


def _slavic_west(n):  # Czech, Slovak
    return 0 if n == 1 else 1 if 2 <= n <= 4 else 2


def _slavic_east(n):  # Polish: 1 | 2-4, 22-24, ... | the rest
    if n == 1:
        return 0
    return 1 if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14) else 2


def _croatian(n):
    if n % 10 == 1 and n % 100 != 11:
        return 0
    return 1 if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14) else 2


def _lithuanian(n):
    if n % 10 == 1 and n % 100 not in range(11, 20):
        return 0
    return 1 if n % 10 != 0 and n % 100 not in range(11, 20) else 2


def _latvian(n):
    if n % 10 == 1 and n % 100 != 11:
        return 0
    return 1 if n != 0 else 2


def _slovenian(n):
    return {1: 0, 2: 1, 3: 2, 4: 2}.get(n % 100, 3)


def _romanian(n):
    if n == 1:
        return 0
    return 1 if n == 0 or 0 < n % 100 < 20 else 2


def _irish(n):
    if n == 1:
        return 0
    if n == 2:
        return 1
    return 2 if 3 <= n <= 6 else 3 if 7 <= n <= 10 else 4


def _maltese(n):
    if n == 1:
        return 0
    if n == 0 or 2 <= n % 100 <= 10:
        return 1
    return 2 if 11 <= n % 100 <= 19 else 3


GRAMMAR = {
    **dict.fromkeys(
        ["bg", "da", "de", "el", "es", "et", "fi", "hu", "it", "nl", "pt", "sv"], _one_other
    ),
    "fr": lambda n: 0 if n in (0, 1) else 1,
    "cs": _slavic_west, "sk": _slavic_west, "pl": _slavic_east, "hr": _croatian,
    "lt": _lithuanian, "lv": _latvian, "sl": _slovenian, "ro": _romanian, "ga": _irish,
    "mt": _maltese,
}  # fmt: skip

# Irish and Maltese name the expected form explicitly for the counts the issue lists.
SPOT_CHECKS = {
    "ga": {0: 4, 1: 0, 2: 1, 5: 2, 21: 4, 101: 4},
    "mt": {0: 1, 1: 0, 2: 1, 5: 1, 21: 3, 101: 3},
    "pl": {0: 2, 1: 0, 2: 1, 5: 2, 21: 2, 101: 2},
    "sl": {0: 3, 1: 0, 2: 1, 5: 3, 21: 3, 101: 0},
}


def test_every_translated_language_has_a_grammar_here():
    assert set(GRAMMAR) == set(TRANSLATED)
    for code, expected in SPOT_CHECKS.items():
        assert {n: GRAMMAR[code](n) for n in COUNTS} == expected


@pytest.mark.parametrize("code", TRANSLATED)
def test_plural_forms(code):
    po = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
    plural_entries = [entry for entry in po if entry.msgid_plural and not entry.obsolete]
    assert plural_entries
    with translation.override(code):
        assert translation.get_language() == code
        for entry in plural_entries:
            for n in COUNTS:
                expected = entry.msgstr_plural[GRAMMAR[code](n)]
                assert translation.ngettext(entry.msgid, entry.msgid_plural, n) == expected, (
                    code,
                    entry.msgid,
                    n,
                )


def test_the_settings_know_each_language_by_its_own_name():
    names = dict(settings.LANGUAGES)
    assert names["mt"] == "Malti" and names["ga"] == "Gaeilge" and names["el"] == "ελληνικά"


# Counts in running text (issue 14): each is an ngettext in every catalogue, and every count
# reads with its number in every language, except in a form for exactly one, which may spell it
# out ("the only statement"; issue 23). Where the first form also serves 21 or 0 (fr, hr, lt,
# lv, sl), it keeps the number.
COUNTS_IN_RUNNING_TEXT = {
    "%(count)s of %(required)s statements of support": {"count", "required"},
    "%(count)s statement was destroyed; the counts are kept.": {"count"},
    "%(count)s statement is stored, encrypted, on the server.": {"count"},
    "This destroys the one statement of support stored for this initiative. It cannot be "
    "undone: export it first if the authorities still need it. The counts on the site stay as "
    "they are.": {"count"},
    "This is too long: use at most %(limit_value)d character.": {"limit_value"},
}


@pytest.mark.parametrize("code", TRANSLATED)
def test_counts_in_running_text_have_plural_forms(code):
    po = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
    with translation.override(code):
        for msgid, names in COUNTS_IN_RUNNING_TEXT.items():
            entry = po.find(msgid)
            assert entry is not None and entry.msgid_plural, (code, msgid)
            for n in COUNTS:
                text = translation.ngettext(msgid, entry.msgid_plural, n) % dict.fromkeys(names, n)
                assert str(n) in text or for_one_alone(code, n), (code, msgid, n)


def for_one_alone(code, n):
    """Whether n is 1 and its plural form in `code` serves no other count."""
    forms = GRAMMAR[code]
    return n == 1 and all(forms(other) != forms(1) for other in range(1000) if other != 1)


@pytest.mark.parametrize("code", TRANSLATED)
def test_document_has_a_context_for_each_meaning(code):
    po = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
    for context in ("a file in the CMS", "an identity document"):
        assert po.find("Document", msgctxt=context).msgstr, (code, context)
