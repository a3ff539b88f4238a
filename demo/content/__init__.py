"""The demo content: one JSON file per part of the site, each text in every demo language.

StreamField values are in their stored form, as wagtail-localize and the page models read them.
Dates are ISO strings in the files and `datetime.date` here.
"""

import datetime
import json
from pathlib import Path
from types import SimpleNamespace

DEMO_KEY_PASSPHRASE = "demonstration passphrase"  # noqa: S105 (the demo key's, printed by load_demo)
DATE_KEYS = {
    "date", "registration_date", "collection_start", "collection_end", "collected_on",
    "submitted_on",
}  # fmt: skip


def _with_dates(pairs):
    return {
        key: datetime.date.fromisoformat(value)
        if key in DATE_KEYS and isinstance(value, str)
        else value
        for key, value in pairs
    }


def load(part):
    """The named part ("site", "about", "guidance", "initiatives") as attributes."""
    text = (Path(__file__).parent / f"{part}.json").read_text(encoding="utf-8")
    return SimpleNamespace(**json.loads(text, object_pairs_hook=_with_dates))
