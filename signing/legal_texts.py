"""The legal texts of the statement of support: the declaration the signatory makes and the
privacy statement, per regime and official language — one place for every form that shows them.

They are official wording, not the site's own strings: they come from the Commission's online
collection software, which shows them in each official language (sources in legal_texts.json
beside this module, which holds the texts as data). They are therefore not in the translation
catalogues, where a translator could reword them. The regime is the initiative's
(initiatives.deadlines.regime_for: 211/2011 for registrations before 2020, 2019/788 after).

What is not verified (see docs/paper-forms.md): the 2019/788 privacy statement is the one the
Commission's software shows, which names the Commission and the representative of the group of
organisers as joint controllers; 211/2011's is the one of its forms before Delegated Regulation
(EU) 2018/1239 brought in the wording of the General Data Protection Regulation. The heading
each text began with ("Privacy statement:") is the form's own; in Czech the 211/2011 statement's
diacritics, lost in the software's last revision of it, were restored from its previous one.
"""

import functools
import json
from pathlib import Path

from django.utils.translation import get_language

from initiatives.deadlines import regime_for

TEXTS_FILE = Path(__file__).with_name("legal_texts.json")
FALLBACK_LANGUAGE = "en"


@functools.cache
def _texts():
    return json.loads(TEXTS_FILE.read_text(encoding="utf-8"))


def regimes():
    """The regulations the texts exist for (each Regime.regulation of initiatives.deadlines)."""
    return [key for key in _texts() if not key.startswith("_")]


def _text(kind, initiative, language):
    by_language = _texts()[regime_for(initiative).regulation][kind]
    language = (language or get_language() or FALLBACK_LANGUAGE).split("-")[0]
    return by_language.get(language) or by_language[FALLBACK_LANGUAGE]


def declaration(initiative, language=None):
    """What the signatory certifies, in `language` (the active one by default)."""
    return _text("declaration", initiative, language)


def privacy_statement(initiative, language=None):
    """The privacy statement of the form, in `language` (the active one by default)."""
    return _text("privacy_statement", initiative, language)


def sources():
    return _texts()["_sources"]
