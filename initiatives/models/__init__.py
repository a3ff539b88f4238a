"""The registered record and its counters (records), and the pages that show them (pages)."""

from .pages import InitiativeIndexPage, InitiativePage, InitiativeTopic
from .partners import ClickThroughCounter, Partner
from .readings import CentralReading, CentralSystemState
from .records import (
    CountOfStatements,
    ExternalCount,
    Initiative,
    Organiser,
    PaperBatch,
    SupportCounter,
    Topic,
    one_row_per_part,
)
from .register import RegisteredText, registered_text

__all__ = [
    "CentralReading",
    "CentralSystemState",
    "ClickThroughCounter",
    "CountOfStatements",
    "ExternalCount",
    "Initiative",
    "InitiativeIndexPage",
    "InitiativePage",
    "InitiativeTopic",
    "Organiser",
    "PaperBatch",
    "Partner",
    "RegisteredText",
    "SupportCounter",
    "Topic",
    "one_row_per_part",
    "registered_text",
]
