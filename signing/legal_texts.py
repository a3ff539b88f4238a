"""The legal texts of the statement of support: the declaration the signatory makes and the
privacy statement, per regime and official language — one place for every form that shows them.

They are official wording, not the site's own strings (sources in legal_texts.json beside this
module, which holds the texts as data), so they are not in the translation catalogues, where a
translator could reword them. The regime is the initiative's (initiatives.deadlines.regime_for:
211/2011 for registrations before 2020, 2019/788 after).

Under 2019/788, Annex III's privacy statement names the controller, which depends on the route:
the Commission and the organisers jointly on the central online collection system, the group of
organisers alone on an individual (own) system and on paper (the Commission's data-protection
guidance for organisers, questions 1 and 2). Every form this site shows is of the second kind —
its own system, for initiatives registered by 2022 and test collections, and the paper forms
(the central system shows its statement itself) — so the JSON holds that variant.

A language whose official wording was not found is listed under "_missing" in the JSON, with the
reason, and gets the English text, marked as English (`LegalText.language`), never a wording of
our own. What is not verified is said in the JSON's "_sources" and in docs/paper-forms.md.
"""

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import get_language

from initiatives.deadlines import regime_for

TEXTS_FILE = Path(__file__).with_name("legal_texts.json")
FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class LegalText:
    text: str
    language: str  # the text's own: the reader's, or FALLBACK_LANGUAGE where it is missing

    def __str__(self):
        return self.text

    @property
    def paragraphs(self):
        return self.text.split("\n\n")


@functools.cache
def _texts():
    return json.loads(TEXTS_FILE.read_text(encoding="utf-8"))


def regimes():
    """The regulations the texts exist for (each Regime.regulation of initiatives.deadlines)."""
    return [key for key in _texts() if not key.startswith("_")]


def _text(kind, initiative, language):
    by_language = _texts()[regime_for(initiative).regulation][kind]
    language = (language or get_language() or FALLBACK_LANGUAGE).split("-")[0]
    if language not in by_language:
        language = FALLBACK_LANGUAGE
    return LegalText(by_language[language], language)


def declaration(initiative, language=None):
    """What the signatory certifies, in `language` (the active one by default)."""
    return _text("declaration", initiative, language)


def privacy_statement(initiative, language=None):
    """The privacy statement of the form, in `language` (the active one by default)."""
    return _text("privacy_statement", initiative, language)


def sources():
    return _texts()["_sources"]
