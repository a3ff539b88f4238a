"""The interface translations are complete: no empty, fuzzy or mismatched entry."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|\{\w*\}|%[sdif]")
REQUIRED = ["bg", "ro"]


def catalogues():
    return sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po"))


def test_the_required_languages_have_catalogues():
    present = {path.parts[-3] for path in catalogues()}
    assert set(REQUIRED) <= present


@pytest.mark.parametrize("path", catalogues(), ids=lambda path: path.parts[-3])
def test_catalogue_is_complete(path):
    catalogue = polib.pofile(str(path))
    assert len(catalogue) > 100
    problems = []
    for entry in catalogue:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {entry.msgid!r}")
        if entry.msgid_plural:
            forms = [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
            if not forms or not all(forms):
                problems.append(f"empty plural: {entry.msgid!r}")
            translations = forms
            sources = [entry.msgid_plural]
        else:
            if not entry.msgstr:
                problems.append(f"empty: {entry.msgid!r}")
            translations = [entry.msgstr]
            sources = [entry.msgid]
        expected = set(PLACEHOLDER.findall(entry.msgid)) | {
            p for s in sources for p in PLACEHOLDER.findall(s)
        }
        for translation in translations:
            if translation and set(PLACEHOLDER.findall(translation)) - expected:
                problems.append(f"placeholder mismatch: {entry.msgid!r}")
            if (
                translation
                and entry.msgid_plural is None
                and (set(PLACEHOLDER.findall(translation)) != set(PLACEHOLDER.findall(entry.msgid)))
            ):
                problems.append(f"placeholder mismatch: {entry.msgid!r}")
    assert problems == []
