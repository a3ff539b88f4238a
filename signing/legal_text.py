"""The Annex III texts a statement-of-support form carries: the declaration the signer certifies
and the privacy statement, in the official wording of each language, for the regime the
initiative falls under (initiatives.deadlines.regime_for: 211/2011 or 2019/788).

They are legal wording, not interface text: they live as data with their sources
(legal_texts.json), outside the translation catalogues, so that no translator rewords them.
"""

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import get_language

from initiatives.deadlines import regime_for

DATA = Path(__file__).with_name("legal_texts.json")


@dataclass(frozen=True)
class LegalText:
    declaration: str
    privacy: str
    language: str  # the language the texts are in (the page's, or English as a last resort)
    regulation: str
    sources: dict


@functools.cache
def regimes():
    return json.loads(DATA.read_text(encoding="utf-8"))["regimes"]


def legal_text_for(initiative, language=None):
    """The declaration and privacy statement of the initiative's regime, in `language` (the
    active one by default)."""
    texts = regimes()[regime_for(initiative).key]
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if language not in texts["declaration"]:
        language = "en"
    return LegalText(
        declaration=texts["declaration"][language],
        privacy=texts["privacy"][language],
        language=language,
        regulation=texts["regulation"],
        sources=texts["sources"],
    )
