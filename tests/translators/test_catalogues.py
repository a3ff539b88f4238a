"""The interface catalogues: every official EU language, complete, with placeholders intact.

`locale/en` holds the extracted English strings (its translations stay empty: English is the
source); every other catalogue must translate exactly the same strings.
"""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|\{\w*\}|%[sdif]")
EU_LANGUAGES = sorted(settings.EU_LANGUAGES)
TRANSLATED = [code for code in EU_LANGUAGES if code != "en"]


def catalogue(code):
    return polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))


def keys(po):
    return {(entry.msgctxt, entry.msgid, entry.msgid_plural) for entry in po if not entry.obsolete}


def test_every_official_language_is_offered_and_has_a_catalogue():
    assert len(EU_LANGUAGES) == 24
    assert [code for code, _name in settings.LANGUAGES] == EU_LANGUAGES
    for code in EU_LANGUAGES:
        assert (LOCALE_DIR / code / "LC_MESSAGES" / "django.po").exists(), code


@pytest.mark.parametrize("code", TRANSLATED)
def test_catalogue_translates_every_string(code):
    po, source = catalogue(code), catalogue("en")
    assert len(source) > 300
    assert keys(po) == keys(source), "missing or extra strings: run `make messages`"
    problems = []
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {entry.msgid!r}")
        if entry.msgid_plural:
            forms = [entry.msgstr_plural.get(i, "") for i in range(nplurals(po))]
            if not all(form.strip() for form in forms):
                problems.append(f"empty plural form: {entry.msgid!r}")
            expected = set(PLACEHOLDER.findall(entry.msgid + entry.msgid_plural))
            # A form for exactly one may spell the number out; no form may invent a placeholder.
            if any(set(PLACEHOLDER.findall(form)) - expected for form in forms):
                problems.append(f"placeholder mismatch: {entry.msgid!r}")
        else:
            if not entry.msgstr.strip():
                problems.append(f"empty: {entry.msgid!r}")
            elif set(PLACEHOLDER.findall(entry.msgstr)) != set(PLACEHOLDER.findall(entry.msgid)):
                problems.append(f"placeholder mismatch: {entry.msgid!r} → {entry.msgstr!r}")
    assert problems == []


def nplurals(po):
    return int(re.search(r"nplurals=(\d+)", po.metadata["Plural-Forms"]).group(1))
